import { type SQL, sql } from 'drizzle-orm';
import { COMPANY_CONTACT_KINDS } from '../../shared/domain';
import { CONTRACT_AFTER_PMSMP_DAYS } from '../../shared/reports';
import type { Db } from '../db/open';

/**
 * The report's aggregates, one statement per table family. Every statement reads two periods
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

const COLUMNS = { public_category: sql.raw('c.public_category'), french_level: sql.raw('c.french_level') } as const;

/**
 * The files whose history holds more than the two rows written when they were created (one per
 * attribute): a status or level changed since, or rows brought by a merge. The triggers of 0017
 * write every change of the columns, so a file outside this set holds its column's value on every
 * day. Read once per statement from the history's primary key (no sort; a statement using it
 * names `changedFilesTable` in its WITH), then probed in memory. At 100,000 files, one lookup in
 * the history per file cost ~100 ms CPU per value read (three in the people's statement), the
 * set ~45 ms once (loaded 2-core machine).
 */
const changedFiles = sql`(SELECT id FROM changed_files)`;
/** `changedFiles` as a common table of the statement, read once however many values use it. */
const changedFilesTable = sql`changed_files(id) AS MATERIALIZED (SELECT candidate_id FROM candidate_status_history GROUP BY candidate_id HAVING count(*) <> 2 OR min(attribute) = max(attribute))`;

/** The first value recorded of the file `file` (an id column). */
const firstValue = (attribute: 'public_category' | 'french_level', file: SQL = sql`c.id`) =>
  sql`(SELECT f.value FROM candidate_status_history f WHERE f.candidate_id = ${file} AND f.attribute = ${attribute} ORDER BY f.from_date LIMIT 1)`;

/**
 * The value of a file's `public_category` or `french_level` on day `on`: the last recorded on or
 * before it, else the first recorded (activity dated before the file was created here counts
 * under the values it came with). `file` is the file's id, by default of `c` the candidates
 * table. With `changed` (a statement over every file), the history is read only for the files in
 * `changedFiles`.
 */
export const valueAt = (attribute: 'public_category' | 'french_level', on: SQL, changed = false, file: SQL = sql`c.id`) => {
  // The value of the latest row by then (SQLite gives a bare column from max()'s row), else of
  // the first: both read in the primary key's order, where one ORDER BY over both sorted each time.
  const recorded = sql`(SELECT CASE WHEN max(h.from_date) IS NULL THEN ${firstValue(attribute, file)} ELSE h.value END
    FROM candidate_status_history h WHERE h.candidate_id = ${file} AND h.attribute = ${attribute} AND h.from_date <= ${on})`;
  return changed ? sql`CASE WHEN c.id IN ${changedFiles} THEN ${recorded} ELSE ${COLUMNS[attribute]} END` : recorded;
};

/** The value the file `c` came with (its first recorded), in a statement over every file. */
const valueAtEntry = (attribute: 'public_category' | 'french_level') =>
  sql`CASE WHEN c.id IN ${changedFiles} THEN ${firstValue(attribute)} ELSE ${COLUMNS[attribute]} END`;

/** Files merged into another: never counted (a handful, read once per statement from a partial index). */
const mergedFiles = sql`(SELECT id FROM candidates WHERE merged_into_id IS NOT NULL)`;

