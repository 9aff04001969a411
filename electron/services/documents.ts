import type { Candidate } from '../../shared/candidates';
import type { EmployerSheetExtra } from '../../shared/documents';
import { formatSiret } from '../../shared/employers';
import { type Language, translator } from '../../shared/i18n';
import { inclusiveDays } from '../../shared/dates';
import { formatPhone } from '../../shared/phone';
import { languageName } from '../../shared/reference';
import type { ReportFile } from '../../shared/reports';
import { type Clock, moment, systemClock } from '../core/clock';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { currentCaller } from '../store/caller';
import { findPlacement } from '../store/placements';
import { listSectors } from '../store/sectors';
import { createCandidateService } from './candidates';
import { createEmployerService } from './employers';
import { readAssociationProfile, slug } from './exchange/keys';
import { finishPdf } from './report-documents';
import { FONTS, newPdf } from './pdf';

type Translate = ReturnType<typeof translator>;

/**
 * The documents printed for a person (shared/documents.ts): a presentation sheet for an
 * employer, a one-page CV, the PMSMP agreement. Each is laid out from the file as it is now, in
 * the language asked; nothing is stored.
 */
export function createDocumentService(db: Db, clock: Clock = systemClock) {
  const candidates = createCandidateService(db, clock);
  const employers = createEmployerService(db, clock);

  const sectorNames = (ids: readonly string[]) => {
    const names = new Map(listSectors(db, { includeArchived: true }).map((sector) => [sector.id, sector.name]));
    return ids.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
  };
  const association = () => readAssociationProfile(db);
  const today = () => moment(clock).now.slice(0, 10);

  /** What a person is looking for and brings: the part every document shares. */
  function profileBlock(page: Page, candidate: Candidate, language: Language) {
    const { t } = page;
    page.section(t('documents.ui.project'));
    page.field(t('documents.ui.occupations'), candidate.occupations.map((occupation) => occupation.label).join(', '));
    page.field(t('documents.ui.sectors'), sectorNames(candidate.sectorIds).join(', '));
    page.paragraph(t('documents.ui.experience'), candidate.experience);
    page.field(
      t('documents.ui.qualifications'),
      candidate.qualifications.map((item) => (item.recognised ? `${item.label} (${t('documents.ui.recognised')})` : item.label)).join(' ; '),
    );
    page.section(t('documents.ui.languages'));
    page.field(t('documents.ui.frenchLevel'), frenchLevel(candidate, t));
    page.field(t('documents.ui.otherLanguages'), candidate.languages.map((code) => languageName(code, language)).join(', '));
    page.section(t('documents.ui.availability'));
    page.field(t('documents.ui.availableFrom'), candidate.availableFrom ? dayText(candidate.availableFrom) : null);
    page.field(t('documents.ui.availabilityNote'), candidate.availability);
    page.field(t('documents.ui.mobility'), mobility(candidate, t));
  }

  function referent(t: Translate): string[] {
    const profile = association();
    const caller = currentCaller();
    const lines = [profile?.name, caller ? t('documents.ui.referent', { name: caller.name }) : null, phoneText(profile?.phone), profile?.email];
    return lines.filter((line): line is string => Boolean(line));
  }

  return {
    async presentationSheet({ candidateId, language, extras }: { candidateId: string; language: Language; extras: EmployerSheetExtra[] }): Promise<ReportFile> {
      const candidate = candidates.get({ id: candidateId });
      presentable(candidate);
      const page = new Page(language, translator(language)('documents.ui.sheet.title'));
      const { t } = page;
      page.title(t('documents.ui.sheet.title'), `${candidate.firstName} ${candidate.lastName}`);
      if (extras.includes('age') && candidate.birthDate) page.field(t('documents.ui.age'), t('documents.ui.years', { count: String(yearsBetween(candidate.birthDate, today())) }));
      if (extras.includes('phone')) page.field(t('documents.ui.phone'), phoneText(candidate.phone));
      profileBlock(page, candidate, language);
      if (extras.includes('workAuthorisation')) {
        page.section(t('documents.ui.workAuthorisation'));
        page.field(t('documents.ui.document'), candidate.authorisationDocument ? t(`candidates.values.documents.${candidate.authorisationDocument}`) : null);
        page.field(t('documents.ui.validUntil'), candidate.authorisationExpiry ? dayText(candidate.authorisationExpiry) : null);
        if (candidate.employerMustApply) page.note(t('documents.ui.employerMustApply'));
      }
      page.section(t('documents.ui.sheet.contact'));
      for (const line of referent(t)) page.line(line);
      page.note(t('documents.ui.sheet.confidential', { date: dayText(today()) }));
      return page.file(fileName('profil', candidate, today()));
    },

    async cv({ candidateId, language }: { candidateId: string; language: Language }): Promise<ReportFile> {
      const candidate = candidates.get({ id: candidateId });
      const page = new Page(language, `${candidate.firstName} ${candidate.lastName}`);
      const { t } = page;
      page.title(`${candidate.firstName} ${candidate.lastName}`, [phoneText(candidate.phone), candidate.email, candidate.commune].filter(Boolean).join(' · '));
      profileBlock(page, candidate, language);
      return page.file(fileName('cv', candidate, today()), t('documents.ui.cv.footer'));
    },

    async pmsmpAgreement({ placementId, language }: { placementId: string; language: Language }): Promise<ReportFile> {
      const placement = findPlacement(db, placementId);
      if (placement.kind !== 'pmsmp') throw new AppError('conflict', 'documents.errors.notPmsmp');
      const candidate = candidates.get({ id: placement.candidateId });
      const employer = placement.employerId ? employers.get({ id: placement.employerId }) : null;
      const profile = association();
      const page = new Page(language, translator(language)('documents.ui.pmsmp.title'));
      const { t } = page;
      page.title(t('documents.ui.pmsmp.title'), t('documents.ui.pmsmp.legalBasis'));
      if (language !== 'fr') page.note(t('documents.ui.pmsmp.translation'));

      page.section(t('documents.ui.pmsmp.person'));
      page.field(t('documents.ui.name'), `${candidate.firstName} ${candidate.lastName}`);
      page.field(t('documents.ui.birthDate'), candidate.birthDate ? dayText(candidate.birthDate) : null, true);
      page.field(t('documents.ui.address'), [candidate.address, candidate.postalCode, candidate.commune].filter(Boolean).join(' ') || null, true);
      page.field(t('documents.ui.phone'), phoneText(candidate.phone), true);
      page.field(t('documents.ui.pmsmp.situation'), candidate.publicCategory ? t(`candidates.values.publicCategories.${candidate.publicCategory}`) : null, true);

      page.section(t('documents.ui.pmsmp.prescriber'));
      page.field(t('documents.ui.pmsmp.organisation'), placement.prescriber, true);
      page.field(t('documents.ui.pmsmp.prescriberReferent'), null, true);

      page.section(t('documents.ui.pmsmp.support'));
      page.field(t('documents.ui.pmsmp.organisation'), profile?.name ?? null, true);
      page.field(t('documents.ui.siret'), profile?.siret ? formatSiret(profile.siret) : null, true);
      page.field(t('documents.ui.pmsmp.supportReferent'), currentCaller()?.name ?? null, true);
      page.field(t('documents.ui.phone'), phoneText(profile?.phone), true);

      page.section(t('documents.ui.pmsmp.host'));
      page.field(t('documents.ui.pmsmp.organisation'), employer?.name ?? placement.organisation, true);
      page.field(t('documents.ui.siret'), employer?.siret ? formatSiret(employer.siret) : null, true);
      page.field(t('documents.ui.address'), employer ? [employer.address, employer.postalCode, employer.commune].filter(Boolean).join(' ') || null : null, true);
      page.field(t('documents.ui.pmsmp.tutor'), placement.tutor, true);

      page.section(t('documents.ui.pmsmp.terms'));
      page.field(
        t('documents.ui.pmsmp.dates'),
        t('documents.ui.pmsmp.fromTo', { from: dayText(placement.startDate), to: dayText(placement.endDate), days: String(inclusiveDays(placement.startDate, placement.endDate)) }),
      );
      page.field(t('documents.ui.pmsmp.hours'), null, true);
      page.field(t('documents.ui.pmsmp.place'), null, true);
      page.paragraph(t('documents.ui.pmsmp.objective'), placement.objective, true);
      page.paragraph(t('documents.ui.pmsmp.tasks'), null, true);
      page.paragraph(t('documents.ui.pmsmp.evaluation'), t('documents.ui.pmsmp.evaluationText'));
      page.note(t('documents.ui.pmsmp.status'));

      page.signatures(t('documents.ui.pmsmp.signatures'), [t('documents.ui.pmsmp.signPerson'), t('documents.ui.pmsmp.signHost'), t('documents.ui.pmsmp.signPrescriber'), t('documents.ui.pmsmp.signSupport')]);
      return page.file(fileName('pmsmp', candidate, placement.startDate));
    },
  };
}

