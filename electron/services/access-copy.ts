import type { Candidate } from '../../shared/candidates';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n';
import { formatPhone } from '../../shared/phone';
import { countryName, languageName } from '../../shared/reference';
import type { CopyNames } from '../store/rights-requests';
import { finishPdf, pdfDocument } from './report-documents';
import { FONTS } from './pdf';

/**
 * A person's copy of everything held about them (GDPR art. 15), as a document they can read: the
 * very content of the JSON copy, every label in their language, every value in words (no codes,
 * no ids but where nothing else names a record), dates as people write them.
 */

type Translate = ReturnType<typeof translator>;
type Row = Record<string, unknown>;

/** What the JSON copy holds (electron/services/rights.ts), as this document reads it. */
export interface HeldAboutPerson {
  exportedAt: string;
  files: (Candidate & { barrierHistory: { theme: string; change: string; createdAt: string; author: string | null; barrier: { status: string; action: string | null } | null }[] })[];
  sharingConsents: { candidateId: string; partnerId: string }[];
  timeline: Row[];
  presentations: Row[];
  presentationEvents: Row[];
  placements: Row[];
  recruitments: Row[];
  followUps: Row[];
  sessionVisits: Row[];
  exchanges: { at: string; direction: string; counterpartName: string | null; fileName: string | null }[];
  audit: { at: string; actor: string | null; action: string; subjectType: string; details: unknown }[];
  requests: { kind: string; receivedOn: string; channel: string; requester: string; answeredOn: string | null }[];
}

const MARGIN = 50;
const CONSENT_FIELDS = ['consentRecording', 'consentContact', 'consentDate', 'consentMethod', 'consentWithdrawnOn', 'sharingPartnerIds'];

/** dd/mm/yyyy in French and Italian (and British English), as forms are filled in. */
function dateFormats(language: Language) {
  const locale = language === 'en' ? 'en-GB' : language;
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return {
    date: (value: unknown) => (typeof value === 'string' && value.length >= 10 ? day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : ''),
    instant: (value: unknown) => (typeof value === 'string' ? instant.format(new Date(value)) : ''),
  };
}

