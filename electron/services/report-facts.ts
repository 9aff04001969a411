import { addDays, daysBetween } from '../../shared/dates';
import { type FrenchLevel, frenchLevelRank } from '../../shared/candidates';
import { AGE_BANDS, CONTRACT_AFTER_PMSMP_DAYS, FOLLOWED_BANDS, FRENCH_PROGRESS, type FrenchProgress } from '../../shared/reports';
import type { Db } from '../db/open';
import type { PopulationFilter, Ranges } from '../store/reports';
import { type FileSource, type ReportWrites, type Row, committedVersion, partnerNames, readContacts, readDimensions, readFileFacts, watchReportWrites } from '../store/report-facts';

/**
 * The report's facts in memory, kept current, and the figures worked out from them.
 *
 * Why: at 100,000 files the report's statements cost ~2.5 s CPU (SQLCipher decrypts every page
 * read, and the people followed are a distinct count over ~1,000,000 dated rows, which no
 * per-day total can give for any period and filter). Here each file is held as what the report
 * reads of it — its dates as `YYYYMMDD` integers, its categories as small codes, its dated
 * activity, the pipeline rows that count — about 40 MB at 100,000 files, and a whole report is
 * worked out from it on each call. Kept current as the matching pool is: temporary triggers on
 * this connection (store/report-facts.ts) name each file and employer a write touches (SQL
 * triggers and cascades included), and the next report reads those again, and only those; a
 * write by another connection (`data_version`) or to more than a quarter of the files makes it
 * read everything again (~4 s CPU at 100,000 files, once).
 */

/** Text or null values as small integers (0 for null), shared by every fact: codes compare and count in arrays. */
class Codes {
  private readonly byValue = new Map<string, number>();
  readonly values: (string | null)[] = [null];
  code(value: unknown): number {
    if (value === null || value === undefined) return 0;
    const text = String(value);
    let found = this.byValue.get(text);
    if (found === undefined) {
      found = this.values.length;
      this.values.push(text);
      this.byValue.set(text, found);
    }
    return found;
  }
  /** The code of a text, or -1 when no fact holds it. */
  find(value: string | null): number {
    return value === null ? 0 : (this.byValue.get(value) ?? -1);
  }
  value(code: number): string | null {
    return this.values[code] ?? null;
  }
}

/** `YYYY-MM-DD` as the integer `YYYYMMDD`, ordered as the dates are; 0 for none. */
export const dayNumber = (date: string | null): number => (date === null ? 0 : Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10)));
const asDay = (value: unknown): number => (typeof value === 'number' ? value : 0);
const asText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

interface Presentation {
  day: string;
  state: number;
  reason: number;
  jobNeed: number;
}
interface Placement {
  id: string;
  kind: number;
  start: string;
  /** The actual end (ended early), else the planned one. */
  end: string;
  /** The planned end: a placement under way on a day is one from its start to this. */
  planned: string;
  renews: string | null;
  employer: number;
  jobNeed: number;
  objective: string | null;
}
interface Recruitment {
  kind: number;
  start: string;
  end: string | null;
  employer: number;
  jobNeed: number;
  organisation: string | null;
}
interface BarrierEvent {
  theme: number;
  lifted: boolean;
  open: boolean;
  day: string;
  recorded: string;
}

/** One file as the report reads it. */
interface FileFacts {
  merged: boolean;
  created: number;
  archived: number;
  status: number;
  gender: number;
  birth: number;
  nationality: number;
  partner: number;
  referred: number;
  pair: number;
  /** The columns, for a file without history. */
  category: number;
  level: number;
  categoryDays: number[];
  categoryValues: number[];
  levelDays: number[];
  levelValues: number[];
  /** [programme code, day joined] pairs. */
  programmes: number[];
  sectors: number[];
  /** Days of timeline entries, presentations, recruitments and drop-in visits (any order, repeats kept). */
  activity: number[];
  firstObjective: number;
  presentations: Presentation[];
  placements: Placement[];
  recruitments: Recruitment[];
  /** [due day, result code] of the 6-month follow-ups. */
  followUps: [string, number][];
  barriers: BarrierEvent[];
}

