import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/open';

/**
 * The report's aggregates that are read from SQL on each call (the rest is worked out from the
 * facts kept in memory: services/report-facts.ts, store/report-facts.ts): plan steps done,
 * volunteers, drop-in sessions and pairs, small tables all. Every statement reads two periods
 * at once: the previous one ends the day before the current one starts, so one range
 * [`previousFrom`, `until`) covers both and `p` tells them apart (0 current, 1 previous).
 * Dates are text: a timestamp or a date compares with a `YYYY-MM-DD` bound as a day would.
 */
export interface Ranges {
  previousFrom: string;
  previousTo: string;
  currentFrom: string;
  currentTo: string;
  /** The day after the current period. */
  until: string;
}

export interface PopulationFilter {
  publicCategories: string[];
  partnerId: string | null;
  sectorId: string | null;
  pairId: string | null;
  programmeId: string | null;
}

const periodOf = (column: SQL, r: Ranges) => sql`CASE WHEN ${column} >= ${r.currentFrom} THEN 0 ELSE 1 END`;
const inRanges = (column: SQL, r: Ranges) => sql`${column} >= ${r.previousFrom} AND ${column} < ${r.until}`;

/** The first value recorded of the file `file` (an id column). */
const firstValue = (attribute: 'public_category' | 'french_level', file: SQL) =>
  sql`(SELECT f.value FROM candidate_status_history f WHERE f.candidate_id = ${file} AND f.attribute = ${attribute} ORDER BY f.from_date LIMIT 1)`;

/**
 * The value of a file's `public_category` or `french_level` on day `on`: the last recorded on or
 * before it, else the first recorded (activity dated before the file was created here counts
 * under the values it came with). `file` is the file's id, by default of `c` the candidates table.
 */
const valueAt = (attribute: 'public_category' | 'french_level', on: SQL, file: SQL = sql`c.id`) =>
  // The value of the latest row by then (SQLite gives a bare column from max()'s row), else of
  // the first: both read in the primary key's order, where one ORDER BY over both sorted each time.
  sql`(SELECT CASE WHEN max(h.from_date) IS NULL THEN ${firstValue(attribute, file)} ELSE h.value END
    FROM candidate_status_history h WHERE h.candidate_id = ${file} AND h.attribute = ${attribute} AND h.from_date <= ${on})`;

/** Files merged into another: never counted (a handful, read once per statement from a partial index). */
const mergedFiles = sql`(SELECT id FROM candidates WHERE merged_into_id IS NOT NULL)`;

function filterConditions(f: PopulationFilter, on: SQL): SQL[] {
  const conditions: SQL[] = [];
  if (f.publicCategories.length > 0)
    conditions.push(
      sql`${valueAt('public_category', on)} IN (${sql.join(
        f.publicCategories.map((category) => sql`${category}`),
        sql`, `,
      )})`,
    );
  if (f.partnerId) conditions.push(sql`c.referral_partner_id = ${f.partnerId}`);
  if (f.sectorId) conditions.push(sql`EXISTS (SELECT 1 FROM candidate_sectors cs WHERE cs.candidate_id = c.id AND cs.sector_id = ${f.sectorId})`);
  if (f.pairId) conditions.push(sql`c.assigned_pair_id = ${f.pairId}`);
  if (f.programmeId)
    conditions.push(sql`EXISTS (SELECT 1 FROM candidate_programmes cp WHERE cp.candidate_id = c.id AND cp.programme_id = ${f.programmeId} AND cp.joined_on <= ${on})`);
  return conditions;
}

/**
 * Whether the file `id` of a dated row (a step done, a visit) counts: never merged into another,
 * narrowed by the filters (status and programme judged on day `on`). Without filters, nothing of the file is read: its id is only checked against the merged
 * ones (at 100,000 files, a lookup of each row's file was most of these statements' time).
 */
function ofPopulation(id: SQL, f: PopulationFilter, on: SQL): SQL {
  const conditions = filterConditions(f, on);
  return conditions.length === 0 ? sql`${id} NOT IN ${mergedFiles}` : sql`EXISTS (SELECT 1 FROM candidates c WHERE c.id = ${id} AND c.merged_into_id IS NULL AND ${sql.join(conditions, sql` AND `)})`;
}

export interface StepDoneCell {
  p: number;
  kind: string;
  count: number;
}

/**
 * Steps of action plans marked done in each period (a change recorded then set their status to
 * done; a step counted once a period, by its kind now; steps since removed are not counted), the
 * file counted as it stood on the day of the period's last such change.
 */
export function stepsDone(db: Db, r: Ranges, f: PopulationFilter): StepDoneCell[] {
  return db.all<StepDoneCell>(sql`SELECT d.p AS p, s.kind AS kind, count(*) AS count
    FROM (SELECT e.step_id, e.candidate_id, ${periodOf(sql`e.created_at`, r)} AS p, substr(max(e.created_at), 1, 10) AS day FROM plan_step_events e
      WHERE ${inRanges(sql`e.created_at`, r)} AND json_extract(e.changed, '$.status') = 'done' GROUP BY 1, 2, 3) d
    JOIN plan_steps s ON s.id = d.step_id
    WHERE ${ofPopulation(sql`d.candidate_id`, f, sql`d.day`)}
    GROUP BY 1, 2`);
}

