import type { ParsedInputOf } from '../../../shared/api';
import { type CandidateSummary, isRestricted, mayBeContacted } from '../../../shared/candidates';
import type { EmployerSummary } from '../../../shared/employers';
import type { Sector } from '../../../shared/sectors';
import type { VolunteerSummary } from '../../../shared/volunteers';
import { translator } from '../../../shared/i18n';
import type { ListExport } from '../../../shared/lists';
import { formatPhone } from '../../../shared/phone';
import { type Clock, moment, systemClock } from '../../core/clock';
import type { WriteDb } from '../../db/handles';
import { type TableCell, writeTable } from '../../formats/table';
import { createCandidateService } from '../candidates';
import { createEmployerService } from '../employers';
import { createSectorService } from '../sectors';
import { createVolunteerService } from '../volunteers';

/** Rows fetched per query while a list is written out. */
const PAGE = 500;

type Translate = ReturnType<typeof translator>;

interface ExportColumn<T> {
  header: string;
  value(item: T, t: Translate): TableCell;
}

const date = (iso: string | null): TableCell => (iso ? { date: iso.slice(0, 10) } : null);

/** The candidates list's columns, as the screen shows them, with the contact details a spreadsheet is wanted for. */
const CANDIDATE_COLUMNS: ExportColumn<CandidateSummary>[] = [
  { header: 'candidates.ui.fields.lastName', value: (candidate) => candidate.lastName },
  { header: 'candidates.ui.fields.firstName', value: (candidate) => candidate.firstName },
  { header: 'candidates.ui.fields.birthDate', value: (candidate) => date(candidate.birthDate) },
  // The contact details only of who may be contacted (shared/candidates.ts): a spreadsheet of numbers is a list of people to call.
  { header: 'candidates.ui.fields.phone', value: (candidate) => (mayBeContacted(candidate) && candidate.phone ? formatPhone(candidate.phone) : null) },
  { header: 'candidates.ui.fields.email', value: (candidate) => (mayBeContacted(candidate) ? candidate.email : null) },
  { header: 'candidates.ui.fields.commune', value: (candidate) => candidate.commune },
  { header: 'candidates.ui.fields.frenchLevel', value: (candidate, t) => t(`candidates.values.frenchLevelsShort.${candidate.frenchLevel}`) },
  { header: 'candidates.ui.fields.status', value: (candidate, t) => t(`candidates.values.statuses.${candidate.status}`) },
  { header: 'candidates.ui.fields.authorisationExpiry', value: (candidate) => date(candidate.authorisationExpiry) },
  { header: 'candidates.ui.archived.tag', value: (candidate, t) => (candidate.archivedAt ? t('sheets.ui.export.yes') : '') },
  { header: 'candidates.ui.list.updatedAt', value: (candidate) => date(candidate.updatedAt) },
];

/** The employers list's columns; the sector by its name (`sectorId` is resolved by the caller). */
function employerColumns(sectorName: (id: string) => string): ExportColumn<EmployerSummary>[] {
  return [
    { header: 'employers.ui.fields.name', value: (employer) => employer.name },
    { header: 'employers.ui.fields.siret', value: (employer) => employer.siret },
    { header: 'employers.ui.fields.sector', value: (employer) => (employer.sectorId ? sectorName(employer.sectorId) : null) },
    { header: 'employers.ui.fields.postalCode', value: (employer) => employer.postalCode },
    { header: 'employers.ui.fields.commune', value: (employer) => employer.commune },
    { header: 'employers.ui.list.columns.openNeeds', value: (employer) => employer.openNeeds },
    { header: 'employers.ui.fields.charterSignedOn', value: (employer) => date(employer.charterSignedOn) },
    { header: 'employers.ui.list.archivedTag', value: (employer, t) => (employer.archivedAt ? t('sheets.ui.export.yes') : '') },
  ];
}

const sectorName = (sector: Pick<Sector, 'name' | 'seedKey'>, t: Translate) => sector.name || (sector.seedKey ? t(`sectors.values.${sector.seedKey}`) : '');

const VOLUNTEER_COLUMNS: ExportColumn<VolunteerSummary>[] = [
  { header: 'volunteers.ui.fields.lastName', value: (volunteer) => volunteer.lastName },
  { header: 'volunteers.ui.fields.firstName', value: (volunteer) => volunteer.firstName },
  { header: 'volunteers.ui.fields.phone', value: (volunteer) => volunteer.phone && formatPhone(volunteer.phone) },
  { header: 'volunteers.ui.fields.email', value: (volunteer) => volunteer.email },
  { header: 'volunteers.ui.fields.sectors', value: (volunteer, t) => volunteer.sectors.map((sector) => sectorName(sector, t)).join(', ') },
  { header: 'volunteers.ui.fields.availability', value: (volunteer) => volunteer.availability },
  {
    header: 'volunteers.ui.fields.status',
    value: (volunteer, t) => t(`volunteers.ui.status.${volunteer.archivedAt ? 'archived' : volunteer.active ? 'active' : 'inactive'}`),
  },
];

/** Every item a paged list holds, one page at a time. */
function* everyItem<T>(page: (offset: number) => { items: T[]; total: number }): Generator<T> {
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = page(offset);
    yield* items;
    if (items.length < PAGE || offset + PAGE >= total) return;
  }
}

function* withoutRestricted(items: Iterable<CandidateSummary>): Generator<CandidateSummary> {
  for (const item of items) if (!isRestricted(item)) yield item;
}

export function createListExportService(db: WriteDb, clock: Clock = systemClock) {
  async function write<T>(list: string, columns: ExportColumn<T>[], items: Iterable<T>, input: { format: 'xlsx' | 'csv'; language: ParsedInputOf<'candidates.export'>['language'] }): Promise<ListExport> {
    const t = translator(input.language);
    const rows = (function* () {
      for (const item of items) yield columns.map((column) => column.value(item, t));
    })();
    const bytes = await writeTable(input.format, t(`sheets.ui.export.files.${list}`), columns.map((column) => t(column.header)), rows);
    return { fileName: `${t(`sheets.ui.export.files.${list}`)}-${moment(clock).today}.${input.format}`, contentBase64: Buffer.from(bytes).toString('base64') };
  }

  return {
    candidates(input: ParsedInputOf<'candidates.export'>): Promise<ListExport> {
      const candidates = createCandidateService(db, clock);
      const items = everyItem((offset) => candidates.list({ ...input.filters, limit: PAGE, offset }));
      // A restricted file (art. 18) is exported nowhere.
      return write('candidates', CANDIDATE_COLUMNS, withoutRestricted(items), input);
    },

    employers(input: ParsedInputOf<'employers.export'>): Promise<ListExport> {
      const employers = createEmployerService(db, clock);
      const t = translator(input.language);
      const sectors = new Map(createSectorService(db, clock).list({ includeArchived: true }).map((sector) => [sector.id, sectorName(sector, t)]));
      const items = everyItem((offset) => employers.list({ ...input.filters, limit: PAGE, offset }));
      return write('employers', employerColumns((id) => sectors.get(id) ?? ''), items, input);
    },

    volunteers(input: ParsedInputOf<'volunteers.export'>): Promise<ListExport> {
      const volunteers = createVolunteerService(db, clock);
      const items = everyItem((offset) => volunteers.list({ ...input.filters, limit: PAGE, offset }));
      return write('volunteers', VOLUNTEER_COLUMNS, items, input);
    },
  };
}