export function accessCopyPdf(held: HeldAboutPerson, names: CopyNames, association: string | null, language: Language): Promise<Buffer> {
  const t = translator(language);
  const { date, instant } = dateFormats(language);
  const yes = t('rights.ui.copy.yes');
  const no = t('rights.ui.copy.no');
  const text = (value: unknown) => (value === null || value === undefined || value === '' ? '' : String(value));
  const yesNo = (value: unknown) => (value ? yes : no);
  const choice = (key: string, value: unknown) => (typeof value === 'string' && value ? t(`${key}.${value}`) : '');
  const sector = (id: string) => {
    const found = names.sectors.get(id);
    return found?.name ?? (found?.seedKey ? t(`sectors.values.${found.seedKey}`) : '');
  };
  const jobNeed = (id: unknown) => {
    const found = typeof id === 'string' ? names.jobNeeds.get(id) : undefined;
    return found ? t('rights.ui.copy.jobAt', { occupation: found.occupation, employer: found.employer }) : '';
  };
  const employer = (row: Row) => (typeof row.employerId === 'string' ? (names.employers.get(row.employerId) ?? '') : text(row.organisation));
  const field = (name: string) => t(`candidates.ui.fields.${name}`);
  const main = held.files[0];
  const fullName = main ? `${main.firstName} ${main.lastName}` : '';

  const doc = pdfDocument({
    title: t('rights.ui.copy.title'),
    subtitle: [fullName, association ?? '', t('rights.ui.copy.producedOn', { date: date(held.exportedAt) })],
  });
  doc.font(FONTS.regular).fontSize(10).text(t('rights.ui.copy.intro'), MARGIN, doc.y + 30, { align: 'left' });

  const heading = (title: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    else doc.moveDown(1);
    doc.font(FONTS.bold).fontSize(14).text(title, MARGIN);
    doc.moveDown(0.3);
  };
  const subheading = (title: string) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.moveDown(0.4);
    doc.font(FONTS.bold).fontSize(11).text(title, MARGIN);
    doc.moveDown(0.2);
  };
  /** Label and value side by side; empty values read as "not given" so the person sees the field exists. */
  const pairs = (rows: [string, string][]) => {
    const width = doc.page.width - 2 * MARGIN;
    for (const [label, value] of rows) {
      if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
      const y = doc.y;
      doc.font(FONTS.bold).fontSize(9).text(label, MARGIN, y, { width: 190 });
      const afterLabel = doc.y;
      doc.font(FONTS.regular).fontSize(9).text(value || t('rights.ui.copy.notGiven'), MARGIN + 200, y, { width: width - 200 });
      doc.y = Math.max(afterLabel, doc.y) + 3;
    }
    doc.x = MARGIN;
  };
  const none = () => doc.font(FONTS.italic).fontSize(9).text(t('rights.ui.copy.none'), MARGIN);
  /** One entry per line: its date first, then what it says. */
  const entries = (items: { when: string; lines: string[] }[]) => {
    if (items.length === 0) return none();
    for (const item of items) {
      if (doc.y > doc.page.height - MARGIN - 50) doc.addPage();
      doc.font(FONTS.bold).fontSize(9).text(item.when, MARGIN, doc.y, { continued: item.lines.length > 0 });
      if (item.lines.length > 0) doc.font(FONTS.regular).text(`  ${item.lines[0]}`);
      for (const line of item.lines.slice(1)) doc.font(FONTS.regular).fontSize(9).text(line, MARGIN + 12);
      doc.moveDown(0.3);
    }
  };

  for (const file of held.files) {
    if (file !== main) {
      doc.addPage();
      doc.font(FONTS.bold).fontSize(14).text(t('rights.ui.copy.mergedFile', { name: `${file.firstName} ${file.lastName}` }), MARGIN);
    }
    heading(t('candidates.ui.sections.identity'));
    pairs([
      [field('firstName'), file.firstName],
      [field('lastName'), file.lastName],
      [field('otherNames'), file.otherNames.join(', ')],
      [field('gender'), choice('candidates.values.genders', file.gender)],
      [field('birthDate'), date(file.birthDate)],
      [field('nationality'), file.nationality ? countryName(file.nationality, language) : ''],
      [field('languages'), file.languages.map((code) => languageName(code, language)).join(', ')],
      [field('phone'), file.phone ? formatPhone(file.phone) : ''],
      [field('phoneWhatsapp'), yesNo(file.phoneWhatsapp)],
      [field('secondPhone'), file.secondPhone ? formatPhone(file.secondPhone) : ''],
      [field('email'), text(file.email)],
      [field('address'), text(file.address)],
      [field('postalCode'), text(file.postalCode)],
      [field('commune'), text(file.commune)],
    ]);
    heading(t('candidates.ui.sections.followUp'));
    pairs([
      [field('status'), choice('candidates.values.statuses', file.status)],
      [field('publicCategory'), choice('candidates.values.publicCategories', file.publicCategory)],
      [field('assignedPair'), file.assignedPairId ? (names.pairs.get(file.assignedPairId) ?? '') : ''],
      [field('assignedVolunteer'), file.assignedVolunteerId ? (names.volunteers.get(file.assignedVolunteerId) ?? '') : ''],
      [t('rights.ui.copy.createdOn'), date(file.createdAt)],
      [t('rights.ui.copy.updatedOn'), date(file.updatedAt)],
      [t('rights.ui.copy.archivedOn'), date(file.archivedAt)],
    ]);
    heading(t('candidates.ui.sections.work'));
    pairs([
      [field('frenchLevel'), choice('candidates.values.frenchLevelsShort', file.frenchLevel)],
      [field('frenchLevelProof'), choice('candidates.values.proofs', file.frenchLevelProof)],
      [field('frenchLevelDate'), date(file.frenchLevelDate)],
      [field('authorisationDocument'), choice('candidates.values.documents', file.authorisationDocument)],
      [field('authorisationStart'), date(file.authorisationStart)],
      [field('authorisationExpiry'), date(file.authorisationExpiry)],
      [field('employerMustApply'), yesNo(file.employerMustApply)],
      [field('asylumRegisteredOn'), date(file.asylumRegisteredOn)],
    ]);
    heading(t('candidates.ui.sections.mobility'));
    pairs([
      [field('mobility'), choice('candidates.values.mobilities', file.mobility)],
      [field('maxDistanceKm'), text(file.maxDistanceKm)],
      [field('maxTravelMinutes'), text(file.maxTravelMinutes)],
    ]);
    heading(t('candidates.ui.sections.project'));
    pairs([
      [field('sectors'), file.sectorIds.map(sector).join(', ')],
      [field('occupations'), file.occupations.map((occupation) => occupation.label).join(', ')],
      [field('experience'), text(file.experience)],
      [
        field('qualifications'),
        file.qualifications.map((item) => (item.recognised ? `${item.label} (${field('recognised').toLowerCase()})` : item.label)).join(', '),
      ],
      [field('availability'), text(file.availability)],
      [field('availableFrom'), date(file.availableFrom)],
    ]);
    heading(t('candidates.ui.sections.referral'));
    pairs([
      [field('referralPartner'), file.referralPartnerId ? (names.partners.get(file.referralPartnerId) ?? '') : ''],
      [field('referrerContact'), text(file.referrerContact)],
      [field('referredOn'), date(file.referredOn)],
    ]);
    heading(t('candidates.ui.sections.barriers'));
    if (file.barriers.length === 0) none();
    pairs(
      file.barriers.map((barrier) => [
        t(`candidates.values.barrierThemes.${barrier.theme}`),
        [t(`candidates.values.barrierStatuses.${barrier.status}`), barrier.action ?? '', date(barrier.changedOn)].filter(Boolean).join(' — '),
      ]),
    );
    subheading(t('rights.ui.copy.barrierHistory'));
    entries(
      file.barrierHistory.map((event) => ({
        when: date(event.createdAt),
        lines: [
          [t(`candidates.values.barrierThemes.${event.theme}`), t(`rights.ui.copy.barrierChanges.${event.change}`), event.barrier?.action ?? '', event.author ?? '']
            .filter(Boolean)
            .join(' — '),
        ],
      })),
    );
  }

  const consentFile = main;
  heading(t('rights.ui.copy.sections.consent'));
  if (consentFile) {
    const sharedWith = held.sharingConsents.map((consent) => names.partners.get(consent.partnerId) ?? '').filter(Boolean);
    pairs([
      [field('consentRecording'), yesNo(consentFile.consentRecording)],
      [field('consentContact'), yesNo(consentFile.consentContact)],
      [field('sharingPartners'), sharedWith.join(', ')],
      [field('consentDate'), date(consentFile.consentDate)],
      [field('consentMethod'), choice('candidates.values.consentMethods', consentFile.consentMethod)],
      [field('consentWithdrawnOn'), date(consentFile.consentWithdrawnOn)],
    ]);
  }
  subheading(t('rights.ui.copy.consentChanges'));
  entries(
    held.audit
      .filter((entry) => entry.subjectType.startsWith('candidate') && changedFields(entry.details).some((name) => CONSENT_FIELDS.includes(name)))
      .map((entry) => ({
        when: instant(entry.at),
        lines: [
          t('rights.ui.copy.consentChanged', {
            fields: changedFields(entry.details)
              .filter((name) => CONSENT_FIELDS.includes(name))
              .map((name) => field(name === 'sharingPartnerIds' ? 'sharingPartners' : name))
              .join(' ; '),
            who: entry.actor ?? t('rights.ui.copy.nobody'),
          }),
        ],
      })),
  );

  heading(t('rights.ui.copy.sections.timeline'));
  entries(
    held.timeline.map((event) => ({
      when: date(event.occurredAt),
      lines: [[choice('timeline.values.kinds', event.kind), text(event.author)].filter(Boolean).join(' — '), text(event.text)].filter(Boolean),
    })),
  );

  heading(t('rights.ui.copy.sections.presentations'));
  entries(
    held.presentations.map((presentation) => ({
      when: date(presentation.proposedOn),
      lines: [
        jobNeed(presentation.jobNeedId),
        ...held.presentationEvents
          .filter((event) => event.presentationId === presentation.id)
          .map((event) =>
            [date(event.on), choice('matching.values.presentationStates', event.toState), text(event.author), text(event.note)].filter(Boolean).join(' — '),
          ),
        ...(presentation.refusalReason ? [t('rights.ui.copy.refusalReason', { value: choice('matching.values.refusalReasons', presentation.refusalReason) })] : []),
      ],
    })),
  );

  heading(t('rights.ui.copy.sections.placements'));
  entries(
    held.placements.map((placement) => ({
      when: t('rights.ui.copy.fromTo', { from: date(placement.startDate), to: date(placement.endDate) }),
      lines: [
        [choice('matching.values.placementKinds', placement.kind), employer(placement), jobNeed(placement.jobNeedId)].filter(Boolean).join(' — '),
        ...(placement.objective ? [t('rights.ui.copy.objective', { value: text(placement.objective) })] : []),
        ...(placement.tutor ? [t('rights.ui.copy.tutor', { value: text(placement.tutor) })] : []),
        ...(placement.outcome ? [t('rights.ui.copy.outcome', { value: choice('matching.values.placementOutcomes', placement.outcome), date: date(placement.endedOn) }).trim()] : []),
        ...(placement.notes ? [text(placement.notes)] : []),
      ],
    })),
  );

  heading(t('rights.ui.copy.sections.recruitments'));
  entries(
    held.recruitments.map((recruitment) => ({
      when: recruitment.endDate ? t('rights.ui.copy.fromTo', { from: date(recruitment.startDate), to: date(recruitment.endDate) }) : t('rights.ui.copy.from', { from: date(recruitment.startDate) }),
      lines: [
        [choice('matching.values.recruitmentKinds', recruitment.kind), employer(recruitment), jobNeed(recruitment.jobNeedId)].filter(Boolean).join(' — '),
        ...(recruitment.hoursPerWeek ? [t('rights.ui.copy.hoursPerWeek', { hours: String(recruitment.hoursPerWeek) })] : []),
        ...(recruitment.notes ? [text(recruitment.notes)] : []),
      ],
    })),
  );
  subheading(t('rights.ui.copy.sections.followUps'));
  entries(
    held.followUps.map((followUp) => ({
      when: date(followUp.dueOn),
      lines: [
        [
          t('rights.ui.copy.monthsAfter', { months: String(followUp.monthsAfter) }),
          choice('matching.values.followUpResults', followUp.result),
          choice('matching.values.leftReasons', followUp.leftReason),
          text(followUp.note),
        ]
          .filter(Boolean)
          .join(' — '),
      ],
    })),
  );

  heading(t('rights.ui.copy.sections.visits'));
  entries(
    held.sessionVisits.map((visit) => {
      const session = typeof visit.sessionId === 'string' ? names.sessions.get(visit.sessionId) : undefined;
      return { when: date(session?.date ?? visit.createdAt), lines: [session?.place ?? '', text(visit.note)].filter(Boolean) };
    }),
  );

  heading(t('rights.ui.copy.sections.partners'));
  entries(
    held.exchanges.map((exchange) => ({
      when: instant(exchange.at),
      lines: [t(`rights.ui.copy.exchange.${exchange.direction === 'export' ? 'sent' : 'received'}`, { partner: exchange.counterpartName ?? t('rights.ui.copy.unknownPartner') })],
    })),
  );

  heading(t('rights.ui.copy.sections.requests'));
  entries(
    held.requests.map((request) => ({
      when: date(request.receivedOn),
      lines: [
        [t(`rights.values.kinds.${request.kind}`), t(`rights.values.channels.${request.channel}`), t(`rights.values.requesters.${request.requester}`)].join(' — '),
        request.answeredOn ? t('rights.ui.copy.answeredOn', { date: date(request.answeredOn) }) : t('rights.ui.copy.notAnswered'),
      ],
    })),
  );

  heading(t('rights.ui.copy.sections.audit'));
  doc.font(FONTS.italic).fontSize(8).text(t('rights.ui.copy.auditIntro'), MARGIN);
  doc.moveDown(0.3);
  entries(held.audit.map((entry) => ({ when: instant(entry.at), lines: [`${entry.actor ?? t('rights.ui.copy.nobody')} — ${auditAction(entry, t)}`] })));

  return finishPdf(doc, (page, pages) => t('rights.ui.copy.pageOf', { page: String(page), pages: String(pages) }));
}