interface Employer {
  sector: number;
  kind: string | null;
  name: string | null;
  created: number;
  charter: number;
}
interface JobNeed {
  employer: number;
  sector: number;
  created: number;
  archived: boolean;
}
interface Dimensions {
  employers: Map<number, Employer>;
  jobNeeds: Map<number, JobNeed>;
  sectors: Map<number, { seedKey: string | null; name: string | null }>;
}

/** A breakdown's counts: key (null: unknown) → [current, previous]. */
export type Counts = Map<string | null, [number, number]>;

export interface PeopleFigures {
  created: [number, number];
  followed: [number, number];
  left: [number, number];
  withPlan: [number, number];
  planStarts: [number, number];
  leftWhy: Counts;
  publicCategory: Counts;
  gender: Counts;
  ageBand: Counts;
  country: Counts;
  frenchLevel: Counts;
  frenchProgress: Counts;
  timeFollowed: Counts;
  /** Barriers by `theme|open` and `theme|lifted`. */
  barriers: Counts;
  /** The current period's people by gender, age band and public category (null: unknown). */
  euFunds: { gender: string | null; ageBand: string; publicCategory: string | null; count: number }[];
}

export interface PlacementRow {
  p: number;
  kind: string;
  objective: string | null;
  renewal: boolean;
  days: number;
  hired: boolean;
  sectorKey: string | null;
  sectorName: string | null;
  publicCategory: string | null;
}

export interface RecruitmentRow {
  p: number;
  kind: string;
  startDate: string;
  endDate: string | null;
  sectorKey: string | null;
  sectorName: string | null;
  employerId: string | null;
  employerName: string | null;
  employerKind: string | null;
  publicCategory: string | null;
}

export interface EmployerFigures {
  engaged: [number, number];
  created: [number, number];
  charter: [number, number];
  contacts: [number, number];
  needsOpened: [number, number];
  needsFilled: [number, number];
}

export interface ReferralCell {
  partnerId: string | null;
  partnerName: string | null;
  current: number;
  previous: number;
}

const NONE: never[] = [];
function push<T>(file: FileFacts, list: 'presentations' | 'placements' | 'recruitments' | 'followUps' | 'barriers', item: T): void {
  const items = file[list] as unknown as T[];
  if (items === NONE) (file[list] as unknown as T[]) = [item];
  else items.push(item);
}
function pushNumbers(file: FileFacts, list: 'categoryDays' | 'categoryValues' | 'levelDays' | 'levelValues' | 'programmes' | 'sectors' | 'activity', ...values: number[]): void {
  if (file[list] === NONE) file[list] = [...values];
  else file[list].push(...values);
}

/** The value a file held on day `on`: the last recorded on or before it, else the first recorded; without history, its column. */
function valueOn(days: number[], values: number[], column: number, on: number): number {
  if (days.length === 0) return column;
  let found = values[0] as number;
  for (let index = 0; index < days.length && (days[index] as number) <= on; index++) found = values[index] as number;
  return found;
}

type P = 0 | 1;

interface Period {
  p: P;
  since: number;
  before: number;
  last: number;
  lastText: string;
  sinceText: string;
  beforeText: string;
  /** Born after these days: under 26, 45, 55 at the period's end. */
  age26: number;
  age45: number;
  age55: number;
  /** Followed since after these days: under 3, 12, 24 months. */
  days91: number;
  days365: number;
  days730: number;
}

function periodsOf(r: Ranges): [Period, Period] {
  const make = (p: P, since: string, before: string, last: string): Period => {
    const year = Number(last.slice(0, 4));
    const monthDay = Number(last.slice(5, 7)) * 100 + Number(last.slice(8, 10));
    return {
      p,
      since: dayNumber(since),
      before: dayNumber(before),
      last: dayNumber(last),
      lastText: last,
      sinceText: since,
      beforeText: before,
      // Aged at least N on `last` is born on or before the same month and day N years earlier (29 February included), as whole years count it.
      age26: (year - 26) * 10_000 + monthDay,
      age45: (year - 45) * 10_000 + monthDay,
      age55: (year - 55) * 10_000 + monthDay,
      days91: dayNumber(addDays(last, -91)),
      days365: dayNumber(addDays(last, -365)),
      days730: dayNumber(addDays(last, -730)),
    };
  };
  return [make(0, r.currentFrom, r.until, r.currentTo), make(1, r.previousFrom, r.currentFrom, r.previousTo)];
}