/** A presentation goes to an employer only with the person's consent to being recorded standing. */
function presentable(candidate: Candidate): void {
  if (candidate.consentWithdrawnOn !== null) throw new AppError('conflict', 'documents.errors.consentWithdrawn');
  if (candidate.archivedAt !== null || candidate.mergedIntoId !== null) throw new AppError('conflict', 'documents.errors.notActive');
}

function frenchLevel(candidate: Candidate, t: Translate): string {
  const level = t(`candidates.values.frenchLevelsShort.${candidate.frenchLevel}`);
  return candidate.frenchLevelProof ? `${level} (${t(`candidates.values.proofs.${candidate.frenchLevelProof}`)})` : level;
}

function mobility(candidate: Candidate, t: Translate): string | null {
  const parts = [
    candidate.mobility ? t(`candidates.values.mobilities.${candidate.mobility}`) : null,
    candidate.maxDistanceKm !== null ? t('documents.ui.upToKm', { km: String(candidate.maxDistanceKm) }) : null,
    candidate.maxTravelMinutes !== null ? t('documents.ui.upToMinutes', { minutes: String(candidate.maxTravelMinutes) }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** dd/mm/yyyy: how the three languages' readers write a day, whatever the system's locale. */
function dayText(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

const phoneText = (phone: string | null | undefined) => (phone ? formatPhone(phone) : null);

function yearsBetween(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5, 10) ? years - 1 : years;
}

/** `profil-diallo-2026-12-03.pdf`: what it is, whose, and when; ASCII only, for every file system. */
const fileName = (kind: string, candidate: Candidate, date: string) => `${kind}-${slug(candidate.lastName, 'personne')}-${date}.pdf`;

const MARGIN = 50;
const LABEL_WIDTH = 150;
const BLANK = '..........................................................';

/** One short document in the chosen language: sections of labelled fields, black on white. */
class Page {
  readonly t: Translate;
  private readonly doc: PDFKit.PDFDocument;
  private readonly width: number;

  constructor(language: Language, title: string) {
    this.t = translator(language);
    this.doc = newPdf({ size: 'A4', margin: MARGIN, bufferPages: true, lang: language, info: { Title: title, Creator: 'Tremplin' } });
    this.width = this.doc.page.width - 2 * MARGIN;
  }

  title(title: string, subtitle: string): void {
    this.doc.font(FONTS.bold).fontSize(18).text(title, MARGIN, MARGIN, { width: this.width });
    if (subtitle) this.doc.font(FONTS.regular).fontSize(11).text(subtitle, { width: this.width });
    this.doc.moveDown(0.5);
  }

  section(title: string): void {
    this.room(40);
    this.doc.moveDown(0.6);
    const y = this.doc.y;
    this.doc.font(FONTS.bold).fontSize(12).text(title, MARGIN, y, { width: this.width });
    this.doc.moveTo(MARGIN, this.doc.y + 1).lineTo(MARGIN + this.width, this.doc.y + 1).lineWidth(0.5).stroke('black');
    this.doc.moveDown(0.3);
  }

  /** A label and its value; left out when there is no value, unless the form leaves a blank to fill by hand. */
  field(label: string, value: string | null, blankToFill = false): void {
    if (!value && !blankToFill) return;
    this.room(16);
    const y = this.doc.y;
    this.doc.font(FONTS.bold).fontSize(10).text(label, MARGIN, y, { width: LABEL_WIDTH - 8 });
    const labelBottom = this.doc.y;
    this.doc.font(FONTS.regular).fontSize(10).text(value || BLANK, MARGIN + LABEL_WIDTH, y, { width: this.width - LABEL_WIDTH });
    this.doc.y = Math.max(this.doc.y, labelBottom) + 3;
  }

  /** A longer text under its label; left blank, three ruled lines to write on. */
  paragraph(label: string, text: string | null, blankToFill = false): void {
    if (!text && !blankToFill) return;
    this.room(text ? 40 : 70);
    this.doc.font(FONTS.bold).fontSize(10).text(label, MARGIN, this.doc.y, { width: this.width });
    if (text) this.doc.font(FONTS.regular).fontSize(10).text(text, { width: this.width });
    else {
      for (let line = 1; line <= 3; line += 1) {
        const y = this.doc.y + line * 16;
        this.doc.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(0.3).dash(1, { space: 2 }).stroke('black').undash();
      }
      this.doc.y += 52;
    }
    this.doc.moveDown(0.4);
  }

  line(text: string): void {
    this.doc.font(FONTS.regular).fontSize(10).text(text, MARGIN, this.doc.y, { width: this.width });
  }

  note(text: string): void {
    this.room(30);
    this.doc.moveDown(0.4);
    this.doc.font(FONTS.italic).fontSize(9).text(text, MARGIN, this.doc.y, { width: this.width });
  }

  /** Boxes side by side, two per row, for the parties to sign and date, kept on one page with their title. */
  signatures(title: string, parties: string[]): void {
    this.room(60 + 82 * Math.ceil(parties.length / 2));
    this.section(title);
    const boxWidth = (this.width - 20) / 2;
    for (let index = 0; index < parties.length; index += 2) {
      const y = this.doc.y + 6;
      parties.slice(index, index + 2).forEach((party, column) => {
        const x = MARGIN + column * (boxWidth + 20);
        this.doc.rect(x, y, boxWidth, 75).lineWidth(0.5).stroke('black');
        this.doc.font(FONTS.regular).fontSize(9).text(party, x + 6, y + 6, { width: boxWidth - 12 });
      });
      this.doc.y = y + 82;
    }
  }

  file(name: string, footer?: string): Promise<ReportFile> {
    return finishPdf(this.doc, (page, pages) => (footer ? `${footer} · ${page}/${pages}` : `${page}/${pages}`)).then((bytes) => ({
      fileName: name,
      mimeType: 'application/pdf',
      content: bytes.toString('base64'),
    }));
  }

  private room(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN - 20) this.doc.addPage();
  }
}