export interface VolunteerFigures {
  p: number;
  activeVolunteers: number;
  minutes: number;
  sessions: number;
  visits: number;
}

/**
 * Volunteers active (hours logged or at a session), minutes given, drop-in sessions held and
 * visits of the report's population in each period; the pair filter keeps its two volunteers.
 */
export function volunteerFigures(db: Db, r: Ranges, f: PopulationFilter): VolunteerFigures[] {
  const ofPair = (column: string) =>
    f.pairId
      ? sql`AND ${sql.raw(column)} IN (SELECT first_volunteer_id FROM pairs WHERE id = ${f.pairId} UNION SELECT second_volunteer_id FROM pairs WHERE id = ${f.pairId})`
      : sql``;
  return db.all<VolunteerFigures>(sql`WITH active(id, p) AS (
      SELECT volunteer_id, ${periodOf(sql`date`, r)} FROM volunteer_hours WHERE ${inRanges(sql`date`, r)} ${ofPair('volunteer_id')}
      UNION SELECT sv.volunteer_id, ${periodOf(sql`s.date`, r)} FROM session_volunteers sv JOIN dropin_sessions s ON s.id = sv.session_id
        WHERE s.archived_at IS NULL AND ${inRanges(sql`s.date`, r)} ${ofPair('sv.volunteer_id')}
    ),
    figures(p, activeVolunteers, minutes, sessions, visits) AS (
      SELECT p, 1, 0, 0, 0 FROM active
      UNION ALL SELECT ${periodOf(sql`date`, r)}, 0, minutes, 0, 0 FROM volunteer_hours WHERE ${inRanges(sql`date`, r)} ${ofPair('volunteer_id')}
      UNION ALL SELECT ${periodOf(sql`date`, r)}, 0, 0, 1, 0 FROM dropin_sessions WHERE archived_at IS NULL AND ${inRanges(sql`date`, r)}
      UNION ALL SELECT ${periodOf(sql`s.date`, r)}, 0, 0, 0, 1 FROM session_visits v JOIN dropin_sessions s ON s.id = v.session_id
        WHERE s.archived_at IS NULL AND ${inRanges(sql`s.date`, r)} AND ${ofPopulation(sql`v.candidate_id`, f, sql`s.date`)}
    )
    SELECT p, sum(activeVolunteers) AS activeVolunteers, sum(minutes) AS minutes, sum(sessions) AS sessions, sum(visits) AS visits FROM figures GROUP BY p`);
}

export interface PairHours {
  p: number;
  pairId: string;
  label: string;
  minutes: number;
}

/** Minutes logged in each period by the two volunteers of each pair (not archived). */
export function pairHours(db: Db, r: Ranges, pairId: string | null): PairHours[] {
  return db.all<PairHours>(sql`SELECT ${periodOf(sql`h.date`, r)} AS p, pa.id AS pairId,
      v1.first_name || ' ' || v1.last_name || ' & ' || v2.first_name || ' ' || v2.last_name AS label, sum(h.minutes) AS minutes
    FROM pairs pa JOIN volunteers v1 ON v1.id = pa.first_volunteer_id JOIN volunteers v2 ON v2.id = pa.second_volunteer_id
    JOIN volunteer_hours h ON h.volunteer_id IN (pa.first_volunteer_id, pa.second_volunteer_id)
    WHERE pa.archived_at IS NULL AND ${inRanges(sql`h.date`, r)} ${pairId ? sql`AND pa.id = ${pairId}` : sql``}
    GROUP BY 1, 2, 3`);
}

export interface FilterNames {
  partner: string | null;
  sectorKey: string | null;
  sectorName: string | null;
  pair: string | null;
  programme: string | null;
}

/** What a document's title page names the population filters by (no person's file is read). */
export function filterNames(db: Db, f: PopulationFilter): FilterNames {
  return (
    db.get<FilterNames>(sql`SELECT
      (SELECT name FROM partners WHERE id = ${f.partnerId}) AS partner,
      (SELECT seed_key FROM sectors WHERE id = ${f.sectorId}) AS sectorKey,
      (SELECT name FROM sectors WHERE id = ${f.sectorId}) AS sectorName,
      (SELECT v1.first_name || ' ' || v1.last_name || ' & ' || v2.first_name || ' ' || v2.last_name FROM pairs pa
        JOIN volunteers v1 ON v1.id = pa.first_volunteer_id JOIN volunteers v2 ON v2.id = pa.second_volunteer_id WHERE pa.id = ${f.pairId}) AS pair,
      (SELECT name FROM programmes WHERE id = ${f.programmeId}) AS programme`) ?? {
      partner: null,
      sectorKey: null,
      sectorName: null,
      pair: null,
      programme: null,
    }
  );
}