/** A French level at the period's end against the one the file came with; not assessed when either is. */
function frenchProgress(atEntry: string | null, now: string | null): FrenchProgress {
  if (atEntry === 'not_assessed' || now === 'not_assessed') return 'notAssessed';
  const change = frenchLevelRank(now as FrenchLevel) - frenchLevelRank(atEntry as FrenchLevel);
  return change > 0 ? 'raised' : change < 0 ? 'lowered' : 'same';
}

const FRENCH_PROGRESS_INDEX = new Map(FRENCH_PROGRESS.map((value, index) => [value, index]));

export function createReportFacts(db: Db) {
  let writes: ReportWrites | undefined;
  let state:
    | { version: number; codes: Codes; files: Map<string, FileFacts>; contacts: Map<number, number[]>; dimensions: Dimensions }
    | undefined;

  function readFiles(codes: Codes, ids: readonly string[] | null): Map<string, FileFacts> {
    const files = new Map<string, FileFacts>();
    const take = (source: FileSource, row: Row) => {
      if (source === 'candidates') {
        const [id, merged, created, archived, status, gender, birth, nationality, partner, referred, pair, category, level] = row;
        files.set(String(id), {
          merged: merged === 1,
          created: asDay(created),
          archived: asDay(archived),
          status: codes.code(status),
          gender: codes.code(gender),
          birth: asDay(birth),
          nationality: codes.code(nationality),
          partner: codes.code(partner),
          referred: asDay(referred),
          pair: codes.code(pair),
          category: codes.code(category),
          level: codes.code(level),
          categoryDays: NONE,
          categoryValues: NONE,
          levelDays: NONE,
          levelValues: NONE,
          programmes: NONE,
          sectors: NONE,
          activity: NONE,
          firstObjective: 0,
          presentations: NONE,
          placements: NONE,
          recruitments: NONE,
          followUps: NONE,
          barriers: NONE,
        });
        return;
      }
      const file = files.get(String(row[0]));
      if (!file) return;
      switch (source) {
        case 'history':
          if (row[1] === 'public_category') {
            pushNumbers(file, 'categoryDays', asDay(row[2]));
            pushNumbers(file, 'categoryValues', codes.code(row[3]));
          } else if (row[1] === 'french_level') {
            pushNumbers(file, 'levelDays', asDay(row[2]));
            pushNumbers(file, 'levelValues', codes.code(row[3]));
          }
          return;
        case 'programmes':
          pushNumbers(file, 'programmes', codes.code(row[1]), asDay(row[2]));
          return;
        case 'sectors':
          pushNumbers(file, 'sectors', codes.code(row[1]));
          return;
        case 'timeline':
        case 'visits':
          pushNumbers(file, 'activity', asDay(row[1]));
          return;
        case 'presentations': {
          const day = String(row[1]);
          pushNumbers(file, 'activity', dayNumber(day));
          push<Presentation>(file, 'presentations', { day, state: codes.code(row[2]), reason: codes.code(row[3]), jobNeed: codes.code(row[4]) });
          return;
        }
        case 'placements':
          push<Placement>(file, 'placements', {
            id: String(row[1]),
            kind: codes.code(row[2]),
            start: String(row[3]),
            end: String(row[4]),
            planned: String(row[5]),
            renews: asText(row[6]),
            employer: codes.code(row[7]),
            jobNeed: codes.code(row[8]),
            objective: asText(row[9]),
          });
          return;
        case 'recruitments': {
          const start = String(row[2]);
          pushNumbers(file, 'activity', dayNumber(start));
          push<Recruitment>(file, 'recruitments', { kind: codes.code(row[1]), start, end: asText(row[3]), employer: codes.code(row[4]), jobNeed: codes.code(row[5]), organisation: asText(row[6]) });
          return;
        }
        case 'followUps':
          push<[string, number]>(file, 'followUps', [String(row[1]), codes.code(row[2])]);
          return;
        case 'plans':
          file.firstObjective = asDay(row[1]);
          return;
        case 'barriers':
          push<BarrierEvent>(file, 'barriers', { theme: codes.code(row[1]), lifted: row[2] === 'lifted', open: row[3] === 'open', day: String(row[4]), recorded: String(row[5]) });
          return;
      }
    };
    readFileFacts(db, ids, take);
    return files;
  }

  function readContactDays(codes: Codes, ids: readonly string[] | null): Map<number, number[]> {
    const contacts = new Map<number, number[]>();
    for (const [id, day] of readContacts(db, ids)) {
      const code = codes.code(id);
      const days = contacts.get(code);
      if (days) days.push(asDay(day));
      else contacts.set(code, [asDay(day)]);
    }
    return contacts;
  }

  function readDimensionsOf(codes: Codes): Dimensions {
    const read = readDimensions(db);
    return {
      employers: new Map(
        read.employers.map(([id, sector, kind, name, created, charter]) => [
          codes.code(id),
          { sector: codes.code(sector), kind: asText(kind), name: asText(name), created: asDay(created), charter: asDay(charter) },
        ]),
      ),
      jobNeeds: new Map(
        read.jobNeeds.map(([id, employer, sector, created, archived]) => [codes.code(id), { employer: codes.code(employer), sector: codes.code(sector), created: asDay(created), archived: archived === 1 }]),
      ),
      sectors: new Map(read.sectors.map(([id, seedKey, name]) => [codes.code(id), { seedKey: asText(seedKey), name: asText(name) }])),
    };
  }

  /** The facts, current: read whole the first time and after another connection's write, else only what this one's writes touched. */
  function current() {
    // Watching starts before the first read: a write after it is heard.
    writes ??= watchReportWrites(db);
    const version = committedVersion(db);
    if (!state || state.version !== version || writes.candidates.size > state.files.size / 4) {
      writes.candidates.clear();
      writes.employers.clear();
      writes.dimensions = false;
      state = undefined; // the old facts can go while the new ones are read
      const codes = new Codes();
      state = { version, codes, files: readFiles(codes, null), contacts: readContactDays(codes, null), dimensions: readDimensionsOf(codes) };
      return state;
    }
    const { codes, files, contacts } = state;
    if (writes.candidates.size > 0) {
      const ids = [...writes.candidates];
      writes.candidates.clear();
      const read = readFiles(codes, ids);
      for (const id of ids) {
        const file = read.get(id);
        if (file) files.set(id, file);
        else files.delete(id);
      }
    }
    if (writes.employers.size > 0) {
      const ids = [...writes.employers];
      writes.employers.clear();
      for (const id of ids) contacts.delete(codes.code(id));
      for (const [code, days] of readContactDays(codes, ids)) contacts.set(code, days);
    }
    if (writes.dimensions) {
      writes.dimensions = false;
      state.dimensions = readDimensionsOf(codes);
    }
    return state;
  }

  /** Whether a file counts on day `on` (never merged; the filters' status and programme as they stood that day). */
  function populationTest(codes: Codes, f: PopulationFilter) {
    const categories = new Set(f.publicCategories.map((category) => codes.find(category)));
    const partner = f.partnerId === null ? -1 : codes.find(f.partnerId);
    const sector = f.sectorId === null ? -1 : codes.find(f.sectorId);
    const pair = f.pairId === null ? -1 : codes.find(f.pairId);
    const programme = f.programmeId === null ? -1 : codes.find(f.programmeId);
    return (file: FileFacts, on: number): boolean => {
      if (file.merged) return false;
      if (categories.size > 0 && !categories.has(valueOn(file.categoryDays, file.categoryValues, file.category, on))) return false;
      if (f.partnerId !== null && file.partner !== partner) return false;
      if (f.sectorId !== null && !file.sectors.includes(sector)) return false;
      if (f.pairId !== null && file.pair !== pair) return false;
      if (f.programmeId !== null) {
        let joined = false;
        for (let index = 0; index < file.programmes.length; index += 2)
          if (file.programmes[index] === programme && (file.programmes[index + 1] as number) <= on) joined = true;
        if (!joined) return false;
      }
      return true;
    };
  }

  /** Whether the file was followed in the period: created, archived, or with any dated activity in it, or a placement under way. */
  function followed(file: FileFacts, k: Period): boolean {
    if ((file.created >= k.since && file.created < k.before) || (file.archived >= k.since && file.archived < k.before)) return true;
    for (const day of file.activity) if (day >= k.since && day < k.before) return true;
    for (const placement of file.placements) if (placement.start <= k.lastText && placement.planned >= k.sinceText) return true;
    return false;
  }

  /**
   * The people followed in both periods and what became of their plans and barriers: counted by
   * each breakdown in arrays indexed by code, then named.
   */
  function people(r: Ranges, f: PopulationFilter): PeopleFigures {
    const { codes, files } = current();
    const periods = periodsOf(r);
    type PairOfCounts = readonly [Float64Array, Float64Array];
    const counts = (size: number): PairOfCounts => [new Float64Array(size), new Float64Array(size)];
    const add = (pair: PairOfCounts, p: number, index: number) => {
      const column = pair[p === 0 ? 0 : 1];
      column[index] = (column[index] ?? 0) + 1;
    };
    const size = codes.values.length;
    const byCode = { leftWhy: counts(size), publicCategory: counts(size), gender: counts(size), country: counts(size), frenchLevel: counts(size) };
    const byAge = counts(AGE_BANDS.length);
    const byFollowed = counts(FOLLOWED_BANDS.length);
    const byProgress = counts(FRENCH_PROGRESS.length);
    const figures: Record<'created' | 'followed' | 'left' | 'withPlan' | 'planStarts', [number, number]> = { created: [0, 0], followed: [0, 0], left: [0, 0], withPlan: [0, 0], planStarts: [0, 0] };
    const eu = new Map<string, number>();
    const barriers: Counts = new Map();
    const countBarrier = (key: string, p: number) => {
      const cell = barriers.get(key) ?? [0, 0];
      cell[p === 0 ? 0 : 1] += 1;
      barriers.set(key, cell);
    };
    const inPopulation = populationTest(codes, f);
    for (const file of files.values()) {
      if (file.merged) continue;
      for (const k of periods) {
        if (file.created >= k.before || !followed(file, k) || !inPopulation(file, k.last)) continue;
        const p = k.p;
        figures.followed[p] += 1;
        if (file.created >= k.since) figures.created[p] += 1;
        if (file.archived >= k.since && file.archived < k.before) {
          figures.left[p] += 1;
          add(byCode.leftWhy, p, file.status);
        }
        const category = valueOn(file.categoryDays, file.categoryValues, file.category, k.last);
        const level = valueOn(file.levelDays, file.levelValues, file.level, k.last);
        const entry = file.levelDays.length === 0 ? file.level : (file.levelValues[0] as number);
        add(byCode.publicCategory, p, category);
        add(byCode.gender, p, file.gender);
        add(byCode.country, p, file.nationality);
        add(byCode.frenchLevel, p, level);
        add(byProgress, p, FRENCH_PROGRESS_INDEX.get(frenchProgress(codes.value(entry), codes.value(level))) as number);
        const age = file.birth === 0 ? 4 : file.birth > k.age26 ? 0 : file.birth > k.age45 ? 1 : file.birth > k.age55 ? 2 : 3;
        add(byAge, p, age);
        const since = file.referred === 0 ? file.created : file.referred;
        add(byFollowed, p, since > k.days91 ? 0 : since > k.days365 ? 1 : since > k.days730 ? 2 : 3);
        if (file.firstObjective !== 0 && file.firstObjective < k.before) figures.withPlan[p] += 1;
        if (p === 0) {
          const key = `${file.gender}|${age}|${category}`;
          eu.set(key, (eu.get(key) ?? 0) + 1);
        }
        // Barriers open at the period's end: each theme's last change by then (by its day, then by when it was recorded).
        if (file.barriers.length > 0) {
          const last = new Map<number, BarrierEvent>();
          for (const event of file.barriers) {
            if (event.day > k.lastText) continue;
            const before = last.get(event.theme);
            if (!before || event.day > before.day || (event.day === before.day && event.recorded > before.recorded)) last.set(event.theme, event);
          }
          for (const [theme, event] of last) if (event.open) countBarrier(`${codes.value(theme)}|open`, p);
        }
      }
      // Lifted in a period (a person once per theme), and plans started in it: the file counted as it stood that day.
      if (file.barriers.length > 0) {
        const lifted = new Set<string>();
        for (const event of file.barriers) {
          const p = event.lifted ? periodOfDay(r, event.day) : -1;
          if (p !== -1 && inPopulation(file, dayNumber(event.day))) lifted.add(`${codes.value(event.theme)}|lifted|${p}`);
        }
        for (const key of lifted) countBarrier(key.slice(0, key.lastIndexOf('|')), Number(key.slice(key.lastIndexOf('|') + 1)));
      }
      if (file.firstObjective !== 0) {
        const k = periods.find((period) => file.firstObjective >= period.since && file.firstObjective < period.before);
        if (k && inPopulation(file, file.firstObjective)) figures.planStarts[k.p] += 1;
      }
    }
    const named = (pair: PairOfCounts, name: (index: number) => string | null): Counts => {
      const result: Counts = new Map();
      for (let index = 0; index < pair[0].length; index++) {
        const now = pair[0][index] as number;
        const before = pair[1][index] as number;
        if (now !== 0 || before !== 0) result.set(name(index), [now, before]);
      }
      return result;
    };
    const code = (index: number) => codes.value(index);
    return {
      created: figures.created,
      followed: figures.followed,
      left: figures.left,
      withPlan: figures.withPlan,
      planStarts: figures.planStarts,
      leftWhy: named(byCode.leftWhy, code),
      publicCategory: named(byCode.publicCategory, code),
      gender: named(byCode.gender, code),
      country: named(byCode.country, code),
      frenchLevel: named(byCode.frenchLevel, code),
      ageBand: named(byAge, (index) => AGE_BANDS[index] as string),
      timeFollowed: named(byFollowed, (index) => FOLLOWED_BANDS[index] as string),
      frenchProgress: named(byProgress, (index) => FRENCH_PROGRESS[index] as string),
      barriers,
      euFunds: [...eu].map(([key, count]) => {
        const [gender, age, category] = key.split('|').map(Number) as [number, number, number];
        return { gender: codes.value(gender), ageBand: AGE_BANDS[age] as string, publicCategory: codes.value(category), count };
      }),
    };
  }

  /** Presentations proposed in each period, by their state now and refusal reason. */
  function presentations(r: Ranges, f: PopulationFilter): { p: number; state: string; refusalReason: string | null; count: number }[] {
    const { codes, files } = current();
    const inPopulation = populationTest(codes, f);
    const cells = new Map<string, { p: number; state: string; refusalReason: string | null; count: number }>();
    for (const file of files.values()) {
      if (file.merged) continue;
      for (const item of file.presentations) {
        const p = periodOfDay(r, item.day);
        if (p === -1 || !inPopulation(file, dayNumber(item.day))) continue;
        const key = `${p}|${item.state}|${item.reason}`;
        const cell = cells.get(key);
        if (cell) cell.count += 1;
        else cells.set(key, { p, state: String(codes.value(item.state)), refusalReason: codes.value(item.reason), count: 1 });
      }
    }
    return [...cells.values()];
  }

  /** The sector of a placement's or recruitment's job need, else of its employer: a seeded sector's key, else its name. */
  function sectorOf(dimensions: Dimensions, jobNeed: number, employer: number): { sectorKey: string | null; sectorName: string | null } {
    const sector = dimensions.sectors.get(dimensions.jobNeeds.get(jobNeed)?.sector || dimensions.employers.get(employer)?.sector || 0);
    return { sectorKey: sector && sector.name === null ? sector.seedKey : null, sectorName: sector?.name ?? null };
  }

  /** Placements started in each period, with their renewals' days and whether a contract followed. */
  function placements(r: Ranges, f: PopulationFilter): PlacementRow[] {
    const { codes, files, dimensions } = current();
    const inPopulation = populationTest(codes, f);
    const renewals = new Map<string, Placement[]>();
    for (const file of files.values())
      for (const item of file.placements) if (item.renews !== null) renewals.set(item.renews, [...(renewals.get(item.renews) ?? []), item]);
    const rows: PlacementRow[] = [];
    const days = (item: Placement) => daysBetween(item.start, item.end) + 1;
    for (const file of files.values()) {
      if (file.merged) continue;
      for (const item of file.placements) {
        const p = periodOfDay(r, item.start);
        if (p === -1 || !inPopulation(file, dayNumber(item.start))) continue;
        const renewed = renewals.get(item.id) ?? [];
        const lastEnd = renewed.reduce((end, renewal) => (renewal.end > end ? renewal.end : end), item.end);
        const hiredBy = addDays(lastEnd, CONTRACT_AFTER_PMSMP_DAYS);
        rows.push({
          p,
          kind: String(codes.value(item.kind)),
          objective: item.objective,
          renewal: item.renews !== null,
          days: renewed.reduce((sum, renewal) => sum + days(renewal), days(item)),
          hired: file.recruitments.some((recruitment) => recruitment.start >= item.start && recruitment.start <= hiredBy),
          ...sectorOf(dimensions, item.jobNeed, item.employer),
          publicCategory: codes.value(valueOn(file.categoryDays, file.categoryValues, file.category, dayNumber(item.start))),
        });
      }
    }
    return rows;
  }

  /** Recruitments started in each period, with the sector of the job need (else of the employer) and the employer. */
  function recruitments(r: Ranges, f: PopulationFilter): RecruitmentRow[] {
    const { codes, files, dimensions } = current();
    const inPopulation = populationTest(codes, f);
    const rows: RecruitmentRow[] = [];
    for (const file of files.values()) {
      if (file.merged) continue;
      for (const item of file.recruitments) {
        const p = periodOfDay(r, item.start);
        if (p === -1 || !inPopulation(file, dayNumber(item.start))) continue;
        const employer = dimensions.employers.get(item.employer);
        rows.push({
          p,
          kind: String(codes.value(item.kind)),
          startDate: item.start,
          endDate: item.end,
          ...sectorOf(dimensions, item.jobNeed, item.employer),
          employerId: employer ? codes.value(item.employer) : null,
          employerName: employer?.name ?? item.organisation,
          employerKind: employer?.kind ?? null,
          publicCategory: codes.value(valueOn(file.categoryDays, file.categoryValues, file.category, dayNumber(item.start))),
        });
      }
    }
    return rows;
  }

  /** The 6-month follow-ups due in each period, by their answer. */
  function sixMonthFollowUps(r: Ranges, f: PopulationFilter): { p: number; result: string; count: number }[] {
    const { codes, files } = current();
    const inPopulation = populationTest(codes, f);
    const cells = new Map<string, { p: number; result: string; count: number }>();
    for (const file of files.values()) {
      if (file.merged) continue;
      for (const [due, result] of file.followUps) {
        const p = periodOfDay(r, due);
        if (p === -1 || !inPopulation(file, dayNumber(due))) continue;
        const key = `${p}|${result}`;
        const cell = cells.get(key);
        if (cell) cell.count += 1;
        else cells.set(key, { p, result: String(codes.value(result)), count: 1 });
      }
    }
    return [...cells.values()];
  }

  /**
   * Employers (of the sector, when one is given): engaged in each period (a company contact, a
   * presentation to one of its needs, a placement or a recruitment), new, charters signed,
   * company contacts, needs opened, needs filled by a recruitment started then. Every file counts.
   */
  function employers(r: Ranges, sectorId: string | null): EmployerFigures {
    const { codes, files, contacts, dimensions } = current();
    const sector = sectorId === null ? -1 : codes.find(sectorId);
    const ofSector = (code: number) => {
      const employer = dimensions.employers.get(code);
      return employer !== undefined && (sectorId === null || employer.sector === sector);
    };
    const bounds = periodsOf(r);
    const periodOfNumber = (day: number): P | -1 => (day >= bounds[0].since && day < bounds[0].before ? 0 : day >= bounds[1].since && day < bounds[1].before ? 1 : -1);
    const figures: EmployerFigures = { engaged: [0, 0], created: [0, 0], charter: [0, 0], contacts: [0, 0], needsOpened: [0, 0], needsFilled: [0, 0] };
    const engaged = [new Set<number>(), new Set<number>()] as const;
    const filled = [new Set<number>(), new Set<number>()] as const;
    for (const [employer, days] of contacts) {
      if (!ofSector(employer)) continue;
      for (const day of days) {
        const p = periodOfNumber(day);
        if (p === -1) continue;
        figures.contacts[p] += 1;
        engaged[p].add(employer);
      }
    }
    for (const file of files.values()) {
      for (const item of file.presentations) {
        const p = periodOfDay(r, item.day);
        const employer = dimensions.jobNeeds.get(item.jobNeed)?.employer;
        if (p !== -1 && employer !== undefined && ofSector(employer)) engaged[p].add(employer);
      }
      for (const item of file.placements) {
        const p = periodOfDay(r, item.start);
        if (p !== -1 && item.employer !== 0 && ofSector(item.employer)) engaged[p].add(item.employer);
      }
      for (const item of file.recruitments) {
        const p = periodOfDay(r, item.start);
        if (p === -1) continue;
        if (item.employer !== 0 && ofSector(item.employer)) engaged[p].add(item.employer);
        const need = dimensions.jobNeeds.get(item.jobNeed);
        if (need && ofSector(need.employer)) filled[p].add(item.jobNeed);
      }
    }
    for (const [code, employer] of dimensions.employers) {
      if (!ofSector(code)) continue;
      const created = periodOfNumber(employer.created);
      if (created !== -1) figures.created[created] += 1;
      const charter = periodOfNumber(employer.charter);
      if (charter !== -1) figures.charter[charter] += 1;
    }
    for (const need of dimensions.jobNeeds.values()) {
      const p = need.archived ? -1 : periodOfNumber(need.created);
      if (p !== -1 && ofSector(need.employer)) figures.needsOpened[p] += 1;
    }
    figures.engaged = [engaged[0].size, engaged[1].size];
    figures.needsFilled = [filled[0].size, filled[1].size];
    return figures;
  }

  /** Files referred in each period (the referral date, else the file's creation), by the partner that referred them. */
  function referrals(r: Ranges, f: PopulationFilter): ReferralCell[] {
    const { codes, files } = current();
    const inPopulation = populationTest(codes, f);
    const [now, before] = periodsOf(r);
    const cells = new Map<number, [number, number]>();
    for (const file of files.values()) {
      const on = file.referred === 0 ? file.created : file.referred;
      const p: P | -1 = on >= now.since && on < now.before ? 0 : on >= before.since && on < before.before ? 1 : -1;
      if (p === -1 || !inPopulation(file, on)) continue;
      const cell = cells.get(file.partner) ?? [0, 0];
      cell[p] += 1;
      cells.set(file.partner, cell);
    }
    const names = partnerNames(db);
    return [...cells]
      .map(([partner, [current, previous]]) => {
        const partnerId = codes.value(partner);
        return { partnerId, partnerName: partnerId === null ? null : (names.get(partnerId) ?? null), current, previous };
      })
      .sort((a, b) => (a.partnerId ?? '').localeCompare(b.partnerId ?? ''));
  }

  return { people, presentations, placements, recruitments, sixMonthFollowUps, employers, referrals };
}

/** The period a day falls in: 0 the current, 1 the previous, -1 neither. */
function periodOfDay(r: Ranges, day: string): P | -1 {
  return day >= r.currentFrom && day < r.until ? 0 : day >= r.previousFrom && day < r.currentFrom ? 1 : -1;
}

export type ReportFacts = ReturnType<typeof createReportFacts>;