function changedFields(details: unknown): string[] {
  const fields = (details as { fields?: unknown } | null)?.fields;
  return Array.isArray(fields) ? fields.filter((name): name is string => typeof name === 'string') : [];
}

/** What an audit entry did, in words: its kind of record and the verb of its method. */
function auditAction(entry: { action: string; subjectType: string; details: unknown }, t: Translate): string {
  const [group = '', verb = ''] = entry.action.split('.');
  const access = (entry.details as { access?: unknown } | null)?.access;
  const what = access === 'read' ? 'read' : (AUDIT_VERBS[verb] ?? 'changed');
  return t('rights.ui.copy.auditLine', { what: t(`rights.ui.copy.auditVerbs.${what}`), record: t(`rights.ui.copy.auditRecords.${AUDIT_RECORDS[group] ?? 'other'}`) });
}

const AUDIT_VERBS: Record<string, string> = {
  create: 'created',
  add: 'created',
  intake: 'created',
  addVisit: 'created',
  archive: 'archived',
  restore: 'restored',
  merge: 'merged',
  undoMerge: 'restored',
  remove: 'deleted',
  removeVisit: 'deleted',
  accessExport: 'copied',
  export: 'sent',
  applyImport: 'received',
};

const AUDIT_RECORDS: Record<string, string> = {
  candidates: 'file',
  rights: 'file',
  timeline: 'timeline',
  sessions: 'visit',
  presentations: 'presentation',
  placements: 'placement',
  recruitments: 'recruitment',
  followUps: 'followUp',
  exchange: 'exchange',
};
