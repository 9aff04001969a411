import { type FrenchLevel, frenchLevelRank } from '../../shared/candidates';
import { type RecruitmentKind, outcomeClass } from '../../shared/pipeline';
import type { EmployerKind } from '../../shared/employers';
import { AGE_BANDS, CONTRACT_AFTER_PMSMP_DAYS, FOLLOWED_BANDS, FRENCH_PROGRESS, type FrenchProgress } from '../../shared/reports';
import type { Db } from '../db/open';
import { committedVersion } from '../store/changes';
import type { PopulationFilter, Ranges } from '../store/reports';
import { type FactSizes, type FileSource, type ReportWrites, type Row, factSizes, partnerNames, readContacts, readDimensions, readFileFacts, readFileFactsInSteps, watchReportWrites } from '../store/report-facts';

/**
 * The report's facts in memory, kept current, and the figures worked out from them.
 *
 * Why: at 100,000 files the report's statements cost ~2.5 s CPU (SQLCipher decrypts every page
 * read, and the people followed are a distinct count over ~1,000,000 dated rows, which no
 * per-day total can give for any period and filter). Here what the report reads is held in
 * columns of integers — each file's days (since 1970) and categories (small codes) by the file's
 * slot, and rows of its dated activity, presentations, placements, recruitments, follow-ups,
 * sectors and programmes — and a whole report is worked out from them on each call by passes
 * over typed arrays. Kept current as the matching pool is: temporary triggers on this
 * connection (store/report-facts.ts) name each file and employer a write touches (SQL triggers
 * and cascades included), and the next report drops their rows and reads those files again, and
 * only those; a write by another connection (`data_version`) or to more than a quarter of the
 * files makes it read everything again (a few seconds of CPU at 100,000 files, by ranges of
 * files between which the event loop answers other calls: `prepare`).
 */

/** Files whose rows of one large source are read in one turn of the event loop when the facts are read whole ahead of a report (`prepare`). */
const WARM_SLICE = 2_000;

/** No day, no code. */
const NONE = -2_147_483_648;

/** Text values as small integers (0 for null), shared by every fact: codes compare and count in arrays. */
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

const asDay = (value: unknown): number => (typeof value === 'number' ? value : NONE);
const asText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
const epochDay = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** A growable column of integers. */
class Column {
  data: Int32Array;
  constructor(size = 1024) {
    this.data = new Int32Array(Math.max(size, 1024));
  }
  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, index + 1));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[index] = value;
  }
}

/**
 * Rows of integer columns, the first the slot of the file (or code of the employer) they belong
 * to. A file read again has its rows marked dead (slot -1) and new ones appended; the dead are
 * swept out once they are a quarter of the rows.
 */
class Rows<Name extends string> {
  readonly columns: Record<Name | 'slot', Column>;
  length = 0;
  private dead = 0;
  constructor(
    private readonly names: readonly Name[],
    size?: number,
  ) {
    this.columns = Object.fromEntries(['slot', ...names].map((name) => [name, new Column(size)])) as Record<Name | 'slot', Column>;
  }
  add(slot: number, ...values: number[]): void {
    this.columns.slot.set(this.length, slot);
    for (let index = 0; index < this.names.length; index++) this.columns[this.names[index] as Name].set(this.length, values[index] ?? NONE);
    this.length += 1;
  }
  /** The columns' arrays, to read `length` rows from (a dead row's slot is -1). */
  get view(): Record<Name | 'slot', Int32Array> {
    return Object.fromEntries(Object.entries<Column>(this.columns).map(([name, column]) => [name, column.data])) as Record<Name | 'slot', Int32Array>;
  }
  drop(slots: Set<number>): void {
    const slot = this.columns.slot.data;
    // A mask by slot: a million rows asked of a Set cost ~20 ms.
    let largest = 0;
    for (const each of slots) largest = Math.max(largest, each);
    const dropped = new Uint8Array(largest + 1);
    for (const each of slots) dropped[each] = 1;
    for (let index = 0; index < this.length; index++)
      if (dropped[slot[index] as number] === 1) {
        slot[index] = -1;
        this.dead += 1;
      }
    if (this.dead * 4 <= this.length) return;
    let kept = 0;
    const all = Object.values<Column>(this.columns);
    for (let index = 0; index < this.length; index++) {
      if (slot[index] === -1) continue;
      for (const column of all) column.data[kept] = column.data[index] as number;
      kept += 1;
    }
    this.length = kept;
    this.dead = 0;
  }
}

/** A file's history of one attribute when it holds more than one value (else the value is its column's). */
interface History {
  days: number[];
  values: number[];
}

interface BarrierEvent {
  theme: number;
  lifted: boolean;
  open: boolean;
  day: number;
  recorded: string;
}

/** What the report reads of every file, by slot. */
const FILE_COLUMNS = ['alive', 'merged', 'created', 'archived', 'status', 'gender', 'birth', 'nationality', 'partner', 'referred', 'pair', 'category', 'level', 'entryLevel', 'firstObjective'] as const;
type FileColumn = (typeof FILE_COLUMNS)[number];