function filterConditions(f: PopulationFilter, on: SQL, changed = false): SQL[] {
  const conditions: SQL[] = [];
  if (f.publicCategories.length > 0)
    conditions.push(
      sql`${valueAt('public_category', on, changed)} IN (${sql.join(
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
 * The files a report counts (never one merged into another), narrowed by the filters; `c` is the
 * candidates table. Status and programme are judged on day `on` (the period's last day for the
 * people followed, the event's day for an event): the status the file held then, a programme
 * joined by then.
 */
function population(f: PopulationFilter, on: SQL, changed = false): SQL {
  return sql.join([sql`c.merged_into_id IS NULL`, ...filterConditions(f, on, changed)], sql` AND `);
}

/**
 * Whether the file `id` of a dated row (a presentation, a placement…) counts, as `population`
 * says. Without filters, nothing of the file is read: its id is only checked against the merged
 * ones (at 100,000 files, a lookup of each row's file was most of these statements' time).
 */
function ofPopulation(id: SQL, f: PopulationFilter, on: SQL): SQL {
  const conditions = filterConditions(f, on);
  return conditions.length === 0 ? sql`${id} NOT IN ${mergedFiles}` : sql`EXISTS (SELECT 1 FROM candidates c WHERE c.id = ${id} AND c.merged_into_id IS NULL AND ${sql.join(conditions, sql` AND `)})`;
}

/**
 * The two periods as rows `k(p, since, before, last, …)`: period `p` is [`since`, `before`), its
 * last day `last`, then the bounds of its bands (`bandBounds`).
 */
const periods = (r: Ranges) => sql`(SELECT 0 AS p, ${r.currentFrom} AS since, ${r.until} AS before, ${r.currentTo} AS last, ${bandBounds(sql`${r.currentTo}`)}
    UNION ALL SELECT 1, ${r.previousFrom}, ${r.currentFrom}, ${r.previousTo}, ${bandBounds(sql`${r.previousTo}`)})`;
const within = (column: string) => sql`${sql.raw(column)} >= k.since AND ${sql.raw(column)} < k.before`;

/**
 * Whether the file `c` was followed in period `k`: created, archived, or with any dated activity
 * in it — a timeline entry, a presentation proposed, a placement under way, a recruitment
 * started, a drop-in visit. Asked file by file through the per-file indexes (the cheap tests
 * first), rather than by collecting every dated row of both years and removing the duplicates.
 */
const followedIn = sql`(${within('c.created_at')} OR ${within('c.archived_at')}
    OR EXISTS (SELECT 1 FROM timeline_events t WHERE t.subject_type = 'candidate' AND t.subject_id = c.id AND ${within('t.occurred_at')})
    OR EXISTS (SELECT 1 FROM presentations pr WHERE pr.candidate_id = c.id AND pr.archived_at IS NULL AND ${within('pr.proposed_on')})
    OR EXISTS (SELECT 1 FROM placements pl WHERE pl.candidate_id = c.id AND pl.archived_at IS NULL AND pl.start_date <= k.last AND pl.end_date >= k.since)
    OR EXISTS (SELECT 1 FROM recruitments rc WHERE rc.candidate_id = c.id AND rc.archived_at IS NULL AND ${within('rc.start_date')})
    OR EXISTS (SELECT 1 FROM session_visits v JOIN dropin_sessions s ON s.id = v.session_id
      WHERE v.candidate_id = c.id AND s.archived_at IS NULL AND ${within('s.date')}))`;

/**
 * The files of the report's population followed in each period and existing by its end (activity
 * dated before a file was created here, e.g. imported, does not count it earlier): `c` the
 * candidates table, `k` the period.
 */
const followedPopulation = (r: Ranges, f: PopulationFilter) =>
  // CROSS JOIN keeps the candidates outside: one pass over the table in its order, both periods asked of each row.
  sql`candidates c CROSS JOIN ${periods(r)} k WHERE c.created_at < k.before AND ${population(f, sql`k.last`, true)} AND ${followedIn}`;

/**
 * The bounds of the age and time-followed bands of a period ending on `last`, worked out once per
 * period so each file is banded by comparing its dates as text (at 100,000 files, the ages and
 * day counts worked out per file cost more than the rest of the row). Aged at least N years on
 * `last` is born on or before the same month and day N years earlier, written as text even when
 * that day does not exist (29 February), as the age in whole years counts it.
 */
const bandBounds = (last: SQL) => sql`(CAST(substr(${last}, 1, 4) AS INTEGER) - 26) || substr(${last}, 5) AS age26,
    (CAST(substr(${last}, 1, 4) AS INTEGER) - 45) || substr(${last}, 5) AS age45,
    (CAST(substr(${last}, 1, 4) AS INTEGER) - 55) || substr(${last}, 5) AS age55,
    date(${last}, '-91 days') AS days91, date(${last}, '-365 days') AS days365, date(${last}, '-730 days') AS days730`;

/** Age in whole years at the period `k`'s end, banded as shared/reports.ts ageBand does. */
const ageBandSql = sql`CASE
    WHEN c.birth_date IS NULL THEN 'unknown'
    WHEN c.birth_date > k.age26 THEN 'under_26'
    WHEN c.birth_date > k.age45 THEN 'from_26_to_44'
    WHEN c.birth_date > k.age55 THEN 'from_45_to_54'
    ELSE 'over_54' END`;

/** Days from the referral (else the file's creation) to the period `k`'s end, banded. */
const followedBandSql = sql`CASE
    WHEN coalesce(c.referred_on, substr(c.created_at, 1, 10)) > k.days91 THEN 'under_3_months'
    WHEN coalesce(c.referred_on, substr(c.created_at, 1, 10)) > k.days365 THEN 'from_3_to_12_months'
    WHEN coalesce(c.referred_on, substr(c.created_at, 1, 10)) > k.days730 THEN 'from_12_to_24_months'
    ELSE 'over_24_months' END`;

export interface PeopleCell {
  p: number;
  publicCategory: string | null;
  gender: string | null;
  ageBand: string;
  nationality: string | null;
  /** The level at the period's end, and the one the file came with. */
  frenchLevel: string;
  frenchLevelAtEntry: string;
  followedBand: string;
  /** The status of a file that left (was archived) in the period; null for the others. */
  leftStatus: string | null;
  people: number;
  created: number;
  /** People with an action plan by the period's end (an objective recorded by then). */
  withPlan: number;
}

/**
 * The people followed in both periods, counted by every breakdown at once (the sums are made by
 * the service); status and French level as they stood at each period's end.
 */
export function peopleCells(db: Db, r: Ranges, f: PopulationFilter): PeopleCell[] {
  const end = sql`k.last`;
  return db.all<PeopleCell>(sql`WITH ${changedFilesTable} SELECT k.p AS p, ${valueAt('public_category', end, true)} AS publicCategory, c.gender AS gender, ${ageBandSql} AS ageBand,
      c.nationality AS nationality, ${valueAt('french_level', end, true)} AS frenchLevel, ${valueAtEntry('french_level')} AS frenchLevelAtEntry,
      ${followedBandSql} AS followedBand,
      CASE WHEN ${within('c.archived_at')} THEN c.status END AS leftStatus,
      count(*) AS people,
      sum(${within('c.created_at')}) AS created,
      sum(EXISTS (SELECT 1 FROM plan_objectives o WHERE o.candidate_id = c.id AND o.created_at < k.before)) AS withPlan
    FROM ${followedPopulation(r, f)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`);
}

export interface BarrierCell {
  p: number;
  theme: string;
  /** Followed people whose barrier stood open at the period's end. */
  open: number;
  /** People whose barrier was lifted in the period. */
  lifted: number;
}

/**
 * Barriers by theme: open at each period's end (the last change on or before it left it open)
 * among the people followed then, and lifted during it. A change is dated by the day the staffer
 * gave, else the day it was recorded.
 */
export function barrierCells(db: Db, r: Ranges, f: PopulationFilter): BarrierCell[] {
  return db.all<BarrierCell>(sql`WITH ${changedFilesTable}, followed(id, p) AS (SELECT c.id, k.p FROM ${followedPopulation(r, f)}),
    ev AS (SELECT candidate_id, theme, change, status, coalesce(changed_on, substr(created_at, 1, 10)) AS d, created_at FROM candidate_barrier_events),
    last_state AS (
      SELECT candidate_id, theme, 0 AS p, status, row_number() OVER (PARTITION BY candidate_id, theme ORDER BY d DESC, created_at DESC) AS rank FROM ev WHERE d < ${r.until}
      UNION ALL
      SELECT candidate_id, theme, 1, status, row_number() OVER (PARTITION BY candidate_id, theme ORDER BY d DESC, created_at DESC) FROM ev WHERE d < ${r.currentFrom}
    ),
    open_at_end AS (SELECT s.p, s.theme, count(*) AS n FROM last_state s JOIN followed f ON f.id = s.candidate_id AND f.p = s.p
      WHERE s.rank = 1 AND s.status = 'open' GROUP BY 1, 2),
    lifted AS (SELECT ${periodOf(sql`e.d`, r)} AS p, e.theme, count(DISTINCT e.candidate_id) AS n FROM ev e
      WHERE e.change = 'lifted' AND ${inRanges(sql`e.d`, r)} AND ${ofPopulation(sql`e.candidate_id`, f, sql`e.d`)} GROUP BY 1, 2)
    SELECT p, theme, sum(open) AS open, sum(lifted) AS lifted FROM (
      SELECT p, theme, n AS open, 0 AS lifted FROM open_at_end UNION ALL SELECT p, theme, 0, n FROM lifted
    ) GROUP BY 1, 2`);
}

export interface PlanStartCell {
  p: number;
  count: number;
}

/** Action plans started in each period: the file's first objective recorded then (the file counted as it stood that day). */
export function planStarts(db: Db, r: Ranges, f: PopulationFilter): PlanStartCell[] {
  return db.all<PlanStartCell>(sql`SELECT ${periodOf(sql`o.first`, r)} AS p, count(*) AS count
    FROM (SELECT candidate_id, min(created_at) AS first FROM plan_objectives GROUP BY candidate_id) o
    WHERE ${inRanges(sql`o.first`, r)} AND ${ofPopulation(sql`o.candidate_id`, f, sql`substr(o.first, 1, 10)`)}
    GROUP BY 1`);
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

export interface PresentationCell {
  p: number;
  state: string;
  refusalReason: string | null;
  count: number;
}

/** Presentations proposed in each period (not archived), by their state now and refusal reason. */
export function presentationCells(db: Db, r: Ranges, f: PopulationFilter): PresentationCell[] {
  return db.all<PresentationCell>(sql`SELECT ${periodOf(sql`pr.proposed_on`, r)} AS p, pr.state AS state, pr.refusal_reason AS refusalReason, count(*) AS count
    FROM presentations pr
    WHERE pr.archived_at IS NULL AND ${inRanges(sql`pr.proposed_on`, r)} AND ${ofPopulation(sql`pr.candidate_id`, f, sql`pr.proposed_on`)}
    GROUP BY 1, 2, 3`);
}

export interface PlacementRow {
  p: number;
  kind: string;
  objective: string | null;
  renewal: number;
  /** Days of the placement and its renewals, to the actual end when it ended early. */
  days: number;
  /** A recruitment of the person started from the placement's start to 3 months after its (last renewal's) end. */
  hired: number;
  /** The host's sector (of the job need, else of the employer): a seeded sector's key, else its name. */
  sectorKey: string | null;
  sectorName: string | null;
  /** The person's status (public category) on the placement's first day. */
  publicCategory: string | null;
}

/** Placements started in each period (not archived). */
export function placementRows(db: Db, r: Ranges, f: PopulationFilter): PlacementRow[] {
  const end = sql`coalesce(pl.ended_on, pl.end_date)`;
  const renewalEnd = sql`(SELECT max(coalesce(x.ended_on, x.end_date)) FROM placements x WHERE x.renews_id = pl.id AND x.archived_at IS NULL)`;
  return db.all<PlacementRow>(sql`SELECT ${periodOf(sql`pl.start_date`, r)} AS p, pl.kind AS kind, pl.objective AS objective,
      pl.renews_id IS NOT NULL AS renewal,
      CAST(julianday(${end}) - julianday(pl.start_date) + 1 AS INTEGER)
        + coalesce((SELECT sum(CAST(julianday(coalesce(x.ended_on, x.end_date)) - julianday(x.start_date) + 1 AS INTEGER)) FROM placements x WHERE x.renews_id = pl.id AND x.archived_at IS NULL), 0) AS days,
      EXISTS (SELECT 1 FROM recruitments rc WHERE rc.candidate_id = pl.candidate_id AND rc.archived_at IS NULL AND rc.start_date >= pl.start_date
        AND rc.start_date <= date(max(${end}, coalesce(${renewalEnd}, ${end})), ${`+${CONTRACT_AFTER_PMSMP_DAYS} days`})) AS hired,
      CASE WHEN s.name IS NULL THEN s.seed_key END AS sectorKey, s.name AS sectorName, ${valueAt('public_category', sql`pl.start_date`, false, sql`pl.candidate_id`)} AS publicCategory
    FROM placements pl
    LEFT JOIN job_needs j INDEXED BY job_needs_report_idx ON j.id = pl.job_need_id
    LEFT JOIN employers e INDEXED BY employers_report_idx ON e.id = pl.employer_id
    LEFT JOIN sectors s ON s.id = coalesce(j.sector_id, e.sector_id)
    WHERE pl.archived_at IS NULL AND ${inRanges(sql`pl.start_date`, r)} AND ${ofPopulation(sql`pl.candidate_id`, f, sql`pl.start_date`)}`);
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
  /** The person's status (public category) on the recruitment's first day. */
  publicCategory: string | null;
}

/** Recruitments started in each period (not archived), with the sector of the job need, else of the employer. */
export function recruitmentRows(db: Db, r: Ranges, f: PopulationFilter): RecruitmentRow[] {
  return db.all<RecruitmentRow>(sql`SELECT ${periodOf(sql`rc.start_date`, r)} AS p, rc.kind AS kind, rc.start_date AS startDate, rc.end_date AS endDate,
      CASE WHEN s.name IS NULL THEN s.seed_key END AS sectorKey, s.name AS sectorName, e.id AS employerId, coalesce(e.name, rc.organisation) AS employerName,
      e.kind AS employerKind, ${valueAt('public_category', sql`rc.start_date`, false, sql`rc.candidate_id`)} AS publicCategory
    FROM recruitments rc
    LEFT JOIN job_needs j INDEXED BY job_needs_report_idx ON j.id = rc.job_need_id
    LEFT JOIN employers e INDEXED BY employers_report_idx ON e.id = rc.employer_id
    LEFT JOIN sectors s ON s.id = coalesce(j.sector_id, e.sector_id)
    WHERE rc.archived_at IS NULL AND ${inRanges(sql`rc.start_date`, r)} AND ${ofPopulation(sql`rc.candidate_id`, f, sql`rc.start_date`)}`);
}

export interface FollowUpCell {
  p: number;
  result: string;
  count: number;
}

/** The 6-month follow-ups due in each period (of recruitments not archived), by their answer. */
export function sixMonthFollowUps(db: Db, r: Ranges, f: PopulationFilter): FollowUpCell[] {
  return db.all<FollowUpCell>(sql`SELECT ${periodOf(sql`fu.due_on`, r)} AS p, fu.result AS result, count(*) AS count
    FROM follow_ups fu JOIN recruitments rc ON rc.id = fu.recruitment_id
    WHERE fu.months_after = 6 AND rc.archived_at IS NULL AND ${inRanges(sql`fu.due_on`, r)} AND ${ofPopulation(sql`rc.candidate_id`, f, sql`fu.due_on`)}
    GROUP BY 1, 2`);
}

export interface EmployerFigures {
  p: number;
  engaged: number;
  created: number;
  charter: number;
  contacts: number;
  needsOpened: number;
  needsFilled: number;
}

/**
 * Employers (of the filter's sector, when one is set): engaged in each period (a company
 * contact, a presentation to one of its needs, a placement or a recruitment), new files,
 * charters signed, company contacts, needs opened, needs filled by a recruitment started then.
 */
export function employerFigures(db: Db, r: Ranges, sectorId: string | null): EmployerFigures[] {
  const ofSector = (alias: string) => (sectorId ? sql`AND ${sql.raw(alias)}.sector_id = ${sectorId}` : sql``);
  const kinds = sql.join(
    COMPANY_CONTACT_KINDS.map((kind) => sql`${kind}`),
    sql`, `,
  );
  // The company contacts are read once (a CTE named twice is materialised): they count, and they engage.
  return db.all<EmployerFigures>(sql`WITH contacts(id, p) AS MATERIALIZED (
      SELECT subject_id, ${periodOf(sql`occurred_at`, r)} FROM timeline_events WHERE subject_type = 'employer' AND kind IN (${kinds}) AND ${inRanges(sql`occurred_at`, r)}
    ),
    -- One DISTINCT over all four rather than UNION's sort per pair of them (at 100,000 files,
    -- ~150,000 rows: ~430 against ~560 ms CPU, alternated runs on a loaded machine).
    engaged(id, p) AS (SELECT DISTINCT id, p FROM (
      SELECT id, p FROM contacts
      UNION ALL SELECT j.employer_id, ${periodOf(sql`pr.proposed_on`, r)} FROM presentations pr JOIN job_needs j INDEXED BY job_needs_report_idx ON j.id = pr.job_need_id WHERE pr.archived_at IS NULL AND ${inRanges(sql`pr.proposed_on`, r)}
      UNION ALL SELECT employer_id, ${periodOf(sql`start_date`, r)} FROM placements WHERE employer_id IS NOT NULL AND archived_at IS NULL AND ${inRanges(sql`start_date`, r)}
      UNION ALL SELECT employer_id, ${periodOf(sql`start_date`, r)} FROM recruitments WHERE employer_id IS NOT NULL AND archived_at IS NULL AND ${inRanges(sql`start_date`, r)}
    )),
    figures(p, engaged, created, charter, contacts, needsOpened, needsFilled) AS (
      SELECT g.p, 1, 0, 0, 0, 0, 0 FROM engaged g JOIN employers e ON e.id = g.id WHERE 1 ${ofSector('e')}
      UNION ALL SELECT ${periodOf(sql`e.created_at`, r)}, 0, 1, 0, 0, 0, 0 FROM employers e WHERE ${inRanges(sql`e.created_at`, r)} ${ofSector('e')}
      UNION ALL SELECT ${periodOf(sql`e.charter_signed_on`, r)}, 0, 0, 1, 0, 0, 0 FROM employers e WHERE ${inRanges(sql`e.charter_signed_on`, r)} ${ofSector('e')}
      UNION ALL SELECT ct.p, 0, 0, 0, 1, 0, 0 FROM contacts ct JOIN employers e ON e.id = ct.id WHERE 1 ${ofSector('e')}
      UNION ALL SELECT ${periodOf(sql`j.created_at`, r)}, 0, 0, 0, 0, 1, 0 FROM job_needs j JOIN employers e ON e.id = j.employer_id
        WHERE j.archived_at IS NULL AND ${inRanges(sql`j.created_at`, r)} ${ofSector('e')}
      UNION ALL SELECT p, 0, 0, 0, 0, 0, 1 FROM (SELECT DISTINCT rc.job_need_id, ${periodOf(sql`rc.start_date`, r)} AS p FROM recruitments rc
        JOIN job_needs j ON j.id = rc.job_need_id JOIN employers e ON e.id = j.employer_id
        WHERE rc.archived_at IS NULL AND ${inRanges(sql`rc.start_date`, r)} ${ofSector('e')})
    )
    SELECT p, sum(engaged) AS engaged, sum(created) AS created, sum(charter) AS charter, sum(contacts) AS contacts,
      sum(needsOpened) AS needsOpened, sum(needsFilled) AS needsFilled
    FROM figures GROUP BY p`);
}

export interface ReferralCell {
  partnerId: string | null;
  partnerName: string | null;
  current: number;
  previous: number;
}

/**
 * Files referred in each period (the referral date, else the file's creation), by the partner
 * that referred them: both periods summed side by side in the partner's order of
 * candidates_referral_report_idx, so nothing is sorted.
 */
export function referralCells(db: Db, r: Ranges, f: PopulationFilter): ReferralCell[] {
  const on = sql`coalesce(c.referred_on, substr(c.created_at, 1, 10))`;
  return db.all<ReferralCell>(sql`SELECT c.referral_partner_id AS partnerId, (SELECT pa.name FROM partners pa WHERE pa.id = c.referral_partner_id) AS partnerName,
      sum(${on} >= ${r.currentFrom}) AS current, sum(${on} < ${r.currentFrom}) AS previous
    FROM candidates c
    WHERE ${inRanges(on, r)} AND ${population(f, on)}
    GROUP BY c.referral_partner_id`);
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

/** Changes whenever the data may have: a commit by another connection (`data_version`) or a row written by this one. */
export function dataVersion(db: Db): string {
  const row = db.get<{ committed: number; written: number }>(sql`SELECT (SELECT data_version FROM pragma_data_version) AS committed, total_changes() AS written`);
  return `${row?.committed}:${row?.written}`;
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
