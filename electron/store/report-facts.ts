import { COMPANY_CONTACT_KINDS } from '../../shared/domain';
import { type ReadDb, prepareRead } from '../db/handles';
import type { Db } from '../db/open';
import { watchWrites } from '../db/write-watch';

/**
 * What the report keeps in memory (services/report-facts.ts), read narrow: each file's dates,
 * categories and dated activity, the pipeline rows that count, the employers' contacts, and the
 * employers, needs and sectors they are labelled by. Days come as whole days since 1970-01-01
 * (SQLite makes them from the text, so 900,000 timeline rows make no string in JavaScript), birth
 * dates as the integer `YYYYMMDD` (ages compare month and day as text does, 29 February
 * included). Every statement over files reads all of them, those whose ids are given as a JSON
 * array, or those whose ids fall in a range.
 */

const day = (column: string) => `CAST(julianday(substr(${column}, 1, 10)) - 2440587.5 AS INTEGER)`;
const among = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

/** The statements over files: `{where}` becomes the condition that keeps the files asked for (or nothing). */
const FILE_SOURCES = {
  /** id, merged, created, archived, status, gender, birth, nationality, partner, referred, pair, category, level (candidates_report_idx). */
  candidates: `SELECT id, merged_into_id IS NOT NULL, ${day('created_at')}, ${day('archived_at')}, status, gender, CAST(replace(birth_date, '-', '') AS INTEGER), nationality,
      referral_partner_id, ${day('referred_on')}, assigned_pair_id, public_category, french_level FROM candidates {where id}`,
  /** In the primary key's order: by file, attribute, day. */
  history: `SELECT candidate_id, attribute, ${day('from_date')}, value FROM candidate_status_history {where candidate_id} ORDER BY candidate_id, attribute, from_date`,
  programmes: `SELECT candidate_id, programme_id, ${day('joined_on')} FROM candidate_programmes {where candidate_id}`,
  sectors: `SELECT candidate_id, sector_id FROM candidate_sectors {where candidate_id}`,
  /** The days of the file's timeline entries (timeline_subject_idx). */
  timeline: `SELECT subject_id, ${day('occurred_at')} FROM timeline_events WHERE subject_type = 'candidate' {and subject_id}`,
  presentations: `SELECT candidate_id, ${day('proposed_on')}, state, refusal_reason, job_need_id FROM presentations {by presentations_candidate_idx} WHERE archived_at IS NULL {and candidate_id}`,
  placements: `SELECT candidate_id, id, kind, ${day('start_date')}, ${day('coalesce(ended_on, end_date)')}, ${day('end_date')}, renews_id, employer_id, job_need_id, objective
      FROM placements {by placements_candidate_idx} WHERE archived_at IS NULL {and candidate_id}`,
  recruitments: `SELECT candidate_id, kind, ${day('start_date')}, start_date, end_date, employer_id, job_need_id, organisation FROM recruitments {by recruitments_candidate_idx} WHERE archived_at IS NULL {and candidate_id}`,
  /** The 6-month follow-ups of recruitments that count. */
  followUps: `SELECT rc.candidate_id, ${day('fu.due_on')}, fu.result FROM recruitments rc {by recruitments_candidate_idx} JOIN follow_ups fu ON fu.recruitment_id = rc.id
      WHERE fu.months_after = 6 AND rc.archived_at IS NULL {and rc.candidate_id}`,
  visits: `SELECT v.candidate_id, ${day('s.date')} FROM session_visits v JOIN dropin_sessions s ON s.id = v.session_id WHERE s.archived_at IS NULL {and v.candidate_id}`,
  /** The day of each file's first objective: its action plan's start. */
  plans: `SELECT candidate_id, ${day('min(created_at)')} FROM plan_objectives {where candidate_id} GROUP BY candidate_id`,
  /** A barrier's change is dated by the day the staffer gave, else the day it was recorded. */
  barriers: `SELECT candidate_id, theme, change, status, ${day('coalesce(changed_on, created_at)')}, created_at FROM candidate_barrier_events {where candidate_id}`,
} as const;
export type FileSource = keyof typeof FILE_SOURCES;