/**
 * Facts to fill, their largest columns sized ahead when the rows to come are known (`sizes`, for a
 * whole read): grown by doubling, the 15 columns of 100,000 files and the 2 of 1,000,000 dated rows
 * left ~16 MB of arrays behind them, held until the next full collection, after the first report.
 * A size too large costs nothing until written (the memory is the system's until then).
 */
function newFacts(sizes?: FactSizes) {
  return {
    codes: new Codes(),
    slots: new Map<string, number>(),
    files: Object.fromEntries(FILE_COLUMNS.map((name) => [name, new Column(sizes?.files)])) as Record<FileColumn, Column>,
    categoryHistory: new Map<number, History>(),
    levelHistory: new Map<number, History>(),
    barriers: new Map<number, BarrierEvent[]>(),
    activity: new Rows(['day'] as const, sizes?.activity),
    presentations: new Rows(['day', 'state', 'reason', 'jobNeed'] as const),
    placements: new Rows(['start', 'end', 'planned', 'kind', 'employer', 'jobNeed', 'id', 'renews', 'objective'] as const),
    recruitments: new Rows(['start', 'startText', 'endText', 'kind', 'employer', 'jobNeed', 'organisation', 'outcome'] as const),
    followUps: new Rows(['due', 'result'] as const),
    sectors: new Rows(['sector'] as const),
    programmes: new Rows(['programme', 'joined'] as const),
    /** By employer code. */
    contacts: new Rows(['day'] as const),
    dimensions: undefined as Dimensions | undefined,
  };
}
type Facts = ReturnType<typeof newFacts>;

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

