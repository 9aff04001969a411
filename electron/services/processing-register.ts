import { BACKUP_RETENTION } from '../../shared/backups';
import type { Language } from '../../shared/i18n/languages';
import { type ProcessingRegisterFile, RETENTION_NOTICE_DAYS, RETENTION_RULES } from '../../shared/retention';
import { type Clock, moment, systemClock } from '../core/clock';
import type { Db } from '../db/open';
import { activePartnerNames } from '../store/retention';
import { readSetting } from '../store/settings';
import { z } from 'zod';
import { finishPdf, pdfDocument, translator } from './report-documents';
import { retentionSettingsOf } from './retention';
import { FONTS } from './pdf';

const MARGIN = 50;
const BLANK = '________________________________________';

/** The register's sections, in order; each one's lines are translation keys under `retention.ui.register`. */
const PURPOSES = ['support', 'matching', 'journey', 'exchange', 'statistics'] as const;
const PEOPLE = ['candidates', 'employerContacts', 'volunteers', 'partnerContacts', 'accounts'] as const;
const DATA = ['identity', 'administrative', 'french', 'mobility', 'barriers', 'project', 'journey', 'consent', 'never'] as const;
const SECURITY = ['encryption', 'accounts', 'backups', 'audit', 'exchange', 'lock'] as const;

const profileSchema = z.object({ name: z.string(), siret: z.string().nullable().optional(), email: z.string().nullable().optional(), phone: z.string().nullable().optional() });

/**
 * The register of processing activities (GDPR art. 30) as a printable PDF, prefilled from what
 * Tremplin knows (the association's profile, its partners, the retention periods it applies, how
 * it protects the data), with blanks for what only the association can say.
 */
export function processingRegisterPdf(db: Db, language: Language, clock: Clock = systemClock): Promise<ProcessingRegisterFile> {
  const t = translator(language);
  const k = (key: string, values?: Record<string, string>) => t(`retention.ui.register.${key}`, values);
  const { today } = moment(clock);
  const profile = readSetting(db, 'association', profileSchema);
  const settings = retentionSettingsOf(db);
  const partners = activePartnerNames(db);

  const doc = pdfDocument({ title: k('title'), subtitle: [profile?.name ?? k('associationBlank'), k('printedOn', { date: today })] });
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.8).font(FONTS.bold).fontSize(13).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3).font(FONTS.regular).fontSize(10);
  };
  const line = (text: string) => doc.font(FONTS.regular).fontSize(10).text(text, MARGIN, doc.y, { width });
  const bullet = (text: string) => doc.font(FONTS.regular).fontSize(10).text(`•  ${text}`, MARGIN + 8, doc.y, { width: width - 8 });
  const blank = (label: string) => line(`${label} : ${BLANK}`);

  doc.font(FONTS.regular).fontSize(10).text(k('intro'), MARGIN, MARGIN, { width });

  heading(k('controller'));
  line(`${k('name')} : ${profile?.name ?? BLANK}`);
  line(`${k('siret')} : ${profile?.siret || BLANK}`);
  line(`${k('contact')} : ${[profile?.email, profile?.phone].filter(Boolean).join(' · ') || BLANK}`);
  blank(k('representative'));
  blank(k('dpo'));

  heading(k('purposesTitle'));
  for (const key of PURPOSES) bullet(k(`purposes.${key}`));
  blank(k('legalBasis'));

  heading(k('peopleTitle'));
  for (const key of PEOPLE) bullet(k(`people.${key}`));

  heading(k('dataTitle'));
  for (const key of DATA) bullet(k(`data.${key}`));

  heading(k('recipientsTitle'));
  bullet(k('recipients.internal'));
  bullet(partners.length > 0 ? k('recipients.partners', { names: partners.join(', ') }) : k('recipients.noPartners'));
  bullet(k('recipients.funders'));
  blank(k('recipients.other'));
  heading(k('transfersTitle'));
  line(k('transfers'));
  blank(k('transfersOther'));

  heading(k('retentionTitle'));
  for (const rule of RETENTION_RULES) {
    if (rule.subject === 'candidates') {
      bullet(k('retention.candidates', { days: String(settings.candidateDays), notice: String(RETENTION_NOTICE_DAYS) }));
      if (settings.reasonForLonger) line(k('retention.longerBecause', { reason: settings.reasonForLonger }));
    } else if (rule.subject === 'audit') bullet(k('retention.audit', { months: String(rule.months) }));
    else bullet(k(`retention.${rule.subject}`, { days: String(rule.days) }));
  }
  bullet(k('retention.backups', { months: String(BACKUP_RETENTION.monthly) }));
  bullet(k('retention.erasure'));

  heading(k('securityTitle'));
  for (const key of SECURITY) bullet(k(`security.${key}`));
  blank(k('securityOther'));

  heading(k('signatureTitle'));
  blank(k('updatedOn'));
  blank(k('signedBy'));

  return finishPdf(doc, (page, pages) => k('page', { page: String(page), pages: String(pages) })).then((bytes) => ({
    fileName: `tremplin-registre-art30-${today}.pdf`,
    content: bytes.toString('base64'),
  }));
}
