import type { ParsedInputOf } from '../../../shared/api';
import { type CandidateSummary, isRestricted, mayBeContacted } from '../../../shared/candidates';
import type { EmployerSummary, JobNeed } from '../../../shared/employers';
import { translator } from '../../../shared/i18n';
import { type ExportedList, LIST_COLUMNS, type ListColumn, type ListExport } from '../../../shared/lists';
import { formatPhone } from '../../../shared/phone';
import { countryName } from '../../../shared/reference';
import type { PlacementSummary, PresentationSummary, RecruitmentSummary } from '../../../shared/pipeline';
import type { Sector } from '../../../shared/sectors';
import type { VolunteerSummary } from '../../../shared/volunteers';
import { type Clock, moment, systemClock } from '../../core/clock';
import type { WriteDb } from '../../db/handles';
import { type TableCell, writeTable } from '../../formats/table';
import { type CandidateExportDetails, candidateExportDetails } from '../../store/lists';
import { createCandidateService } from '../candidates';
import { createEmployerService, createJobNeedService } from '../employers';
import { createPlacementService } from '../placements';
import { createPresentationService } from '../presentations';
import { createRecruitmentService } from '../recruitments';
import { createSectorService } from '../sectors';
import { createVolunteerService } from '../volunteers';

/**
 * Every list out as XLSX or CSV through one path: the list's own service reads it page by page
 * (so its filters, search and the signed-in account's scope are the screen's), each column's
 * value is made here, and `writeTable` streams the rows into the file, text made inert.
 */

/** Rows fetched per query while a list is written out. */
const PAGE = 500;

type Translate = ReturnType<typeof translator>;

/** How each column of a list is written, from one row of it. */
type ColumnValues<L extends ExportedList, T> = { [C in ListColumn<L>]: (item: T, t: Translate) => TableCell };

interface ExportInput {
  format: 'xlsx' | 'csv';
  language: ParsedInputOf<'candidates.export'>['language'];
  more: readonly string[];
}

const date = (iso: string | null): TableCell => (iso ? { date: iso.slice(0, 10) } : null);
const yes = (flag: boolean, t: Translate): TableCell => (flag ? t('sheets.ui.export.yes') : '');
const sectorLabel = (sector: Pick<Sector, 'name' | 'seedKey'>, t: Translate) => sector.name || (sector.seedKey ? t(`sectors.values.${sector.seedKey}`) : '');

type CandidateRow = CandidateSummary & { details?: CandidateExportDetails | undefined };

function candidateValues(language: string): ColumnValues<'candidates', CandidateRow> {
  return {
  lastName: (candidate) => candidate.lastName,
  firstName: (candidate) => candidate.firstName,
  birthDate: (candidate) => date(candidate.birthDate),
  // Contact details only of who may be contacted (shared/candidates.ts): a spreadsheet of numbers is a list of people to call.
  phone: (candidate) => (mayBeContacted(candidate) && candidate.phone ? formatPhone(candidate.phone) : null),
  email: (candidate) => (mayBeContacted(candidate) ? candidate.email : null),
  commune: (candidate) => candidate.commune,
  frenchLevel: (candidate, t) => t(`candidates.values.frenchLevelsShort.${candidate.frenchLevel}`),
  status: (candidate, t) => t(`candidates.values.statuses.${candidate.status}`),
  authorisationExpiry: (candidate) => date(candidate.authorisationExpiry),
  archived: (candidate, t) => yes(candidate.archivedAt !== null, t),
  updatedAt: (candidate) => date(candidate.updatedAt),
  gender: ({ details }, t) => (details?.gender ? t(`candidates.values.genders.${details.gender}`) : null),
  nationality: ({ details }) => (details?.nationality ? countryName(details.nationality, language) : null),
  secondPhone: (candidate) => (mayBeContacted(candidate) && candidate.details?.secondPhone ? formatPhone(candidate.details.secondPhone) : null),
  address: (candidate) => (mayBeContacted(candidate) ? (candidate.details?.address ?? null) : null),
  postalCode: (candidate) => (mayBeContacted(candidate) ? (candidate.details?.postalCode ?? null) : null),
  publicCategory: ({ details }, t) => (details?.publicCategory ? t(`candidates.values.publicCategories.${details.publicCategory}`) : null),
  authorisationDocument: ({ details }, t) => (details?.authorisationDocument ? t(`candidates.values.documents.${details.authorisationDocument}`) : null),
  referralPartner: ({ details }) => details?.referralPartner ?? null,
  referredOn: ({ details }) => date(details?.referredOn ?? null),
  };
}

