import { z } from 'zod';
import { PUBLIC_CATEGORIES } from './domain';
import { addDays, addMonths, daysBetween, lastDayOfMonths } from './dates';
import { reads, writes } from './method';
import { betweenFields, uuid } from './validation';

/**
 * Bilans: the figures a programme is judged on, for a period beside the period before it.
 * Every figure is a cell of a table (rows × columns); each table has a one-line definition
 * (`reports.ui.definitions.<section>.<table>`). The population filters: a file's public category
 * (as it stood at the time), referring partner, sector, pair, and programme or funder.
 */

export const REPORT_SECTIONS = ['people', 'outcomes', 'employers', 'network'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_TABLES = {
  people: ['flow', 'leftWhy', 'publicCategory', 'gender', 'ageBand', 'country', 'frenchLevel', 'frenchProgress', 'timeFollowed', 'barriers', 'plans', 'planSteps', 'euFunds'],
  outcomes: [
    'hires',
    'presentations',
    'refusals',
    'placements',
    'pmsmp',
    'pmsmpObjective',
    'pmsmpSector',
    'pmsmpStatus',
    'recruitmentKind',
    'recruitmentSector',
    'outcomeClass',
    'sixMonths',
  ],
  employers: ['summary', 'byEmployer'],
  network: ['referrals', 'volunteers', 'hoursByPair'],
} as const satisfies Record<ReportSection, readonly string[]>;
/** Every table's id, `section.name`. */
export const REPORT_TABLE_IDS = Object.entries(REPORT_TABLES).flatMap(([section, names]) => names.map((name) => `${section}.${name}`));

export type ReportTableName<S extends ReportSection = ReportSection> = (typeof REPORT_TABLES)[S][number];

/** Ages are counted at the period's last day; bands as European funds ask them. */
export const AGE_BANDS = ['under_26', 'from_26_to_44', 'from_45_to_54', 'over_54', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(birthDate: string | null, on: string): AgeBand {
  if (!birthDate) return 'unknown';
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [y = 0, m = 0, d = 0] = on.split('-').map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age < 26) return 'under_26';
  if (age < 45) return 'from_26_to_44';
  if (age < 55) return 'from_45_to_54';
  return 'over_54';
}

/** How long a file has been open at the period's last day (from its referral, else its creation). */
export const FOLLOWED_BANDS = ['under_3_months', 'from_3_to_12_months', 'from_12_to_24_months', 'over_24_months'] as const;
export type FollowedBand = (typeof FOLLOWED_BANDS)[number];

/** How a person's French level at the period's end compares with the level the file came with. */
export const FRENCH_PROGRESS = ['raised', 'same', 'lowered', 'notAssessed'] as const;
export type FrenchProgress = (typeof FRENCH_PROGRESS)[number];

/** A contract starting this many days or fewer after a PMSMP ends counts as following it. */
export const CONTRACT_AFTER_PMSMP_DAYS = 92;

/** How a row or column key is shown: a translation prefix, a country code, or a name the data carries. */
export type LabelSource = { prefix: string } | 'country' | 'name';

export interface ReportRow {
  /** Key parts joined by `|` (several for a cross-tab row, e.g. `female|under_26`). */
  key: string;
  /** For `name` labels: the text to show. */
  label?: string;
  values: number[];
  /** When the row is not a count of people (an average length, a share, hours, a target set in Settings). */
  unit?: 'days' | 'percent' | 'hours' | 'target';
}

export interface ReportTable {
  section: ReportSection;
  name: string;
  /** How each part of a row key is labelled. */
  rowLabels: LabelSource[];
  /** Column keys: `current`/`previous`, or categories (then labelled by `columnLabels`). */
  columns: string[];
  columnLabels: LabelSource;
  rows: ReportRow[];
  /** Whether the rows are disjoint counts of one population, so a total is meaningful. */
  additive: boolean;
  /**
   * A cross-tab's one-way tables (ids): one per part of the row key, then the one whose rows
   * are its columns. Their `current` column counts the same people, so each is a sum of its
   * cells: shared/suppression.ts protects them together.
   */
  margins?: { rows: string[]; columns: string };
}

export interface ReportPeriod {
  from: string;
  to: string;
}

export interface Report {
  current: ReportPeriod;
  previous: ReportPeriod;
  filters: ReportFilters;
  tables: ReportTable[];
  /** The association's name, for the title page. */
  association: string | null;
}

const year = z.int().min(2000).max(2100);

export const reportPeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('year'), year }),
  z.strictObject({ kind: z.literal('quarter'), year, quarter: z.int().min(1).max(4) }),
  z.strictObject({ kind: z.literal('month'), year, month: z.int().min(1).max(12) }),
  z
    .strictObject({ kind: z.literal('range'), from: z.iso.date({ error: 'common.errors.date' }), to: z.iso.date({ error: 'common.errors.date' }) })
    .check(betweenFields(['from', 'to'], (period) => (period.from <= period.to ? {} : { to: 'common.errors.periodOrder' }))),
]);
export type ReportPeriodInput = z.output<typeof reportPeriodSchema>;

