import { addDays, daysBetween, lastDayOfMonths } from '../../shared/dates';
import { BARRIER_THEMES, FOLLOW_UP_STATUSES, GENDERS, PUBLIC_CATEGORIES } from '../../shared/domain';
import { FRENCH_LEVELS } from '../../shared/candidates';
import { STEP_KINDS } from '../../shared/plans';
import { FOLLOW_UP_RESULTS, OUTCOME_CLASSES, PLACEMENT_KINDS, PRESENTATION_STATES, RECRUITMENT_KINDS, REFUSAL_REASONS } from '../../shared/pipeline';
import { z } from 'zod';
import {
  AGE_BANDS,
  FOLLOWED_BANDS,
  FRENCH_PROGRESS,
  REPORT_SECTIONS,
  type Report,
  type ReportQuery,
  type ReportRow,
  type ReportSection,
  type ReportTable,
  resolvePeriod,
  DEFAULT_SMALL_CELL_MINIMUM,
  type ReportExportRequest,
  type ReportFile,
  type ReportSettings,
  presetChapters,
  presetTables,
  reportSettingsSchema,
  tableId,
} from '../../shared/reports';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { type Clock, moment, systemClock } from '../core/clock';
import { readSetting, writeSetting } from '../store/settings';
import { PERIOD_MONTHS, readTargets } from './dashboard';
import { type Translate, reportPdf, reportXlsx, tableCsv, translator } from './report-documents';
import { dataMark } from '../store/changes';
import { type PopulationFilter, type Ranges, filterNames, pairHours, stepsDone, volunteerFigures } from '../store/reports';
import { type Counts, createReportFacts } from './report-facts';

const PERIODS = ['current', 'previous'];
/** Rows of a free-text or data-named breakdown shown one by one; the rest summed as `others`. */
export const TOP_ROWS = 15;
const UNKNOWN = 'unknown';

/** `localeCompare`'s order, with the collator made once: 10,000 employers' names took 40 ms to sort by `localeCompare`. */
const byName = new Intl.Collator().compare;

/** Counts per key for both periods, in the order of `keys` (keys met but not listed appended). */
class Tally {
  private readonly counts = new Map<string, [number, number]>();
  private readonly labels = new Map<string, string>();
  add(key: string, p: number, count: number, label?: string): void {
    const cell = this.counts.get(key) ?? [0, 0];
    cell[p === 0 ? 0 : 1] += count;
    this.counts.set(key, cell);
    if (label !== undefined) this.labels.set(key, label);
  }
  rows(keys: readonly string[]): ReportRow[] {
    const extra = [...this.counts.keys()].filter((key) => !keys.includes(key));
    return [...keys, ...extra].map((key) => ({ key, values: [...(this.counts.get(key) ?? [0, 0])] }));
  }
  /** Named rows, the largest first (current, then previous, then name); beyond `TOP_ROWS`, one `others` row. */
  namedRows(): ReportRow[] {
    const order = ([ka, a]: [string, [number, number]], [kb, b]: [string, [number, number]]) =>
      b[0] - a[0] || b[1] - a[1] || byName(this.labels.get(ka) ?? ka, this.labels.get(kb) ?? kb) || (ka < kb ? -1 : ka > kb ? 1 : 0);
    // The largest rows picked in one pass (10,000 employers sorted whole cost ~30 ms of name comparisons), the rest summed.
    const top: [string, [number, number]][] = [];
    const others: [number, number] = [0, 0];
    for (const entry of this.counts.entries()) {
      if (top.length === TOP_ROWS && order(entry, top[TOP_ROWS - 1] as [string, [number, number]]) >= 0) {
        others[0] += entry[1][0];
        others[1] += entry[1][1];
        continue;
      }
      let at = top.length;
      while (at > 0 && order(entry, top[at - 1] as [string, [number, number]]) < 0) at -= 1;
      top.splice(at, 0, entry);
      if (top.length > TOP_ROWS) {
        const [, values] = top.pop() as [string, [number, number]];
        others[0] += values[0];
        others[1] += values[1];
      }
    }
    const shown = top.map(([key, values]) => ({ key, label: this.labels.get(key) ?? key, values: [...values] }));
    return this.counts.size <= TOP_ROWS ? shown : [...shown, { key: 'others', values: others }];
  }
}