const contactKinds = COMPANY_CONTACT_KINDS.map((kind) => `'${kind}'`).join(', ');
/** The company contacts' days, by employer (timeline_kind_idx). */
const CONTACTS = `SELECT subject_id, ${day('occurred_at')} FROM timeline_events WHERE subject_type = 'employer' AND kind IN (${contactKinds}) {and subject_id}`;

/** Which files a statement reads: all, those whose ids are given (a JSON array), or those whose ids fall between two bounds. */
type Reading = 'all' | 'ids' | 'range';

/**
 * A source's text for the files `reading` says: for the files given, `{by index}` names the
 * per-file index to read them by (else SQLite may prefer the report's covering index, in date
 * order, and read every row for a handful of files).
 */
function statementText(source: string, reading: Reading): string {
  const condition = (column: string) => (reading === 'ids' ? among(column) : `${column} BETWEEN ? AND ?`);
  return source
    .replace(/\{(where|and) ([\w.]+)\}/, (_, word: string, column: string) => (reading === 'all' ? '' : `${word === 'where' ? 'WHERE' : 'AND'} ${condition(column)}`))
    .replace(/\{by (\w+)\}/, (_, index: string) => (reading === 'ids' ? `INDEXED BY ${index}` : ''));
}

export type Row = unknown[];
type Take = (source: FileSource, row: Row) => void;

/** The rows of every source over the files given, each handed to `take` as it is read (nothing else may run on the connection meanwhile). */
export function readFileFacts(db: ReadDb, ids: readonly string[], take: Take): void {
  const parameters = [JSON.stringify(ids)];
  for (const [source, text] of Object.entries(FILE_SOURCES) as [FileSource, string][]) {
    for (const row of prepareRead(db, statementText(text, 'ids')).raw().iterate(...parameters) as IterableIterator<Row>) take(source, row);
  }
}

/**
 * The sources read whole from their covering report index, whose order is by date, not by file:
 * a few tens of thousands of rows each at 100,000 files. The others are read by ranges of files.
 */
const READ_WHOLE: readonly FileSource[] = ['presentations', 'placements', 'recruitments', 'followUps'];

/**
 * The rows of every source over all files, as `readFileFacts` hands them, in steps the caller
 * may pause between, or run through at once (each step's rows are read before it ends: nothing
 * runs on the connection across a pause). The files first, by ranges of `slice` ids; then each
 * source by the same ranges, or whole in one step (`READ_WHOLE`).
 */
export function* readFileFactsInSteps(db: ReadDb, slice: number, take: Take): Generator<void> {
  // The first and last id of each range, not every id: 100,000 of them held through the whole read were ~7 MB of the first report's heap.
  const ranges: [string, string][] = [];
  let index = 0;
  for (const id of prepareRead(db, 'SELECT id FROM candidates ORDER BY id').pluck().iterate() as IterableIterator<string>) {
    if (index % slice === 0) ranges.push([id, id]);
    else (ranges[ranges.length - 1] as [string, string])[1] = id;
    index += 1;
  }
  for (const [source, text] of Object.entries(FILE_SOURCES) as [FileSource, string][]) {
    if (READ_WHOLE.includes(source)) {
      for (const row of prepareRead(db, statementText(text, 'all')).raw().iterate() as IterableIterator<Row>) take(source, row);
      yield;
      continue;
    }
    const statement = prepareRead(db, statementText(text, 'range')).raw();
    for (const [first, last] of ranges) {
      for (const row of statement.iterate(first, last) as IterableIterator<Row>) take(source, row);
      yield;
    }
  }
}

export interface FactSizes {
  /** Files. */
  files: number;
  /** Dated rows of activity ahead: visits, presentations, recruitments (not the timeline's entries). */
  activity: number;
}

/**
 * What a whole read brings (`readFileFactsInSteps`), sized from each table's largest rowid: the
 * last page of its b-tree, where a count would decrypt every page. The timeline has no rowid (its
 * rows are kept by file): its entries are not counted ahead, and the activity grows past them.
 */
export function factSizes(db: ReadDb): FactSizes {
  const largest = (table: string) => Number(prepareRead(db, `SELECT max(rowid) FROM ${table}`).pluck().get() ?? 0);
  return {
    files: largest('candidates'),
    activity: largest('session_visits') + largest('presentations') + largest('recruitments'),
  };
}