export interface HireFigures {
  publicCategory: Counts;
  kind: Counts;
  /** Durable, transition, positive… (shared/pipeline.ts outcomeClass). */
  outcomeClass: Counts;
  sectors: { sectorKey: string | null; sectorName: string | null; values: [number, number] }[];
  /** By employer; a recruitment at an organisation without a file here by its name (`employerId` null). */
  employers: { employerId: string | null; employerName: string | null; values: [number, number] }[];
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


type P = 0 | 1;

interface Period {
  p: P;
  since: number;
  before: number;
  last: number;
  /** Born after these (`YYYYMMDD`): under 26, 45, 55 at the period's end. */
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
    const end = epochDay(last);
    return {
      p,
      since: epochDay(since),
      before: epochDay(before),
      last: end,
      // Aged at least N on `last` is born on or before the same month and day N years earlier (29 February included), as whole years count it.
      age26: (year - 26) * 10_000 + monthDay,
      age45: (year - 45) * 10_000 + monthDay,
      age55: (year - 55) * 10_000 + monthDay,
      days91: end - 91,
      days365: end - 365,
      days730: end - 730,
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

export function createReportFacts(db: Db, slice = WARM_SLICE) {
  let writes: ReportWrites | undefined;
  let state: { version: number; facts: Facts } | undefined;
  let preparing: Promise<void> | undefined;

  /** Reads the files given into the facts again, their old rows dropped first. */
  function readFiles(facts: Facts, ids: readonly string[]): void {
    const { slots, files } = facts;
    const dropped = new Set<number>();
    for (const id of ids) {
      const slot = slots.get(id);
      if (slot === undefined) continue;
      dropped.add(slot);
      files.alive.set(slot, 0);
      facts.categoryHistory.delete(slot);
      facts.levelHistory.delete(slot);
      facts.barriers.delete(slot);
    }
    for (const rows of [facts.activity, facts.presentations, facts.placements, facts.recruitments, facts.followUps, facts.sectors, facts.programmes]) rows.drop(dropped);
    const firstNew = facts.recruitments.length;
    const taker = rowTaker(facts);
    readFileFacts(db, ids, taker.take);
    taker.end();
    classify(facts, firstNew);
  }

  /** What puts each row the store reads (`readFileFacts`, `readFileFactsInSteps`) into `facts` (`take`), and what is left of them once all are read (`end`). */
  function rowTaker(facts: Facts): { take: (source: FileSource, row: Row) => void; end: () => void } {
    const { codes, slots, files } = facts;
    // A file's history of one attribute, gathered as its rows come (in order of file, attribute and day), then put away whole (`putHistory`).
    let run: { slot: number; attribute: 'category' | 'level'; days: number[]; values: number[] } | undefined;
    /**
     * The value a file came with goes in its column (and, for the French level, its entry level); a
     * history is kept only when it holds more than one value. At 100,000 files nearly every file has one
     * value of each: an object per file and attribute, dropped once all were read, was ~30 MB of the
     * first report's heap.
     */
    const putHistory = () => {
      if (run === undefined) return;
      const { slot: at, attribute, days, values } = run;
      run = undefined;
      const first = values[0] as number;
      if (attribute === 'level') files.entryLevel.set(at, first);
      files[attribute].set(at, first);
      if (values.length > 1) (attribute === 'category' ? facts.categoryHistory : facts.levelHistory).set(at, { days, values });
    };
    let slot = -1;
    let lastId: unknown;
    const slotOf = (id: unknown): number => {
      if (id !== lastId) {
        lastId = id;
        slot = slots.get(String(id)) ?? -1;
      }
      return slot;
    };
    const take = (source: FileSource, row: Row) => {
      if (source !== 'history') putHistory();
      if (source === 'candidates') {
        const id = String(row[0]);
        let at = slots.get(id);
        if (at === undefined) {
          at = slots.size;
          slots.set(id, at);
        }
        const [, merged, created, archived, status, gender, birth, nationality, partner, referred, pair, category, level] = row;
        const values: Record<FileColumn, number> = {
          alive: 1,
          merged: merged === 1 ? 1 : 0,
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
          entryLevel: codes.code(level),
          firstObjective: NONE,
        };
        for (const name of FILE_COLUMNS) files[name].set(at, values[name]);
        return;
      }
      const at = slotOf(row[0]);
      if (at < 0 || files.alive.data[at] !== 1) return;
      switch (source) {
        case 'history': {
          // In order of day: the first row is the value the file came with.
          const value = codes.code(row[3]);
          const attribute = row[1] === 'public_category' ? 'category' : row[1] === 'french_level' ? 'level' : null;
          if (attribute === null) return;
          const day = asDay(row[2]);
          if (run !== undefined && run.slot === at && run.attribute === attribute) {
            run.days.push(day);
            run.values.push(value);
            return;
          }
          putHistory();
          run = { slot: at, attribute, days: [day], values: [value] };
          return;
        }
        case 'programmes':
          facts.programmes.add(at, codes.code(row[1]), asDay(row[2]));
          return;
        case 'sectors':
          facts.sectors.add(at, codes.code(row[1]));
          return;
        case 'timeline':
        case 'visits':
          facts.activity.add(at, asDay(row[1]));
          return;
        case 'presentations':
          facts.activity.add(at, asDay(row[1]));
          facts.presentations.add(at, asDay(row[1]), codes.code(row[2]), codes.code(row[3]), codes.code(row[4]));
          return;
        case 'placements':
          facts.placements.add(at, asDay(row[3]), asDay(row[4]), asDay(row[5]), codes.code(row[2]), codes.code(row[7]), codes.code(row[8]), codes.code(row[1]), codes.code(row[6]), codes.code(row[9]));
          return;
        case 'recruitments':
          facts.activity.add(at, asDay(row[2]));
          facts.recruitments.add(at, asDay(row[2]), codes.code(row[3]), codes.code(row[4]), codes.code(row[1]), codes.code(row[5]), codes.code(row[6]), codes.code(row[7]));
          return;
        case 'followUps':
          facts.followUps.add(at, asDay(row[1]), codes.code(row[2]));
          return;
        case 'plans':
          files.firstObjective.set(at, asDay(row[1]));
          return;
        case 'barriers': {
          const event = { theme: codes.code(row[1]), lifted: row[2] === 'lifted', open: row[3] === 'open', day: asDay(row[4]), recorded: String(row[5]) };
          const events = facts.barriers.get(at);
          if (events) events.push(event);
          else facts.barriers.set(at, [event]);
          return;
        }
      }
    };
    return { take, end: putHistory };
  }

  /**
   * The outcome class of the recruitments from row `from` on: of the row and its employer's kind,
   * worked out as rows are read and again when employers change (its month arithmetic, per
   * report, was a quarter of a report's time).
   */
  function classify(facts: Facts, from: number): void {
    const { codes } = facts;
    const employers = (facts.dimensions as Dimensions).employers;
    const rows = facts.recruitments.view;
    for (let index = from; index < facts.recruitments.length; index++) {
      if ((rows.slot[index] as number) < 0) continue;
      const employerKind = (employers.get(rows.employer[index] as number)?.kind ?? null) as EmployerKind | null;
      const kind = codes.value(rows.kind[index] as number) as RecruitmentKind;
      const startDate = String(codes.value(rows.startText[index] as number));
      rows.outcome[index] = codes.code(outcomeClass({ kind, startDate, endDate: codes.value(rows.endText[index] as number), employerKind }));
    }
  }

  function readContactDays(facts: Facts, ids: readonly string[] | null): void {
    if (ids !== null) facts.contacts.drop(new Set(ids.map((id) => facts.codes.code(id))));
    for (const [id, day] of readContacts(db, ids)) facts.contacts.add(facts.codes.code(id), asDay(day));
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

  /** New facts to read whole, with their dimensions: the old ones and the writes heard are forgotten. */
  function startOver(heard: ReportWrites): Facts {
    heard.candidates.clear();
    heard.employers.clear();
    heard.dimensions = false;
    state = undefined; // the old facts can go while the new ones are read
    const facts = newFacts(factSizes(db));
    facts.dimensions = readDimensionsOf(facts.codes);
    return facts;
  }

  /** Whether the facts can be kept current by reading again only what this connection's writes touched. */
  function readable(writes: ReportWrites, version: number): boolean {
    return state !== undefined && state.version === version && writes.candidates.size <= state.facts.slots.size / 4;
  }

  /**
   * Reads the facts whole when they need it, a slice of files at a time, letting the event loop
   * answer other calls between slices: at 100,000 files the whole read is ~5 s of CPU, and the
   * main process is what answers the window. Writes meanwhile are heard as always (this
   * connection's by the triggers, read again by the next report; another connection's start the
   * reading over). Once it is done, `current()` has only what was written since to read.
   */
  function prepare(): Promise<void> {
    preparing ??= readWholeBySlices().finally(() => {
      preparing = undefined;
    });
    return preparing;
  }

  async function readWholeBySlices(): Promise<void> {
    writes ??= watchReportWrites(db);
    let version = committedVersion(db);
    while (!readable(writes, version)) {
      const facts = startOver(writes);
      const taker = rowTaker(facts);
      for (const _ of readFileFactsInSteps(db, slice, taker.take)) {
        await new Promise((resolve) => setImmediate(resolve));
        // A report that could not wait read them whole meanwhile (`current`): those are current.
        if (state !== undefined) return;
        if (committedVersion(db) !== version) break;
      }
      if (committedVersion(db) !== version) {
        version = committedVersion(db);
        continue;
      }
      taker.end();
      finishWhole(facts, version);
    }
  }

  /** Facts read whole, once every file's rows are in. */
  function finishWhole(facts: Facts, version: number): void {
    classify(facts, 0);
    readContactDays(facts, null);
    state = { version, facts };
  }

  /** The facts, current: read whole the first time and after another connection's write, else only what this one's writes touched. */
  function current(): Facts {
    // Watching starts before the first read: a write after it is heard.
    writes ??= watchReportWrites(db);
    const version = committedVersion(db);
    if (!state || !readable(writes, version)) {
      const facts = startOver(writes);
      const taker = rowTaker(facts);
      for (const _ of readFileFactsInSteps(db, slice, taker.take)) {
        // Read at once: a caller that did not wait for `prepare`.
      }
      taker.end();
      finishWhole(facts, version);
      return facts;
    }
    const { facts } = state;
    if (writes.dimensions) {
      writes.dimensions = false;
      facts.dimensions = readDimensionsOf(facts.codes);
      classify(facts, 0);
    }
    if (writes.candidates.size > 0) {
      const ids = [...writes.candidates];
      writes.candidates.clear();
      readFiles(facts, ids);
    }
    if (writes.employers.size > 0) {
      const ids = [...writes.employers];
      writes.employers.clear();
      readContactDays(facts, ids);
    }
    return facts;
  }

  /**
   * Whether a file counts on a day: alive, never merged, and the filters' partner, sector and
   * pair, status and programme as they stood that day. What does not depend on the day is worked
   * out once per report, file by file, in arrays.
   */
  function populationOf(facts: Facts, f: PopulationFilter) {
    const { codes, files } = facts;
    const size = facts.slots.size;
    const alive = files.alive.data;
    const merged = files.merged.data;
    const partner = f.partnerId === null ? -1 : codes.find(f.partnerId);
    const pair = f.pairId === null ? -1 : codes.find(f.pairId);
    const ok = new Uint8Array(size);
    for (let slot = 0; slot < size; slot++)
      ok[slot] =
        alive[slot] === 1 && merged[slot] === 0 && (f.partnerId === null || files.partner.data[slot] === partner) && (f.pairId === null || files.pair.data[slot] === pair) ? 1 : 0;
    if (f.sectorId !== null) {
      const sector = codes.find(f.sectorId);
      const member = new Uint8Array(size);
      const { slot: owner, sector: sectors } = facts.sectors.view;
      for (let index = 0; index < facts.sectors.length; index++) if (sectors[index] === sector && (owner[index] as number) >= 0) member[owner[index] as number] = 1;
      for (let slot = 0; slot < size; slot++) ok[slot] = (ok[slot] as number) & (member[slot] as number);
    }
    /** The day the file joined the filter's programme (NONE: never); NONE for all without one. */
    let joined: Int32Array | null = null;
    if (f.programmeId !== null) {
      const programme = codes.find(f.programmeId);
      joined = new Int32Array(size).fill(2_147_483_647);
      const { slot: owner, programme: programmes, joined: days } = facts.programmes.view;
      for (let index = 0; index < facts.programmes.length; index++) {
        const at = owner[index] as number;
        if (at >= 0 && programmes[index] === programme) joined[at] = Math.min(joined[at] as number, days[index] as number);
      }
    }
    const wanted = f.publicCategories.length === 0 ? null : new Set(f.publicCategories.map((category) => codes.find(category)));
    const categoryOn = (slot: number, day: number) => valueOn(facts.categoryHistory.get(slot), files.category.data[slot] as number, day);
    return {
      ok,
      categoryOn,
      /** Whether the file `slot` counts on `day`. */
      test: (slot: number, day: number): boolean =>
        ok[slot] === 1 && (joined === null || (joined[slot] as number) <= day) && (wanted === null || wanted.has(categoryOn(slot, day))),
    };
  }

  /**
   * The people followed in both periods and what became of their plans and barriers: counted by
   * each breakdown in arrays indexed by code, then named.
   */
  function people(r: Ranges, f: PopulationFilter): PeopleFigures {
    const facts = current();
    const { codes, files } = facts;
    const size = facts.slots.size;
    const periods = periodsOf(r);
    const population = populationOf(facts, f);
    const [created, archived, firstObjective, birth, referred] = [files.created.data, files.archived.data, files.firstObjective.data, files.birth.data, files.referred.data];
    // Followed in a period: created, archived, or any dated activity in it, or a placement under way.
    // Followed in a period: created, archived, or any dated activity in it, or a placement under
    // way. One pass over each array for both periods: bit 1 the current one, bit 2 the previous.
    const [now, then] = periods;
    const bitOf = (day: number) => (day >= now.since && day < now.before ? 1 : day >= then.since && day < then.before ? 2 : 0);
    const marks = new Uint8Array(size);
    for (let slot = 0; slot < size; slot++) marks[slot] = bitOf(created[slot] as number) | bitOf(archived[slot] as number);
    const activity = facts.activity.view;
    for (let index = 0; index < facts.activity.length; index++) {
      const bit = bitOf(activity.day[index] as number);
      const slot = activity.slot[index] as number;
      if (bit !== 0 && slot >= 0) marks[slot] = (marks[slot] as number) | bit;
    }
    const placements = facts.placements.view;
    for (let index = 0; index < facts.placements.length; index++) {
      const slot = placements.slot[index] as number;
      if (slot < 0) continue;
      for (const k of periods)
        if ((placements.start[index] as number) <= k.last && (placements.planned[index] as number) >= k.since) marks[slot] = (marks[slot] as number) | (k.p === 0 ? 1 : 2);
    }
    type PairOfCounts = readonly [Float64Array, Float64Array];
    const counts = (length: number): PairOfCounts => [new Float64Array(length), new Float64Array(length)];
    const add = (pair: PairOfCounts, p: P, index: number) => {
      const column = pair[p];
      column[index] = (column[index] ?? 0) + 1;
    };
    const width = codes.values.length;
    const byCode = { leftWhy: counts(width), publicCategory: counts(width), gender: counts(width), country: counts(width), frenchLevel: counts(width) };
    const byAge = counts(AGE_BANDS.length);
    const byFollowed = counts(FOLLOWED_BANDS.length);
    const byProgress = counts(FRENCH_PROGRESS.length);
    const progressOf = new Map<number, number>();
    const figures: Record<'created' | 'followed' | 'left' | 'withPlan' | 'planStarts', [number, number]> = { created: [0, 0], followed: [0, 0], left: [0, 0], withPlan: [0, 0], planStarts: [0, 0] };
    const eu = new Map<number, number>();
    const barriers: Counts = new Map();
    const countBarrier = (key: string, p: P) => {
      const cell = barriers.get(key) ?? [0, 0];
      cell[p] += 1;
      barriers.set(key, cell);
    };
    for (const k of periods) {
      const p = k.p;
      const bit = p === 0 ? 1 : 2;
      for (let slot = 0; slot < size; slot++) {
        if (((marks[slot] as number) & bit) === 0 || (created[slot] as number) >= k.before || !population.test(slot, k.last)) continue;
        figures.followed[p] += 1;
        if ((created[slot] as number) >= k.since) figures.created[p] += 1;
        const gone = archived[slot] as number;
        if (gone >= k.since && gone < k.before) {
          figures.left[p] += 1;
          add(byCode.leftWhy, p, files.status.data[slot] as number);
        }
        const category = population.categoryOn(slot, k.last);
        const level = valueOn(facts.levelHistory.get(slot), files.level.data[slot] as number, k.last);
        const entry = files.entryLevel.data[slot] as number;
        add(byCode.publicCategory, p, category);
        add(byCode.gender, p, files.gender.data[slot] as number);
        add(byCode.country, p, files.nationality.data[slot] as number);
        add(byCode.frenchLevel, p, level);
        const pairKey = entry * width + level;
        let progress = progressOf.get(pairKey);
        if (progress === undefined) {
          progress = FRENCH_PROGRESS_INDEX.get(frenchProgress(codes.value(entry), codes.value(level))) as number;
          progressOf.set(pairKey, progress);
        }
        add(byProgress, p, progress);
        const born = birth[slot] as number;
        const age = born === NONE ? 4 : born > k.age26 ? 0 : born > k.age45 ? 1 : born > k.age55 ? 2 : 3;
        add(byAge, p, age);
        const since = referred[slot] === NONE ? (created[slot] as number) : (referred[slot] as number);
        add(byFollowed, p, since > k.days91 ? 0 : since > k.days365 ? 1 : since > k.days730 ? 2 : 3);
        const plan = firstObjective[slot] as number;
        if (plan !== NONE && plan < k.before) figures.withPlan[p] += 1;
        if (p === 0) {
          const key = ((files.gender.data[slot] as number) * AGE_BANDS.length + age) * width + category;
          eu.set(key, (eu.get(key) ?? 0) + 1);
        }
        // Barriers open at the period's end: each theme's last change by then (by its day, then by when it was recorded).
        const events = facts.barriers.get(slot);
        if (events) {
          const last = new Map<number, BarrierEvent>();
          for (const event of events) {
            if (event.day > k.last) continue;
            const before = last.get(event.theme);
            if (!before || event.day > before.day || (event.day === before.day && event.recorded > before.recorded)) last.set(event.theme, event);
          }
          for (const [theme, event] of last) if (event.open) countBarrier(`${codes.value(theme)}|open`, p);
        }
      }
    }
    // Lifted in a period (a person once per theme), and plans started in it: the file counted as it stood that day.
    const periodOf = (day: number): P | -1 => (day >= periods[0].since && day < periods[0].before ? 0 : day >= periods[1].since && day < periods[1].before ? 1 : -1);
    for (const [slot, events] of facts.barriers) {
      const lifted = new Set<string>();
      for (const event of events) {
        const p = event.lifted ? periodOf(event.day) : -1;
        if (p !== -1 && population.test(slot, event.day)) lifted.add(`${codes.value(event.theme)}|lifted|${p}`);
      }
      for (const key of lifted) countBarrier(key.slice(0, key.lastIndexOf('|')), key.endsWith('|0') ? 0 : 1);
    }
    for (let slot = 0; slot < size; slot++) {
      const plan = firstObjective[slot] as number;
      if (plan === NONE) continue;
      const p = periodOf(plan);
      if (p !== -1 && population.test(slot, plan)) figures.planStarts[p] += 1;
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
      ...figures,
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
        const category = key % width;
        const age = Math.floor(key / width) % AGE_BANDS.length;
        const gender = Math.floor(key / width / AGE_BANDS.length);
        return { gender: codes.value(gender), ageBand: AGE_BANDS[age] as string, publicCategory: codes.value(category), count };
      }),
    };
  }

  /** The period of a day: 0 the current, 1 the previous, -1 neither. */
  const periodOfDay = (periods: [Period, Period]) => (day: number): P | -1 =>
    day >= periods[0].since && day < periods[0].before ? 0 : day >= periods[1].since && day < periods[1].before ? 1 : -1;

  /** Presentations proposed in each period, by their state now and refusal reason. */
  function presentations(r: Ranges, f: PopulationFilter): { p: number; state: string; refusalReason: string | null; count: number }[] {
    const facts = current();
    const population = populationOf(facts, f);
    const periodOf = periodOfDay(periodsOf(r));
    const width = facts.codes.values.length;
    const cells = new Map<number, number>();
    const rows = facts.presentations.view;
    for (let index = 0; index < facts.presentations.length; index++) {
      const slot = rows.slot[index] as number;
      const day = rows.day[index] as number;
      const p = periodOf(day);
      if (slot < 0 || p === -1 || !population.test(slot, day)) continue;
      const key = (p * width + (rows.state[index] as number)) * width + (rows.reason[index] as number);
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    return [...cells].map(([key, count]) => ({
      p: Math.floor(key / width / width),
      state: String(facts.codes.value(Math.floor(key / width) % width)),
      refusalReason: facts.codes.value(key % width),
      count,
    }));
  }

  /** A sector by its code: a seeded sector's key, else its name (both null: none). */
  function sectorNamed(dimensions: Dimensions, code: number): { sectorKey: string | null; sectorName: string | null } {
    const sector = dimensions.sectors.get(code);
    return { sectorKey: sector && sector.name === null ? sector.seedKey : null, sectorName: sector?.name ?? null };
  }

  /** The sector of a placement's or recruitment's job need, else of its employer. */
  function sectorOf(dimensions: Dimensions, jobNeed: number, employer: number): { sectorKey: string | null; sectorName: string | null } {
    return sectorNamed(dimensions, dimensions.jobNeeds.get(jobNeed)?.sector || dimensions.employers.get(employer)?.sector || 0);
  }

  /** Placements started in each period, with their renewals' days and whether a contract followed within 3 months. */
  function placements(r: Ranges, f: PopulationFilter): PlacementRow[] {
    const facts = current();
    const { codes } = facts;
    const dimensions = facts.dimensions as Dimensions;
    const population = populationOf(facts, f);
    const periodOf = periodOfDay(periodsOf(r));
    const rows = facts.placements.view;
    const renewals = new Map<number, number[]>();
    for (let index = 0; index < facts.placements.length; index++) {
      const renews = rows.renews[index] as number;
      if (renews !== 0 && (rows.slot[index] as number) >= 0) renewals.set(renews, [...(renewals.get(renews) ?? []), index]);
    }
    // The start days of the recruitments of files with a placement.
    const hires = new Map<number, number[]>();
    for (let index = 0; index < facts.placements.length; index++) if ((rows.slot[index] as number) >= 0) hires.set(rows.slot[index] as number, []);
    const recruitments = facts.recruitments.view;
    for (let index = 0; index < facts.recruitments.length; index++) hires.get(recruitments.slot[index] as number)?.push(recruitments.start[index] as number);
    const days = (index: number) => (rows.end[index] as number) - (rows.start[index] as number) + 1;
    const result: PlacementRow[] = [];
    for (let index = 0; index < facts.placements.length; index++) {
      const slot = rows.slot[index] as number;
      const start = rows.start[index] as number;
      const p = periodOf(start);
      if (slot < 0 || p === -1 || !population.test(slot, start)) continue;
      const renewed = renewals.get(rows.id[index] as number) ?? [];
      const lastEnd = renewed.reduce((end, renewal) => Math.max(end, rows.end[renewal] as number), rows.end[index] as number);
      const hiredBy = lastEnd + CONTRACT_AFTER_PMSMP_DAYS;
      result.push({
        p,
        kind: String(codes.value(rows.kind[index] as number)),
        objective: codes.value(rows.objective[index] as number),
        renewal: rows.renews[index] !== 0,
        days: renewed.reduce((sum, renewal) => sum + days(renewal), days(index)),
        hired: (hires.get(slot) ?? []).some((hired) => hired >= start && hired <= hiredBy),
        ...sectorOf(dimensions, rows.jobNeed[index] as number, rows.employer[index] as number),
        publicCategory: codes.value(population.categoryOn(slot, start)),
      });
    }
    return result;
  }

  /**
   * Recruitments started in each period, counted by the person's status on their first day, kind,
   * outcome class, sector (of the job need, else of the employer) and employer (else the
   * organisation named).
   */
  function hires(r: Ranges, f: PopulationFilter): HireFigures {
    const facts = current();
    const { codes } = facts;
    const dimensions = facts.dimensions as Dimensions;
    const population = populationOf(facts, f);
    const periodOf = periodOfDay(periodsOf(r));
    const width = codes.values.length;
    const pair = () => [new Float64Array(width), new Float64Array(width)] as const;
    const byCode = { publicCategory: pair(), kind: pair(), outcomeClass: pair(), sector: pair() };
    /** By employer code, or the organisation's code after every code. */
    const byEmployer = new Map<number, [number, number]>();
    const rows = facts.recruitments.view;
    for (let index = 0; index < facts.recruitments.length; index++) {
      const slot = rows.slot[index] as number;
      const start = rows.start[index] as number;
      const p = periodOf(start);
      if (slot < 0 || p === -1 || !population.test(slot, start)) continue;
      const employer = rows.employer[index] as number;
      const known = dimensions.employers.get(employer);
      count(byCode.publicCategory[p], population.categoryOn(slot, start));
      count(byCode.kind[p], rows.kind[index] as number);
      count(byCode.outcomeClass[p], rows.outcome[index] as number);
      count(byCode.sector[p], dimensions.jobNeeds.get(rows.jobNeed[index] as number)?.sector || known?.sector || 0);
      const group = known ? employer : width + (rows.organisation[index] as number);
      const cell = byEmployer.get(group) ?? [0, 0];
      cell[p] += 1;
      byEmployer.set(group, cell);
    }
    const named = ([now, before]: readonly [Float64Array, Float64Array]) => {
      const result: Counts = new Map();
      for (let index = 0; index < width; index++) if (now[index] !== 0 || before[index] !== 0) result.set(codes.value(index), [now[index] as number, before[index] as number]);
      return result;
    };
    return {
      publicCategory: named(byCode.publicCategory),
      kind: named(byCode.kind),
      outcomeClass: named(byCode.outcomeClass),
      sectors: Array.from(byCode.sector[0].keys())
        .filter((index) => byCode.sector[0][index] !== 0 || byCode.sector[1][index] !== 0)
        .map((index) => ({ ...sectorNamed(dimensions, index), values: [byCode.sector[0][index] as number, byCode.sector[1][index] as number] as [number, number] })),
      employers: [...byEmployer].map(([group, values]) =>
        group < width
          ? { employerId: codes.value(group), employerName: dimensions.employers.get(group)?.name ?? null, values }
          : { employerId: null, employerName: codes.value(group - width), values },
      ),
    };
  }

  /** The 6-month follow-ups due in each period, by their answer. */
  function sixMonthFollowUps(r: Ranges, f: PopulationFilter): { p: number; result: string; count: number }[] {
    const facts = current();
    const population = populationOf(facts, f);
    const periodOf = periodOfDay(periodsOf(r));
    const width = facts.codes.values.length;
    const cells = new Map<number, number>();
    const rows = facts.followUps.view;
    for (let index = 0; index < facts.followUps.length; index++) {
      const slot = rows.slot[index] as number;
      const due = rows.due[index] as number;
      const p = periodOf(due);
      if (slot < 0 || p === -1 || !population.test(slot, due)) continue;
      const key = p * width + (rows.result[index] as number);
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    return [...cells].map(([key, count]) => ({ p: Math.floor(key / width), result: String(facts.codes.value(key % width)), count }));
  }

  /**
   * Employers (of the sector, when one is given): engaged in each period (a company contact, a
   * presentation to one of its needs, a placement or a recruitment), new, charters signed,
   * company contacts, needs opened, needs filled by a recruitment started then. Every file counts.
   */
  function employers(r: Ranges, sectorId: string | null): EmployerFigures {
    const facts = current();
    const dimensions = facts.dimensions as Dimensions;
    const sector = sectorId === null ? -1 : facts.codes.find(sectorId);
    const width = facts.codes.values.length;
    // By code: 1 for an employer of the sector (or of any when none is given).
    const counted = new Uint8Array(width);
    for (const [code, employer] of dimensions.employers) if (sectorId === null || employer.sector === sector) counted[code] = 1;
    const needEmployer = new Int32Array(width);
    for (const [code, need] of dimensions.jobNeeds) needEmployer[code] = need.employer;
    const periodOf = periodOfDay(periodsOf(r));
    const figures: EmployerFigures = { engaged: [0, 0], created: [0, 0], charter: [0, 0], contacts: [0, 0], needsOpened: [0, 0], needsFilled: [0, 0] };
    const engaged = [new Uint8Array(width), new Uint8Array(width)] as const;
    const filled = [new Uint8Array(width), new Uint8Array(width)] as const;
    const engage = (p: P | -1, employer: number) => {
      if (p !== -1 && counted[employer] === 1) engaged[p][employer] = 1;
    };
    const contacts = facts.contacts.view;
    for (let index = 0; index < facts.contacts.length; index++) {
      const employer = contacts.slot[index] as number;
      const p = periodOf(contacts.day[index] as number);
      if (employer < 0 || p === -1 || counted[employer] !== 1) continue;
      figures.contacts[p] += 1;
      engaged[p][employer] = 1;
    }
    const presentations = facts.presentations.view;
    for (let index = 0; index < facts.presentations.length; index++)
      if ((presentations.slot[index] as number) >= 0) engage(periodOf(presentations.day[index] as number), needEmployer[presentations.jobNeed[index] as number] as number);
    const placements = facts.placements.view;
    for (let index = 0; index < facts.placements.length; index++)
      if ((placements.slot[index] as number) >= 0) engage(periodOf(placements.start[index] as number), placements.employer[index] as number);
    const recruitments = facts.recruitments.view;
    for (let index = 0; index < facts.recruitments.length; index++) {
      if ((recruitments.slot[index] as number) < 0) continue;
      const p = periodOf(recruitments.start[index] as number);
      if (p === -1) continue;
      engage(p, recruitments.employer[index] as number);
      const need = recruitments.jobNeed[index] as number;
      if (need !== 0 && dimensions.jobNeeds.has(need) && counted[needEmployer[need] as number] === 1) filled[p][need] = 1;
    }
    for (const [code, employer] of dimensions.employers) {
      if (counted[code] !== 1) continue;
      const created = periodOf(employer.created);
      if (created !== -1) figures.created[created] += 1;
      const charter = periodOf(employer.charter);
      if (charter !== -1) figures.charter[charter] += 1;
    }
    for (const need of dimensions.jobNeeds.values()) {
      const p = need.archived ? -1 : periodOf(need.created);
      if (p !== -1 && counted[need.employer] === 1) figures.needsOpened[p] += 1;
    }
    const ones = (marks: Uint8Array) => marks.reduce((sum, mark) => sum + mark, 0);
    figures.engaged = [ones(engaged[0]), ones(engaged[1])];
    figures.needsFilled = [ones(filled[0]), ones(filled[1])];
    return figures;
  }

  /** Files referred in each period (the referral date, else the file's creation), by the partner that referred them. */
  function referrals(r: Ranges, f: PopulationFilter): ReferralCell[] {
    const facts = current();
    const { codes, files } = facts;
    const population = populationOf(facts, f);
    const periodOf = periodOfDay(periodsOf(r));
    const cells = new Map<number, [number, number]>();
    for (let slot = 0; slot < facts.slots.size; slot++) {
      const referred = files.referred.data[slot] as number;
      const on = referred === NONE ? (files.created.data[slot] as number) : referred;
      const p = periodOf(on);
      if (p === -1 || !population.test(slot, on)) continue;
      const partner = files.partner.data[slot] as number;
      const cell = cells.get(partner) ?? [0, 0];
      cell[p] += 1;
      cells.set(partner, cell);
    }
    const names = partnerNames(db);
    return [...cells]
      .map(([partner, [now, before]]) => {
        const partnerId = codes.value(partner);
        return { partnerId, partnerName: partnerId === null ? null : (names.get(partnerId) ?? null), current: now, previous: before };
      })
      .sort((a, b) => (a.partnerId ?? '').localeCompare(b.partnerId ?? ''));
  }

  return { prepare, people, presentations, placements, hires, sixMonthFollowUps, employers, referrals };
}

/** One more at `index`. */
function count(counts: Float64Array, index: number): void {
  counts[index] = (counts[index] ?? 0) + 1;
}

/** The value a file held on day `on`: the last recorded on or before it, else the first recorded; without a history, its column. */
function valueOn(history: History | undefined, column: number, on: number): number {
  if (!history) return column;
  let found = history.values[0] as number;
  for (let index = 0; index < history.days.length && (history.days[index] as number) <= on; index++) found = history.values[index] as number;
  return found;
}

export type ReportFacts = ReturnType<typeof createReportFacts>;