/** Both periods' counts of a key. */
function put(tally: Tally, key: string, [now, before]: [number, number], label?: string): void {
  tally.add(key, 0, now, label);
  tally.add(key, 1, before);
}

function table(section: ReportSection, name: string, rowLabels: ReportTable['rowLabels'], rows: ReportRow[], additive = true): ReportTable {
  return { section, name, rowLabels, columns: PERIODS, columnLabels: { prefix: 'reports.ui.columns.' }, rows, additive };
}

const labels = (prefix: string) => [{ prefix }];
/** A sector's row key and label: a seeded sector by its key (translated), one the association named by its name. */
const sectorEntry = (row: { sectorKey: string | null; sectorName: string | null }): [string, string] =>
  row.sectorKey ? [`seed:${row.sectorKey}`, `sectors.values.${row.sectorKey}`] : [row.sectorName ?? UNKNOWN, row.sectorName ?? UNKNOWN];
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const average = (sum: number, count: number) => (count === 0 ? 0 : Math.round((sum / count) * 10) / 10);

/** How many whole calendar months [from, to] is, or null when it does not start and end on a month's bounds. */
function wholeMonths(from: string, to: string): number | null {
  if (!from.endsWith('-01')) return null;
  for (let months = 1; months <= 1200; months += 1) {
    const last = lastDayOfMonths(from, months);
    if (last === to) return months;
    if (last > to) return null;
  }
  return null;
}

const SETTINGS_KEY = 'reports';
/** The association's profile (services/exchange/keys.ts), read for its name only. */
const ASSOCIATION_KEY = 'association';
const associationName = z.object({ name: z.string() });