function employerValues(sectorName: (id: string) => string): ColumnValues<'employers', EmployerSummary> {
  return {
    name: (employer) => employer.name,
    siret: (employer) => employer.siret,
    sector: (employer) => (employer.sectorId ? sectorName(employer.sectorId) : null),
    kind: (employer, t) => (employer.kind ? t(`employers.values.kinds.${employer.kind}`) : null),
    postalCode: (employer) => employer.postalCode,
    commune: (employer) => employer.commune,
    openNeeds: (employer) => employer.openNeeds,
    charterSignedOn: (employer) => date(employer.charterSignedOn),
    archived: (employer, t) => yes(employer.archivedAt !== null, t),
    updatedAt: (employer) => date(employer.updatedAt),
  };
}

const VOLUNTEER_VALUES: ColumnValues<'volunteers', VolunteerSummary> = {
  lastName: (volunteer) => volunteer.lastName,
  firstName: (volunteer) => volunteer.firstName,
  phone: (volunteer) => volunteer.phone && formatPhone(volunteer.phone),
  email: (volunteer) => volunteer.email,
  sectors: (volunteer, t) => volunteer.sectors.map((sector) => sectorLabel(sector, t)).join(', '),
  availability: (volunteer) => volunteer.availability,
  status: (volunteer, t) => t(`volunteers.ui.status.${volunteer.archivedAt ? 'archived' : volunteer.active ? 'active' : 'inactive'}`),
  updatedAt: (volunteer) => date(volunteer.updatedAt),
};

const JOB_NEED_VALUES: ColumnValues<'jobNeeds', JobNeed> = {
  occupation: (need) => need.occupation,
  employer: (need) => need.employerName,
  contractType: (need, t) => t(`employers.values.contractTypes.${need.contractType}`),
  positions: (need) => need.positions,
  startDate: (need) => date(need.startDate),
  state: (need, t) => t(`employers.values.jobNeedStates.${need.state}`),
  validUntil: (need) => date(need.validUntil),
  romeCode: (need) => need.romeCode,
  hoursPerWeek: (need) => need.hoursPerWeek,
  place: (need) => need.place,
  postalCode: (need) => need.postalCode,
  endDate: (need) => date(need.endDate),
  minFrenchLevel: (need, t) => (need.minFrenchLevel ? t(`candidates.values.frenchLevelsShort.${need.minFrenchLevel}`) : null),
  drivingLicenceRequired: (need, t) => yes(need.drivingLicenceRequired, t),
  notes: (need) => need.notes,
  createdAt: (need) => date(need.createdAt),
};

const PRESENTATION_VALUES: ColumnValues<'presentations', PresentationSummary> = {
  candidate: (presentation) => presentation.candidateName,
  occupation: (presentation) => presentation.occupation,
  employer: (presentation) => presentation.employerName,
  state: (presentation, t) => t(`matching.values.presentationStates.${presentation.state}`),
  stateChangedOn: (presentation) => date(presentation.stateChangedOn),
  refusalReason: (presentation, t) => (presentation.refusalReason ? t(`matching.values.refusalReasons.${presentation.refusalReason}`) : null),
  proposedOn: (presentation) => date(presentation.proposedOn),
  updatedAt: (presentation) => date(presentation.updatedAt),
};

const PLACEMENT_VALUES: ColumnValues<'placements', PlacementSummary> = {
  candidate: (placement) => placement.candidateName,
  kind: (placement, t) => t(`matching.values.placementKinds.${placement.kind}`),
  host: (placement) => placement.hostName,
  startDate: (placement) => date(placement.startDate),
  endDate: (placement) => date(placement.endDate),
  outcome: (placement, t) => (placement.outcome ? t(`matching.values.placementOutcomes.${placement.outcome}`) : null),
  endedOn: (placement) => date(placement.endedOn),
  overlaps: (placement) => placement.overlaps.length,
  updatedAt: (placement) => date(placement.updatedAt),
};

const RECRUITMENT_VALUES: ColumnValues<'recruitments', RecruitmentSummary> = {
  candidate: (recruitment) => recruitment.candidateName,
  kind: (recruitment, t) => t(`matching.values.recruitmentKinds.${recruitment.kind}`),
  host: (recruitment) => recruitment.hostName,
  startDate: (recruitment) => date(recruitment.startDate),
  endDate: (recruitment) => date(recruitment.endDate),
  outcomeClass: (recruitment, t) => t(`matching.values.outcomeClasses.${recruitment.outcomeClass}`),
  overlaps: (recruitment) => recruitment.overlaps.length,
  updatedAt: (recruitment) => date(recruitment.updatedAt),
};