/** The period asked for and the one just before it, of the same length (a year, quarter, month, or as many days). */
export function resolvePeriod(period: ReportPeriodInput): { current: ReportPeriod; previous: ReportPeriod } {
  const months = (from: string, count: number) => {
    const current = { from, to: lastDayOfMonths(from, count) };
    const before = addMonths(from, -count);
    return { current, previous: { from: before, to: addDays(from, -1) } };
  };
  const pad = (value: number) => String(value).padStart(2, '0');
  switch (period.kind) {
    case 'year':
      return months(`${period.year}-01-01`, 12);
    case 'quarter':
      return months(`${period.year}-${pad((period.quarter - 1) * 3 + 1)}-01`, 3);
    case 'month':
      return months(`${period.year}-${pad(period.month)}-01`, 1);
    case 'range': {
      const days = daysBetween(period.from, period.to) + 1;
      return { current: { from: period.from, to: period.to }, previous: { from: addDays(period.from, -days), to: addDays(period.from, -1) } };
    }
  }
}

export const reportFiltersSchema = z.strictObject({
  publicCategories: z.array(z.enum(PUBLIC_CATEGORIES, { error: 'common.errors.choice' })).max(PUBLIC_CATEGORIES.length).default([]),
  partnerId: uuid.nullable().default(null),
  sectorId: uuid.nullable().default(null),
  pairId: uuid.nullable().default(null),
  programmeId: uuid.nullable().default(null),
});
export type ReportFilters = z.output<typeof reportFiltersSchema>;

export const NO_FILTERS: ReportFilters = { publicCategories: [], partnerId: null, sectorId: null, pairId: null, programmeId: null };

export const reportQuerySchema = z.strictObject({
  period: reportPeriodSchema,
  filters: reportFiltersSchema.default(NO_FILTERS),
  sections: z.array(z.enum(REPORT_SECTIONS)).min(1).default([...REPORT_SECTIONS]),
});
export type ReportQuery = z.output<typeof reportQuerySchema>;

/**
 * The documents a staffer picks from: chapters (headings of the document, `reports.ui.chapters.*`)
 * of tables, in the order associations write them.
 */
export const REPORT_PRESETS = {
  annual: [
    ['hires', ['outcomes.hires']],
    ['profile', ['people.flow', 'people.publicCategory', 'people.gender', 'people.ageBand', 'people.country', 'people.frenchLevel', 'people.frenchProgress', 'people.timeFollowed', 'people.barriers']],
    ['plans', ['people.plans', 'people.planSteps']],
    ['sectors', ['outcomes.recruitmentSector']],
    ['becameOf', ['outcomes.outcomeClass', 'outcomes.sixMonths', 'people.leftWhy']],
    ['contracts', ['outcomes.recruitmentKind']],
    ['immersions', ['outcomes.placements', 'outcomes.pmsmp', 'outcomes.pmsmpObjective']],
    ['employers', ['employers.summary', 'outcomes.presentations', 'outcomes.refusals', 'employers.byEmployer']],
    ['partners', ['network.referrals']],
    ['volunteers', ['network.volunteers', 'network.hoursByPair']],
  ],
  exits: [
    ['exits', ['outcomes.outcomeClass', 'outcomes.recruitmentKind', 'outcomes.sixMonths']],
    ['left', ['people.leftWhy']],
  ],
  pmsmp: [['pmsmp', ['outcomes.pmsmp', 'outcomes.pmsmpObjective', 'outcomes.pmsmpSector', 'outcomes.pmsmpStatus']]],
  euFunds: [['euFunds', ['people.euFunds', 'people.gender', 'people.ageBand', 'people.publicCategory']]],
} as const satisfies Record<string, readonly (readonly [string, readonly string[]])[]>;
export type ReportPreset = keyof typeof REPORT_PRESETS;
export const REPORT_PRESET_NAMES = Object.keys(REPORT_PRESETS) as ReportPreset[];