/**
 * The company contacts' [employer id, day] of every employer, or of those given, row by row
 * (nothing else may run on the connection meanwhile): not all held at once, as arrays of a
 * string and a number each, at the end of the first report's whole read.
 */
export function readContacts(db: ReadDb, ids: readonly string[] | null): IterableIterator<Row> {
  return prepareRead(db, statementText(CONTACTS, ids === null ? 'all' : 'ids'))
    .raw()
    .iterate(...(ids === null ? [] : [JSON.stringify(ids)])) as IterableIterator<Row>;
}

/** What employers, needs and sectors the report labels and counts by (employers_report_idx, job_needs_report_idx). */
export function readDimensions(db: ReadDb) {
  return {
    /** id, sector, kind, name, created day, charter day. */
    employers: prepareRead(db, `SELECT id, sector_id, kind, name, ${day('created_at')}, ${day('charter_signed_on')} FROM employers`).raw().all() as Row[],
    /** id, employer, sector, created day, archived. */
    jobNeeds: prepareRead(db, `SELECT id, employer_id, sector_id, ${day('created_at')}, archived_at IS NOT NULL FROM job_needs`).raw().all() as Row[],
    /** id, seed key, name. */
    sectors: prepareRead(db, 'SELECT id, seed_key, name FROM sectors').raw().all() as Row[],
  };
}

/** The partners' names, by id. */
export function partnerNames(db: ReadDb): Map<string, string> {
  return new Map(prepareRead(db, 'SELECT id, name FROM partners').raw().all() as [string, string][]);
}

/** What the writes since the report's facts were read touched. */
export interface ReportWrites {
  candidates: Set<string>;
  employers: Set<string>;
  /** An employer, a job need or a sector was written. */
  dimensions: boolean;
}

/** The tables whose rows belong to one file, and the column naming it. */
const FILE_TABLES = [
  ['candidates', 'id'],
  ['candidate_status_history', 'candidate_id'],
  ['candidate_programmes', 'candidate_id'],
  ['candidate_sectors', 'candidate_id'],
  ['presentations', 'candidate_id'],
  ['placements', 'candidate_id'],
  ['recruitments', 'candidate_id'],
  ['session_visits', 'candidate_id'],
  ['plan_objectives', 'candidate_id'],
  ['candidate_barrier_events', 'candidate_id'],
] as const;

/**
 * Temporary triggers (this connection only, never written to the file) that report, as each
 * row is written, the files and employers whose facts it changes, and whether an employer, need
 * or sector was written: SQL triggers and cascades included. A write rolled back still reports:
 * the file is then read again for nothing, never missed. Writes by another connection are seen
 * by `data_version` (the caller reads everything again).
 */
export function watchReportWrites(db: Db): ReportWrites {
  const writes: ReportWrites = { candidates: new Set(), employers: new Set(), dimensions: false };
  const { call, on } = watchWrites(db, 'report_write', {
    candidate: (id) => typeof id === 'string' && writes.candidates.add(id),
    employer: (id) => typeof id === 'string' && writes.employers.add(id),
    dimensions: () => {
      writes.dimensions = true;
    },
  });
  for (const [table, column] of FILE_TABLES) on(table, (row) => `SELECT ${call('candidate', `${row}.${column}`)}`);
  on('follow_ups', (row) => `SELECT ${call('candidate', 'candidate_id')} FROM recruitments WHERE id = ${row}.recruitment_id`);
  on(
    'timeline_events',
    (row) =>
      `SELECT CASE ${row}.subject_type WHEN 'candidate' THEN ${call('candidate', `${row}.subject_id`)} WHEN 'employer' THEN ${call('employer', `${row}.subject_id`)} END`,
  );
  // A session's date or archiving changes the activity of every file that visited it.
  on('dropin_sessions', (row) => `SELECT ${call('candidate', 'candidate_id')} FROM session_visits WHERE session_id = ${row}.id`);
  for (const table of ['employers', 'job_needs', 'sectors']) on(table, () => `SELECT ${call('dimensions')}`);
  return writes;
}