/** Every page of a paged list, one page at a time (each page handed over whole, for what is read per page). */
function* everyPage<T>(page: (offset: number) => { items: T[]; total: number }): Generator<T[]> {
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = page(offset);
    yield items;
    if (items.length < PAGE || offset + PAGE >= total) return;
  }
}

function* everyItem<T>(page: (offset: number) => { items: T[]; total: number }): Generator<T> {
  for (const items of everyPage(page)) yield* items;
}

export function createListExportService(db: WriteDb, clock: Clock = systemClock) {
  async function write<L extends ExportedList, T>(list: L, values: ColumnValues<L, T>, items: Iterable<T>, input: ExportInput): Promise<ListExport> {
    const t = translator(input.language);
    const { shown, more } = LIST_COLUMNS[list];
    // The shown columns, then the added ones in the list's own order, whatever order they were ticked in.
    const columns = [...Object.entries(shown), ...Object.entries(more).filter(([id]) => input.more.includes(id))] as [ListColumn<L>, string][];
    const rows = (function* () {
      for (const item of items) yield columns.map(([id]) => values[id](item, t));
    })();
    const name = t(`sheets.ui.export.files.${list}`);
    const bytes = await writeTable(input.format, name, columns.map(([, header]) => t(header)), rows);
    return { fileName: `${name}-${moment(clock).today}.${input.format}`, contentBase64: Buffer.from(bytes).toString('base64') };
  }

  return {
    candidates(input: ParsedInputOf<'candidates.export'>): Promise<ListExport> {
      const candidates = createCandidateService(db, clock);
      const withDetails = input.more.length > 0;
      const items = (function* (): Generator<CandidateRow> {
        for (const page of candidates.pages(input.filters, PAGE)) {
          const details = withDetails ? candidateExportDetails(db, page.map((candidate) => candidate.id)) : null;
          for (const candidate of page) {
            // A restricted file (art. 18) is exported nowhere.
            if (isRestricted(candidate)) continue;
            yield details ? { ...candidate, details: details.get(candidate.id) } : candidate;
          }
        }
      })();
      return write('candidates', candidateValues(input.language), items, input);
    },

    employers(input: ParsedInputOf<'employers.export'>): Promise<ListExport> {
      const employers = createEmployerService(db, clock);
      const t = translator(input.language);
      const sectors = new Map(createSectorService(db, clock).list({ includeArchived: true }).map((sector) => [sector.id, sectorLabel(sector, t)]));
      const items = everyItem((offset) => employers.list({ ...input.filters, limit: PAGE, offset }));
      return write('employers', employerValues((id) => sectors.get(id) ?? ''), items, input);
    },

    volunteers(input: ParsedInputOf<'volunteers.export'>): Promise<ListExport> {
      const volunteers = createVolunteerService(db, clock);
      return write('volunteers', VOLUNTEER_VALUES, everyItem((offset) => volunteers.list({ ...input.filters, limit: PAGE, offset })), input);
    },

    jobNeeds(input: ParsedInputOf<'jobNeeds.export'>): Promise<ListExport> {
      const needs = createJobNeedService(db, clock);
      return write('jobNeeds', JOB_NEED_VALUES, everyItem((offset) => needs.list({ ...input.filters, limit: PAGE, offset })), input);
    },

    presentations(input: ParsedInputOf<'presentations.export'>): Promise<ListExport> {
      const presentations = createPresentationService(db, clock);
      return write('presentations', PRESENTATION_VALUES, everyItem((offset) => presentations.list({ ...input.filters, limit: PAGE, offset })), input);
    },

    placements(input: ParsedInputOf<'placements.export'>): Promise<ListExport> {
      const placements = createPlacementService(db, clock);
      return write('placements', PLACEMENT_VALUES, everyItem((offset) => placements.list({ ...input.filters, limit: PAGE, offset })), input);
    },

    recruitments(input: ParsedInputOf<'recruitments.export'>): Promise<ListExport> {
      const recruitments = createRecruitmentService(db, clock);
      return write('recruitments', RECRUITMENT_VALUES, everyItem((offset) => recruitments.list({ ...input.filters, limit: PAGE, offset })), input);
    },
  };
}