export const tableId = (table: Pick<ReportTable, 'section' | 'name'>): string => `${table.section}.${table.name}`;

export interface ReportChapter {
  /** Its heading: `reports.ui.chapters.<id>`. */
  id: string;
  tables: ReportTable[];
}

/** The chapters of a preset, in its order, each with the tables the report holds. */
export function presetChapters(report: Pick<Report, 'tables'>, preset: ReportPreset): ReportChapter[] {
  const byId = new Map(report.tables.map((table) => [tableId(table), table]));
  return REPORT_PRESETS[preset].map(([id, ids]) => ({ id, tables: ids.flatMap((table) => byId.get(table) ?? []) }));
}

/** The tables of a preset, in its order (those the report holds). */
export function presetTables(report: Pick<Report, 'tables'>, preset: ReportPreset): ReportTable[] {
  return presetChapters(report, preset).flatMap((chapter) => chapter.tables);
}

type Translate = (key: string) => string;

function label(source: LabelSource | undefined, key: string, text: string | undefined, t: Translate, language: string): string {
  if (key === 'others') return t('reports.ui.rows.others');
  if (key === 'unknown') return t('reports.ui.rows.unknown');
  if (source === 'name') return text?.startsWith('sectors.') ? t(text) : (text ?? key);
  if (source === 'country') return new Intl.DisplayNames([language], { type: 'region' }).of(key) ?? key;
  return source ? t(`${source.prefix}${key}`) : key;
}

/** A row's label in a language: each part of its key labelled as the table says, joined. */
export function rowLabel(table: ReportTable, row: ReportRow, t: Translate, language: string): string {
  return row.key
    .split('|')
    .map((part, index) => label(table.rowLabels[index], part, row.label, t, language))
    .join(' · ');
}

export function columnLabel(table: ReportTable, column: string, t: Translate, language: string): string {
  return label(table.columnLabels, column, undefined, t, language);
}

/** Cells under this many people are hidden in exports meant for outside (a setting). */
export const DEFAULT_SMALL_CELL_MINIMUM = 5;

export const reportSettingsSchema = z.strictObject({ smallCellMinimum: z.int().min(1).max(100) });
export type ReportSettings = z.output<typeof reportSettingsSchema>;

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A document for outside: a preset's tables with small cells hidden, as PDF or XLSX, or one
 * table (`table`: `section.name`) as CSV. `language` is the language of its text.
 */
export const reportExportSchema = z.strictObject({
  period: reportPeriodSchema,
  filters: reportFiltersSchema.default(NO_FILTERS),
  preset: z.enum(REPORT_PRESET_NAMES as [ReportPreset, ...ReportPreset[]]),
  format: z.enum(REPORT_FORMATS),
  table: z.enum(REPORT_TABLE_IDS as [string, ...string[]], { error: 'reports.errors.tableNotFound' }).optional(),
  language: z.enum(['fr', 'en', 'it']).default('fr'),
});
export type ReportExportRequest = z.output<typeof reportExportSchema>;

export interface ReportFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes in base64. */
  content: string;
}

export const reportMethods = {
  'reports.get': reads<Report>('reports')(reportQuerySchema),
  'reports.export': reads<ReportFile>('reports')(reportExportSchema),
  'reports.getSettings': reads<ReportSettings>('reports')(z.strictObject({})),
  'reports.setSettings': writes<ReportSettings>('settings')(reportSettingsSchema),
};