/** `slice`: files the facts read in one turn of the event loop (tests make it small). */
export function createReportService(db: Db, clock: Clock = systemClock, { slice }: { slice?: number } = {}) {
  const facts = createReportFacts(db, slice);

  function people(r: Ranges, f: PopulationFilter): ReportTable[] {
    const figures = facts.people(r, f);
    const flow = new Tally();
    const plans = new Tally();
    put(flow, 'created', figures.created);
    put(flow, 'followed', figures.followed);
    put(flow, 'left', figures.left);
    put(plans, 'withPlan', figures.withPlan);
    const tallied = (counts: Counts, named = false) => {
      const tally = new Tally();
      for (const [key, values] of counts) put(tally, key ?? UNKNOWN, values, named ? (key ?? UNKNOWN) : undefined);
      return tally;
    };
    const leftWhy = tallied(figures.leftWhy);
    const tallies = {
      publicCategory: tallied(figures.publicCategory),
      gender: tallied(figures.gender),
      ageBand: tallied(figures.ageBand),
      country: tallied(figures.country, true),
      frenchLevel: tallied(figures.frenchLevel),
      frenchProgress: tallied(figures.frenchProgress),
      timeFollowed: tallied(figures.timeFollowed),
    };
    const eu = new Map<string, number[]>();
    for (const cell of figures.euFunds) {
      const key = `${cell.gender ?? UNKNOWN}|${cell.ageBand}`;
      const row = eu.get(key) ?? PUBLIC_CATEGORIES.map(() => 0).concat(0);
      const column = cell.publicCategory === null ? PUBLIC_CATEGORIES.length : PUBLIC_CATEGORIES.indexOf(cell.publicCategory as (typeof PUBLIC_CATEGORIES)[number]);
      row[column] = (row[column] ?? 0) + cell.count;
      eu.set(key, row);
    }
    const genders = [...GENDERS, UNKNOWN];
    const euRows = genders.flatMap((gender) => AGE_BANDS.map((band) => ({ key: `${gender}|${band}`, values: eu.get(`${gender}|${band}`) ?? PUBLIC_CATEGORIES.map(() => 0).concat(0) })));

    const barriers = tallied(figures.barriers);
    put(plans, 'started', figures.planStarts);
    const steps = new Tally();
    for (const cell of stepsDone(db, r, f)) {
      steps.add(cell.kind, cell.p, cell.count);
      plans.add('stepsDone', cell.p, cell.count);
    }
    return [
      table('people', 'flow', labels('reports.ui.rows.flow.'), flow.rows(['created', 'followed', 'left']), false),
      table('people', 'leftWhy', labels('candidates.values.statuses.'), leftWhy.rows(FOLLOW_UP_STATUSES)),
      table('people', 'publicCategory', labels('candidates.values.publicCategories.'), tallies.publicCategory.rows([...PUBLIC_CATEGORIES, UNKNOWN])),
      table('people', 'gender', labels('candidates.values.genders.'), tallies.gender.rows(genders)),
      table('people', 'ageBand', labels('reports.ui.rows.ageBand.'), tallies.ageBand.rows(AGE_BANDS)),
      table('people', 'country', ['country'], tallies.country.namedRows()),
      table('people', 'frenchLevel', labels('common.values.frenchLevels.'), tallies.frenchLevel.rows(FRENCH_LEVELS)),
      table('people', 'frenchProgress', labels('reports.ui.rows.frenchProgress.'), tallies.frenchProgress.rows(FRENCH_PROGRESS)),
      table('people', 'timeFollowed', labels('reports.ui.rows.timeFollowed.'), tallies.timeFollowed.rows(FOLLOWED_BANDS)),
      table(
        'people',
        'barriers',
        [{ prefix: 'candidates.values.barrierThemes.' }, { prefix: 'reports.ui.rows.barrier.' }],
        barriers.rows(BARRIER_THEMES.flatMap((theme) => [`${theme}|open`, `${theme}|lifted`])),
        false,
      ),
      table('people', 'plans', labels('reports.ui.rows.plans.'), plans.rows(['started', 'withPlan', 'stepsDone']), false),
      table('people', 'planSteps', labels('plans.values.stepKinds.'), steps.rows(STEP_KINDS)),
      {
        section: 'people',
        name: 'euFunds',
        rowLabels: [{ prefix: 'candidates.values.genders.' }, { prefix: 'reports.ui.rows.ageBand.' }],
        columns: [...PUBLIC_CATEGORIES, UNKNOWN],
        columnLabels: { prefix: 'candidates.values.publicCategories.' },
        rows: euRows,
        additive: true,
        margins: { rows: ['people.gender', 'people.ageBand'], columns: 'people.publicCategory' },
      },
    ];
  }

  function outcomes(r: Ranges, f: PopulationFilter): ReportTable[] {
    const states = new Tally();
    const refusals = new Tally();
    for (const cell of facts.presentations(r, f)) {
      states.add(cell.state, cell.p, cell.count);
      if (cell.state === 'refused') refusals.add(cell.refusalReason ?? UNKNOWN, cell.p, cell.count);
    }
    const kinds = new Tally();
    const objectives = new Tally();
    const pmsmpSectors = new Tally();
    const pmsmpStatuses = new Tally();
    const pmsmp = [
      { count: 0, days: 0, hired: 0 },
      { count: 0, days: 0, hired: 0 },
    ];
    for (const row of facts.placements(r, f)) {
      kinds.add(row.renewal ? 'renewals' : row.kind, row.p, 1);
      if (row.kind !== 'pmsmp' || row.renewal) continue;
      const figures = pmsmp[row.p] ?? { count: 0, days: 0, hired: 0 };
      figures.count += 1;
      figures.days += row.days;
      figures.hired += row.hired ? 1 : 0;
      const objective = row.objective?.trim() || UNKNOWN;
      objectives.add(objective, row.p, 1, objective);
      const [sectorKey, sectorText] = sectorEntry(row);
      pmsmpSectors.add(sectorKey, row.p, 1, sectorText);
      pmsmpStatuses.add(row.publicCategory ?? UNKNOWN, row.p, 1);
    }
    const [now = pmsmp[0], before = pmsmp[1]] = pmsmp;
    const pmsmpRows: ReportRow[] = [
      { key: 'count', values: [now?.count ?? 0, before?.count ?? 0] },
      { key: 'averageDays', values: [average(now?.days ?? 0, now?.count ?? 0), average(before?.days ?? 0, before?.count ?? 0)], unit: 'days' },
      { key: 'followedByContract', values: [now?.hired ?? 0, before?.hired ?? 0] },
      { key: 'shareFollowedByContract', values: [share(now?.hired ?? 0, now?.count ?? 0), share(before?.hired ?? 0, before?.count ?? 0)], unit: 'percent' },
    ];

    const hires = new Tally();
    const byKind = new Tally();
    const bySector = new Tally();
    const byClass = new Tally();
    const byEmployer = new Tally();
    const hired = facts.hires(r, f);
    for (const [key, values] of hired.publicCategory) put(hires, key ?? UNKNOWN, values);
    for (const [key, values] of hired.kind) put(byKind, key ?? UNKNOWN, values);
    for (const [key, values] of hired.outcomeClass) put(byClass, key ?? UNKNOWN, values);
    for (const sector of hired.sectors) {
      const [sectorKey, sectorText] = sectorEntry(sector);
      put(bySector, sectorKey, sector.values, sectorText);
    }
    for (const employer of hired.employers) put(byEmployer, employer.employerId ?? `organisation:${employer.employerName ?? UNKNOWN}`, employer.values, employer.employerName ?? UNKNOWN);
    const sixMonths = new Tally();
    for (const cell of facts.sixMonthFollowUps(r, f)) sixMonths.add(cell.result, cell.p, cell.count);

    return [
      table('outcomes', 'hires', labels('candidates.values.publicCategories.'), hires.rows([...PUBLIC_CATEGORIES, UNKNOWN])),
      table('outcomes', 'presentations', labels('matching.values.presentationStates.'), states.rows(PRESENTATION_STATES)),
      table('outcomes', 'refusals', labels('matching.values.refusalReasons.'), refusals.rows([...REFUSAL_REASONS, UNKNOWN])),
      table('outcomes', 'placements', labels('reports.ui.rows.placementKind.'), kinds.rows([...PLACEMENT_KINDS, 'renewals'])),
      table('outcomes', 'pmsmp', labels('reports.ui.rows.pmsmp.'), pmsmpRows, false),
      table('outcomes', 'pmsmpObjective', ['name'], objectives.namedRows()),
      table('outcomes', 'pmsmpSector', ['name'], pmsmpSectors.namedRows()),
      table('outcomes', 'pmsmpStatus', labels('candidates.values.publicCategories.'), pmsmpStatuses.rows([...PUBLIC_CATEGORIES, UNKNOWN])),
      table('outcomes', 'recruitmentKind', labels('matching.values.recruitmentKinds.'), byKind.rows(RECRUITMENT_KINDS)),
      table('outcomes', 'recruitmentSector', ['name'], bySector.namedRows()),
      table('outcomes', 'outcomeClass', labels('matching.values.outcomeClasses.'), byClass.rows(OUTCOME_CLASSES)),
      table('outcomes', 'sixMonths', labels('matching.values.followUpResults.'), sixMonths.rows(FOLLOW_UP_RESULTS)),
      // Placed last in the section's list but used by the employers' section.
      table('employers', 'byEmployer', ['name'], byEmployer.namedRows()),
    ];
  }

  function employers(r: Ranges, f: PopulationFilter): ReportTable[] {
    const summary = new Tally();
    const keys = ['engaged', 'created', 'charter', 'contacts', 'needsOpened', 'needsFilled'] as const;
    const figures = facts.employers(r, f.sectorId);
    for (const key of keys) {
      summary.add(key, 0, figures[key][0]);
      summary.add(key, 1, figures[key][1]);
    }
    const rows = summary.rows(keys);
    const target = contactsTarget(r);
    if (target !== null) rows.splice(keys.indexOf('contacts') + 1, 0, { key: 'contactsTarget', values: [target, target], unit: 'target' });
    return [table('employers', 'summary', labels('reports.ui.rows.employers.'), rows, false)];
  }

  /** The company contacts target (Settings) brought to the period's length: whole months as they are, else days. */
  function contactsTarget(r: Ranges): number | null {
    const targets = readTargets(db);
    if (targets.companyContacts === null) return null;
    const months = wholeMonths(r.currentFrom, r.currentTo) ?? (daysBetween(r.currentFrom, r.currentTo) + 1) * (12 / 365);
    return Math.round((targets.companyContacts * months) / PERIOD_MONTHS[targets.period]);
  }

  function network(r: Ranges, f: PopulationFilter): ReportTable[] {
    const referrals = new Tally();
    for (const cell of facts.referrals(r, f)) {
      referrals.add(cell.partnerId ?? 'none', 0, cell.current, cell.partnerName ?? '—');
      referrals.add(cell.partnerId ?? 'none', 1, cell.previous);
    }
    const volunteers = new Tally();
    for (const row of volunteerFigures(db, r, f)) {
      volunteers.add('activeVolunteers', row.p, row.activeVolunteers);
      volunteers.add('hours', row.p, Math.round((row.minutes / 60) * 10) / 10);
      volunteers.add('sessions', row.p, row.sessions);
      volunteers.add('visits', row.p, row.visits);
    }
    const pairs = new Tally();
    for (const row of pairHours(db, r, f.pairId)) pairs.add(row.pairId, row.p, Math.round((row.minutes / 60) * 10) / 10, row.label);
    const pairRows = pairs.namedRows().map((row) => ({ ...row, unit: 'hours' as const }));
    const volunteerRows = volunteers.rows(['activeVolunteers', 'hours', 'sessions', 'visits']).map((row) => (row.key === 'hours' ? { ...row, unit: 'hours' as const } : row));
    return [
      table('network', 'referrals', ['name'], referrals.namedRows()),
      table('network', 'volunteers', labels('reports.ui.rows.volunteers.'), volunteerRows, false),
      table('network', 'hoursByPair', ['name'], pairRows, false),
    ];
  }

  const SECTIONS: Record<ReportSection, (r: Ranges, f: PopulationFilter) => ReportTable[]> = { people, outcomes, employers, network };

  function getSettings(): ReportSettings {
    return readSetting(db, SETTINGS_KEY, reportSettingsSchema) ?? { smallCellMinimum: DEFAULT_SMALL_CELL_MINIMUM };
  }

  /** The last whole report computed, for the documents made of it (the screen shows it first). */
  let last: { key: string; report: Report } | null = null;

  function compute(query: ReportQuery): Report {
    const { current, previous } = resolvePeriod(query.period);
    const ranges: Ranges = { previousFrom: previous.from, previousTo: previous.to, currentFrom: current.from, currentTo: current.to, until: addDays(current.to, 1) };
    const association = readSetting(db, ASSOCIATION_KEY, associationName)?.name ?? null;
    // The employers' section takes its by-employer table from the recruitments the outcomes read.
    const read = REPORT_SECTIONS.filter((section) => query.sections.includes(section) || (section === 'outcomes' && query.sections.includes('employers')));
    const tables = read.flatMap((section) => SECTIONS[section](ranges, query.filters));
    const wanted = tables.filter((table) => query.sections.includes(table.section));
    return { current, previous, filters: query.filters, association, tables: REPORT_SECTIONS.flatMap((section) => wanted.filter((table) => table.section === section)) };
  }

  /** What identifies a whole report: its periods, its filters and the state of the data. */
  function wholeReportKey(query: ReportQuery): string {
    const { current, previous } = resolvePeriod(query.period);
    return JSON.stringify([current, previous, query.filters, dataMark(db)]);
  }

  /** The facts read whole first, if they need it, without holding the event loop (`prepare`). */
  async function get(query: ReportQuery): Promise<Report> {
    await facts.prepare();
    return db.transaction(() => {
      const report = compute(query);
      if (REPORT_SECTIONS.every((section) => query.sections.includes(section))) last = { key: wholeReportKey(query), report };
      return report;
    });
  }

  /** Every section: the one just shown when nothing changed since, else computed again. */
  function wholeReport(query: Omit<ReportQuery, 'sections'>): Report {
    const whole = { ...query, sections: [...REPORT_SECTIONS] };
    return db.transaction(() => {
      if (last && last.key === wholeReportKey(whole)) return last.report;
      const report = compute(whole);
      last = { key: wholeReportKey(whole), report };
      return report;
    });
  }

  /** Who the document counts, in words: everyone, or the filters' statuses, partner, sector, pair and programme by name. */
  function populationText(filters: PopulationFilter, t: Translate): string {
    const names = filterNames(db, filters);
    const parts = [
      filters.publicCategories.map((category) => t(`candidates.values.publicCategories.${category}`)).join(', '),
      names.partner ? t('reports.ui.population.partner', { name: names.partner }) : '',
      names.sectorKey || names.sectorName ? t('reports.ui.population.sector', { name: names.sectorName ?? t(`sectors.values.${names.sectorKey}`) }) : '',
      names.pair ? t('reports.ui.population.pair', { name: names.pair }) : '',
      names.programme ? t('reports.ui.population.programme', { name: names.programme }) : '',
    ].filter(Boolean);
    return parts.length === 0 ? t('reports.ui.population.everyone') : t('reports.ui.population.only', { filters: parts.join(' · ') });
  }

  return {
    get,
    getSettings,
    setSettings(settings: ReportSettings): ReportSettings {
      writeSetting(db, SETTINGS_KEY, settings);
      return getSettings();
    },

    /** A preset as PDF or XLSX, or one of its tables as CSV, small cells hidden. */
    async export(request: ReportExportRequest): Promise<ReportFile> {
      await facts.prepare();
      const report = wholeReport({ period: request.period, filters: request.filters });
      const minimum = getSettings().smallCellMinimum;
      const t = translator(request.language);
      const tables = presetTables(report, request.preset);
      const stem = `${t(`reports.ui.presets.${request.preset}`)} ${report.current.from} ${report.current.to}`.replace(/[^\p{L}\p{N} _-]+/gu, '').replace(/\s+/g, '-');
      const { now } = moment(clock);
      const population = populationText(request.filters, t);
      if (request.format === 'csv') {
        const table = report.tables.find((item) => tableId(item) === request.table);
        if (!table) throw new AppError('not_found', 'reports.errors.tableNotFound');
        return { fileName: `${stem}-${table.name}.csv`, mimeType: 'text/csv', content: tableCsv(report, table, minimum, t, request.language).toString('base64') };
      }
      if (request.format === 'xlsx') {
        const bytes = await reportXlsx(report, tables, population, minimum, t, request.language, new Date(now));
        return { fileName: `${stem}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: bytes.toString('base64') };
      }
      const title = t(`reports.ui.presets.${request.preset}`);
      const bytes = await reportPdf(report, presetChapters(report, request.preset), { title, population }, minimum, t, request.language, now.slice(0, 10));
      return { fileName: `${stem}.pdf`, mimeType: 'application/pdf', content: bytes.toString('base64') };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
