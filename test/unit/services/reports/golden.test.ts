import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import type { Clock } from '../../../../electron/core/clock';
import { seed } from '../../../../electron/tools/seed';
import type { InputOf } from '../../../../shared/api';
import { type FrenchLevel, frenchLevelRank } from '../../../../shared/candidates';
import type { EmployerKind } from '../../../../shared/employers';
import { type RecruitmentKind, outcomeClass } from '../../../../shared/pipeline';
import { type Report, type ReportTable, ageBand, reportQuerySchema } from '../../../../shared/reports';
import { createReportService } from '../../../../electron/services/reports';
import { ok } from '../../../support/api';
import { candidate, employer, immersion } from '../../../support/records';
import { useBackend } from '../../../support/temp';

/**
 * The report's figures computed twice: by the service (SQL aggregates), and here, naively,
 * by walking every raw row of the tables in JavaScript with the definitions as written in
 * the definitions file. They must agree to the unit for every table, period and filter.
 */

type Row = Record<string, string | number | null>;
interface Period {
  from: string;
  to: string;
}
type Filters = NonNullable<InputOf<'reports.get'>['filters']>;

const NOW = new Date('2026-06-30T12:00:00.000Z');

const str = (value: unknown) => (value === null || value === undefined ? null : String(value));
const day = (value: unknown) => str(value)?.slice(0, 10) ?? null;
const within = (value: unknown, p: Period) => {
  const date = day(value);
  return date !== null && date >= p.from && date <= p.to;
};
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const plusDays = (date: string, days: number) => new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);

function age(birth: string, on: string): number {
  let years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  if (on.slice(5) < birth.slice(5)) years -= 1;
  return years;
}
function naiveAgeBand(birth: string | null, on: string): string {
  if (!birth) return 'unknown';
  const years = age(birth, on);
  return years < 26 ? 'under_26' : years < 45 ? 'from_26_to_44' : years < 55 ? 'from_45_to_54' : 'over_54';
}
function naiveFollowedBand(since: string, on: string): string {
  const days = dayNumber(on) - dayNumber(since);
  return days < 91 ? 'under_3_months' : days < 365 ? 'from_3_to_12_months' : days < 730 ? 'from_12_to_24_months' : 'over_24_months';
}

/** Every table's expected rows: key -> [current, previous] (or the cross-tab's columns). */
type Expected = Map<string, Map<string, number[]>>;

function naiveReport(backend: Backend, periods: [Period, Period], filters: Filters): Expected {
  const sqlite = backend.database.sqlite;
  const all = (table: string) => sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[];
  const byId = (rows: Row[]) => new Map(rows.map((row) => [String(row.id), row]));
  const candidates = byId(all('candidates'));
  const candidateSectors = new Set(all('candidate_sectors').map((row) => `${row.candidate_id}|${row.sector_id}`));
  const presentations = all('presentations');
  const placements = all('placements');
  const recruitments = all('recruitments');
  const jobNeeds = byId(all('job_needs'));
  const employers = byId(all('employers'));
  const sectors = byId(all('sectors'));
  const sessions = byId(all('dropin_sessions'));
  const visits = all('session_visits');
  const timeline = all('timeline_events');
  const barrierEvents = all('candidate_barrier_events');
  const followUps = all('follow_ups');
  const hours = all('volunteer_hours');
  const sessionVolunteers = all('session_volunteers');
  const pairs = byId(all('pairs'));
  const history = new Map<string, Row[]>();
  for (const row of all('candidate_status_history').sort((a, b) => String(a.from_date).localeCompare(String(b.from_date)))) {
    const key = `${row.candidate_id}|${row.attribute}`;
    history.set(key, [...(history.get(key) ?? []), row]);
  }
  const memberships = all('candidate_programmes');
  const objectives = all('plan_objectives');
  const steps = byId(all('plan_steps'));
  const stepEvents = all('plan_step_events');
  /** Each file's first objective: the day its plan started. */
  const planStart = new Map<string, string>();
  for (const objective of objectives) {
    const id = String(objective.candidate_id);
    const first = planStart.get(id);
    if (first === undefined || String(objective.created_at) < first) planStart.set(id, String(objective.created_at));
  }

  /** The file's value on a day: the last recorded on or before it, else the first recorded. */
  const valueAt = (id: unknown, attribute: string, on: string) => {
    const rows = history.get(`${id}|${attribute}`) ?? [];
    const before = rows.filter((row) => String(row.from_date) <= on);
    return str((before.at(-1) ?? rows[0])?.value);
  };
  const firstValue = (id: unknown, attribute: string) => valueAt(id, attribute, '0000-00-00');

  /** Whether the file counts, its status and programmes judged on day `on`. */
  const inPopulation = (id: unknown, on: string) => {
    const c = candidates.get(String(id));
    if (!c || c.merged_into_id !== null) return false;
    if (filters.publicCategories?.length && !(filters.publicCategories as string[]).includes(String(valueAt(c.id, 'public_category', on)))) return false;
    if (filters.partnerId && c.referral_partner_id !== filters.partnerId) return false;
    if (filters.sectorId && !candidateSectors.has(`${c.id}|${filters.sectorId}`)) return false;
    if (filters.pairId && c.assigned_pair_id !== filters.pairId) return false;
    if (filters.programmeId && !memberships.some((row) => row.candidate_id === c.id && row.programme_id === filters.programmeId && String(row.joined_on) <= on)) return false;
    return true;
  };

  const expected: Expected = new Map();
  const add = (table: string, key: string, p: number, count = 1, width = 2) => {
    const rows = expected.get(table) ?? new Map<string, number[]>();
    const values = rows.get(key) ?? Array.from({ length: width }, () => 0);
    values[p] = (values[p] ?? 0) + count;
    rows.set(key, values);
    expected.set(table, rows);
  };
  const set = (table: string, key: string, p: number, value: number) => {
    add(table, key, p, 0);
    const values = expected.get(table)?.get(key) as number[];
    values[p] = value;
  };
  const round1 = (value: number) => Math.round(value * 10) / 10;
  const CATEGORIES = ['asylum_seeker', 'refugee', 'subsidiary_protection', 'temporary_protection', 'other_permit', 'rsa', 'other'];

  /** The sector of a placement's or recruitment's job need, else of its employer. */
  const sectorKey = (item: Row) => {
    const need = item.job_need_id ? jobNeeds.get(String(item.job_need_id)) : undefined;
    const employer = item.employer_id ? employers.get(String(item.employer_id)) : undefined;
    const sector = sectors.get(String(need?.sector_id ?? employer?.sector_id ?? ''));
    return sector ? (sector.name === null ? `seed:${sector.seed_key}` : String(sector.name)) : 'unknown';
  };

  periods.forEach((period, p) => {
    // People followed.
    const followed = new Set<string>();
    for (const c of candidates.values()) if (within(c.created_at, period) || within(c.archived_at, period)) followed.add(String(c.id));
    for (const event of timeline) if (event.subject_type === 'candidate' && within(event.occurred_at, period)) followed.add(String(event.subject_id));
    for (const item of presentations) if (item.archived_at === null && within(item.proposed_on, period)) followed.add(String(item.candidate_id));
    for (const item of placements)
      if (item.archived_at === null && String(item.start_date) <= period.to && String(item.end_date) >= period.from) followed.add(String(item.candidate_id));
    for (const item of recruitments) if (item.archived_at === null && within(item.start_date, period)) followed.add(String(item.candidate_id));
    for (const visit of visits) {
      const session = sessions.get(String(visit.session_id));
      if (session && session.archived_at === null && within(session.date, period)) followed.add(String(visit.candidate_id));
    }
    const people = [...followed].filter((id) => inPopulation(id, period.to) && (day(candidates.get(id)?.created_at) ?? '9999') <= period.to).map((id) => candidates.get(id) as Row);
    for (const c of people) {
      add('people.flow', 'followed', p);
      if (within(c.created_at, period)) add('people.flow', 'created', p);
      if (within(c.archived_at, period)) {
        add('people.flow', 'left', p);
        add('people.leftWhy', String(c.status), p);
      }
      const category = valueAt(c.id, 'public_category', period.to);
      add('people.publicCategory', category ?? 'unknown', p);
      add('people.gender', str(c.gender) ?? 'unknown', p);
      add('people.ageBand', naiveAgeBand(str(c.birth_date), period.to), p);
      add('people.country', str(c.nationality) ?? 'unknown', p);
      const level = String(valueAt(c.id, 'french_level', period.to));
      const atEntry = String(firstValue(c.id, 'french_level'));
      add('people.frenchLevel', level, p);
      const change = frenchLevelRank(level as FrenchLevel) - frenchLevelRank(atEntry as FrenchLevel);
      add('people.frenchProgress', level === 'not_assessed' || atEntry === 'not_assessed' ? 'notAssessed' : change > 0 ? 'raised' : change < 0 ? 'lowered' : 'same', p);
      add('people.timeFollowed', naiveFollowedBand(str(c.referred_on) ?? (day(c.created_at) as string), period.to), p);
      if (p === 0) {
        const column = category === null ? CATEGORIES.length : CATEGORIES.indexOf(category);
        add('people.euFunds', `${str(c.gender) ?? 'unknown'}|${naiveAgeBand(str(c.birth_date), period.to)}`, column, 1, CATEGORIES.length + 1);
      }
      // Barriers open at the period's end: the last change by then.
      const last = new Map<string, Row>();
      const mine = barrierEvents
        .filter((event) => event.candidate_id === c.id && (str(event.changed_on) ?? (day(event.created_at) as string)) <= period.to)
        .sort((a, b) => {
          const da = str(a.changed_on) ?? (day(a.created_at) as string);
          const db = str(b.changed_on) ?? (day(b.created_at) as string);
          return da.localeCompare(db) || String(a.created_at).localeCompare(String(b.created_at));
        });
      for (const event of mine) last.set(String(event.theme), event);
      for (const [theme, event] of last) if (event.status === 'open') add('people.barriers', `${theme}|open`, p);
      if ((day(planStart.get(String(c.id))) ?? '9999') <= period.to) add('people.plans', 'withPlan', p);
    }
    // Action plans: started (the first objective) in the period, and steps set to done in it.
    for (const [id, first] of planStart) if (within(first, period) && inPopulation(id, day(first) as string)) add('people.plans', 'started', p);
    const lastDone = new Map<string, Row>();
    for (const event of stepEvents) {
      const changed = event.changed === null ? null : (JSON.parse(String(event.changed)) as { status?: string });
      if (changed?.status !== 'done' || !within(event.created_at, period)) continue;
      const before = lastDone.get(String(event.step_id));
      if (!before || String(event.created_at) > String(before.created_at)) lastDone.set(String(event.step_id), event);
    }
    for (const [stepId, event] of lastDone) {
      const step = steps.get(stepId);
      if (!step || !inPopulation(event.candidate_id, day(event.created_at) as string)) continue;
      add('people.planSteps', String(step.kind), p);
      add('people.plans', 'stepsDone', p);
    }
    const lifted = new Set<string>();
    for (const event of barrierEvents)
      if (event.change === 'lifted' && within(str(event.changed_on) ?? day(event.created_at), period) && inPopulation(event.candidate_id, str(event.changed_on) ?? (day(event.created_at) as string))) lifted.add(`${event.theme}|${event.candidate_id}`);
    for (const key of lifted) add('people.barriers', `${key.split('|')[0]}|lifted`, p);

    // Towards employers.
    for (const item of presentations) {
      if (item.archived_at !== null || !within(item.proposed_on, period) || !inPopulation(item.candidate_id, String(item.proposed_on))) continue;
      add('outcomes.presentations', String(item.state), p);
      if (item.state === 'refused') add('outcomes.refusals', str(item.refusal_reason) ?? 'unknown', p);
    }
    let pmsmps = 0;
    let pmsmpDays = 0;
    let pmsmpHired = 0;
    for (const item of placements) {
      if (item.archived_at !== null || !within(item.start_date, period) || !inPopulation(item.candidate_id, String(item.start_date))) continue;
      add('outcomes.placements', item.renews_id === null ? String(item.kind) : 'renewals', p);
      if (item.kind !== 'pmsmp' || item.renews_id !== null) continue;
      const end = (row: Row) => String(row.ended_on ?? row.end_date);
      const renewals = placements.filter((other) => other.renews_id === item.id && other.archived_at === null);
      const lastEnd = [end(item), ...renewals.map(end)].sort().at(-1) as string;
      pmsmps += 1;
      pmsmpDays += [item, ...renewals].reduce((sum, row) => sum + dayNumber(end(row)) - dayNumber(String(row.start_date)) + 1, 0);
      if (
        recruitments.some(
          (rc) => rc.candidate_id === item.candidate_id && rc.archived_at === null && String(rc.start_date) >= String(item.start_date) && String(rc.start_date) <= plusDays(lastEnd, 92),
        )
      )
        pmsmpHired += 1;
      add('outcomes.pmsmpObjective', str(item.objective)?.trim() || 'unknown', p);
      add('outcomes.pmsmpSector', sectorKey(item), p);
      add('outcomes.pmsmpStatus', valueAt(item.candidate_id, 'public_category', String(item.start_date)) ?? 'unknown', p);
    }
    set('outcomes.pmsmp', 'count', p, pmsmps);
    set('outcomes.pmsmp', 'averageDays', p, pmsmps === 0 ? 0 : round1(pmsmpDays / pmsmps));
    set('outcomes.pmsmp', 'followedByContract', p, pmsmpHired);
    set('outcomes.pmsmp', 'shareFollowedByContract', p, pmsmps === 0 ? 0 : round1((pmsmpHired / pmsmps) * 100));
    for (const rc of recruitments) {
      if (rc.archived_at !== null || !within(rc.start_date, period) || !inPopulation(rc.candidate_id, String(rc.start_date))) continue;
      add('outcomes.hires', valueAt(rc.candidate_id, 'public_category', String(rc.start_date)) ?? 'unknown', p);
      add('outcomes.recruitmentKind', String(rc.kind), p);
      const employer = rc.employer_id ? employers.get(String(rc.employer_id)) : undefined;
      add('outcomes.recruitmentSector', sectorKey(rc), p);
      const employerKind = str(employer?.kind) as EmployerKind | null;
      add('outcomes.outcomeClass', outcomeClass({ kind: rc.kind as RecruitmentKind, startDate: String(rc.start_date), endDate: str(rc.end_date), employerKind }), p);
      add('employers.byEmployer', employer ? String(employer.id) : `organisation:${str(rc.organisation) ?? 'unknown'}`, p);
    }
    for (const followUp of followUps) {
      const rc = recruitments.find((item) => item.id === followUp.recruitment_id);
      if (followUp.months_after !== 6 || !rc || rc.archived_at !== null || !within(followUp.due_on, period) || !inPopulation(rc.candidate_id, String(followUp.due_on))) continue;
      add('outcomes.sixMonths', String(followUp.result), p);
    }

    // Employers (the sector filter only).
    const ofSector = (employerId: unknown) => {
      const employer = employers.get(String(employerId));
      return employer !== undefined && (!filters.sectorId || employer.sector_id === filters.sectorId);
    };
    const contactKinds = ['call', 'meeting', 'message'];
    const engaged = new Set<string>();
    for (const event of timeline)
      if (event.subject_type === 'employer' && contactKinds.includes(String(event.kind)) && within(event.occurred_at, period)) {
        engaged.add(String(event.subject_id));
        if (ofSector(event.subject_id)) add('employers.summary', 'contacts', p);
      }
    for (const item of presentations) if (item.archived_at === null && within(item.proposed_on, period)) engaged.add(String(jobNeeds.get(String(item.job_need_id))?.employer_id));
    for (const item of [...placements, ...recruitments]) if (item.employer_id !== null && item.archived_at === null && within(item.start_date, period)) engaged.add(String(item.employer_id));
    set('employers.summary', 'engaged', p, [...engaged].filter(ofSector).length);
    // The default target, 200 company contacts a year, for as many months as the period spans (else its days).
    const [fromYear, fromMonth] = period.from.split('-').map(Number) as [number, number];
    const [toYear, toMonth] = period.to.split('-').map(Number) as [number, number];
    const monthBounds = period.from.endsWith('-01') && plusDays(period.to, 1).endsWith('-01');
    const months = monthBounds ? (toYear - fromYear) * 12 + toMonth - fromMonth + 1 : ((dayNumber(period.to) - dayNumber(period.from) + 1) * 12) / 365;
    set('employers.summary', 'contactsTarget', p, Math.round((200 * months) / 12));
    for (const employer of employers.values()) {
      if (!ofSector(employer.id)) continue;
      if (within(employer.created_at, period)) add('employers.summary', 'created', p);
      if (within(employer.charter_signed_on, period)) add('employers.summary', 'charter', p);
    }
    for (const need of jobNeeds.values()) if (need.archived_at === null && within(need.created_at, period) && ofSector(need.employer_id)) add('employers.summary', 'needsOpened', p);
    const filled = new Set<string>();
    for (const rc of recruitments)
      if (rc.archived_at === null && rc.job_need_id !== null && within(rc.start_date, period) && ofSector(jobNeeds.get(String(rc.job_need_id))?.employer_id)) filled.add(String(rc.job_need_id));
    set('employers.summary', 'needsFilled', p, filled.size);

    // Network.
    for (const c of candidates.values()) if (inPopulation(c.id, str(c.referred_on) ?? (day(c.created_at) as string)) && within(str(c.referred_on) ?? day(c.created_at), period)) add('network.referrals', str(c.referral_partner_id) ?? 'none', p);
    const pair = filters.pairId ? pairs.get(filters.pairId) : undefined;
    const inPair = (volunteerId: unknown) => !pair || volunteerId === pair.first_volunteer_id || volunteerId === pair.second_volunteer_id;
    const active = new Set<string>();
    let minutes = 0;
    for (const entry of hours)
      if (within(entry.date, period) && inPair(entry.volunteer_id)) {
        active.add(String(entry.volunteer_id));
        minutes += Number(entry.minutes);
      }
    for (const link of sessionVolunteers) {
      const session = sessions.get(String(link.session_id));
      if (session && session.archived_at === null && within(session.date, period) && inPair(link.volunteer_id)) active.add(String(link.volunteer_id));
    }
    set('network.volunteers', 'activeVolunteers', p, active.size);
    set('network.volunteers', 'hours', p, round1(minutes / 60));
    set('network.volunteers', 'sessions', p, [...sessions.values()].filter((session) => session.archived_at === null && within(session.date, period)).length);
    set(
      'network.volunteers',
      'visits',
      p,
      visits.filter((visit) => {
        const session = sessions.get(String(visit.session_id));
        return session !== undefined && session.archived_at === null && within(session.date, period) && inPopulation(visit.candidate_id, String(session.date));
      }).length,
    );
    for (const each of pairs.values()) {
      if (each.archived_at !== null || (filters.pairId && each.id !== filters.pairId)) continue;
      const logged = hours.filter((entry) => within(entry.date, period) && (entry.volunteer_id === each.first_volunteer_id || entry.volunteer_id === each.second_volunteer_id));
      if (logged.length > 0) set('network.hoursByPair', String(each.id), p, round1(logged.reduce((sum, entry) => sum + Number(entry.minutes), 0) / 60));
    }
  });
  return expected;
}

/** The service's table equals the naive rows; a table cut after its largest rows sums the rest in `others`. */
function expectTable(table: ReportTable, expected: Map<string, number[]> | undefined, context: string) {
  const id = `${table.section}.${table.name}`;
  const zero = table.columns.map(() => 0);
  const shown = table.rows.filter((row) => row.key !== 'others');
  for (const row of shown) expect(row.values, `${context} ${id} ${row.key}`).toEqual(expected?.get(row.key) ?? zero);
  const rest = [...(expected ?? new Map<string, number[]>())].filter(([key]) => !shown.some((row) => row.key === key));
  const restSum = zero.map((_, column) => rest.reduce((sum, [, values]) => sum + (values[column] ?? 0), 0));
  expect(table.rows.find((row) => row.key === 'others')?.values ?? zero, `${context} ${id} others`).toEqual(restSum);
}

function expectAgrees(backend: Backend, report: Report, filters: Filters, context: string) {
  const expected = naiveReport(backend, [report.current, report.previous], filters);
  for (const table of report.tables) expectTable(table, expected.get(`${table.section}.${table.name}`), context);
  expect(report.tables.length).toBe(30);
}

/** Spreads the seed's dates (it stamps every file "now") over two and a half years, and adds what it does not make. */
function spreadDates(backend: Backend) {
  const { sqlite } = backend.database;
  sqlite.exec(`
    UPDATE candidates SET created_at = strftime('%Y-%m-%dT09:00:00.000Z', '2026-06-30', '-' || ((seq * 37) % 900) || ' days');
    UPDATE candidates SET archived_at = strftime('%Y-%m-%dT10:00:00.000Z', created_at, '+' || ((seq * 13) % 400) || ' days') WHERE archived_at IS NOT NULL OR seq % 9 = 0;
    UPDATE candidates SET referred_on = NULL WHERE seq % 4 = 0;
    UPDATE candidates SET birth_date = NULL, gender = NULL WHERE seq % 23 = 0;
    UPDATE employers SET created_at = strftime('%Y-%m-%dT09:00:00.000Z', '2026-06-30', '-' || ((seq * 53) % 800) || ' days');
    UPDATE job_needs SET created_at = strftime('%Y-%m-%dT09:00:00.000Z', '2026-06-30', '-' || ((seq * 29) % 600) || ' days');
    INSERT INTO candidate_barrier_events (id, candidate_id, theme, change, status, changed_on, author, created_at)
      SELECT 'o' || rowid, candidate_id, theme, 'opened', 'open', date('2026-06-30', '-' || ((rowid * 41) % 700) || ' days'), NULL, '2026-06-30T08:00:00.000Z' FROM candidate_barriers;
    INSERT INTO candidate_barrier_events (id, candidate_id, theme, change, status, changed_on, author, created_at)
      SELECT 'l' || rowid, candidate_id, theme, 'lifted', 'lifted', CASE WHEN rowid % 5 = 0 THEN NULL ELSE date('2026-06-30', '-' || ((rowid * 17) % 300) || ' days') END, NULL,
        strftime('%Y-%m-%dT08:00:00.000Z', '2026-06-30', '-' || ((rowid * 7) % 200) || ' days') FROM candidate_barriers WHERE status = 'lifted';
    INSERT INTO volunteer_hours (id, volunteer_id, date, minutes, created_at)
      SELECT 'h' || v.seq || '-' || n.value, v.id, date('2026-06-30', '-' || ((v.seq * 31 + n.value * 47) % 700) || ' days'), 30 + (n.value * 25) % 200, '2026-06-30T08:00:00.000Z'
      FROM volunteers v JOIN (SELECT 1 AS value UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6) n;
    INSERT INTO session_volunteers (session_id, volunteer_id) SELECT s.id, v.id FROM dropin_sessions s JOIN volunteers v ON (s.seq + v.seq) % 5 = 0;
    UPDATE candidate_status_history SET from_date = (SELECT substr(created_at, 1, 10) FROM candidates WHERE id = candidate_id);
    -- Statuses and French levels that changed after the file was opened (some before it: imported files).
    INSERT INTO candidate_status_history (candidate_id, attribute, from_date, value)
      SELECT id, 'public_category', date(created_at, printf('%+d days', (seq * 11) % 300 - 40)), CASE seq % 3 WHEN 0 THEN 'refugee' WHEN 1 THEN 'rsa' ELSE NULL END
      FROM candidates WHERE seq % 4 = 1;
    INSERT OR REPLACE INTO candidate_status_history (candidate_id, attribute, from_date, value)
      SELECT id, 'french_level', date(created_at, '+' || ((seq * 19) % 400) || ' days'), CASE seq % 4 WHEN 0 THEN 'B1' WHEN 1 THEN 'A1' WHEN 2 THEN 'not_assessed' ELSE 'C1' END
      FROM candidates WHERE seq % 3 = 0;
    UPDATE employers SET kind = CASE seq % 4 WHEN 0 THEN 'integration_workshop' WHEN 1 THEN 'ordinary_company' WHEN 2 THEN 'geiq' ELSE NULL END;
    -- Action plans: objectives from the file's creation on, a step each, set to done (some twice, some back in progress), and a step since removed.
    INSERT INTO plan_objectives (id, candidate_id, label, target_date, status, outcome, created_at, updated_at)
      SELECT 'po' || seq || '-' || n.value, id, 'Objectif', NULL, 'open', NULL, strftime('%Y-%m-%dT09:00:00.000Z', created_at, '+' || ((seq * 17 + n.value * 90) % 500) || ' days'), '2026-06-30T09:00:00.000Z'
      FROM candidates JOIN (SELECT 1 AS value UNION SELECT 2) n WHERE seq % 3 <> 1;
    INSERT INTO plan_steps (id, objective_id, candidate_id, kind, label, due_on, responsible, volunteer_id, partner_id, status, outcome, created_at, updated_at)
      SELECT 'ps' || rowid, id, candidate_id, CASE rowid % 4 WHEN 0 THEN 'french_course' WHEN 1 THEN 'cv_workshop' WHEN 2 THEN 'pmsmp' ELSE 'job_search' END, 'Étape', NULL, 'person', NULL, NULL, 'done', NULL, created_at, created_at
      FROM plan_objectives;
    INSERT INTO plan_step_events (id, candidate_id, step_id, change, changed, author, created_at)
      SELECT 'pe1-' || rowid, candidate_id, id, 'created', '{"status":"planned"}', NULL, created_at FROM plan_steps;
    INSERT INTO plan_step_events (id, candidate_id, step_id, change, changed, author, created_at)
      SELECT 'pe2-' || rowid, candidate_id, id, 'updated', '{"status":"done"}', NULL, strftime('%Y-%m-%dT10:00:00.000Z', created_at, '+' || ((rowid * 13) % 200) || ' days') FROM plan_steps WHERE rowid % 3 <> 0;
    INSERT INTO plan_step_events (id, candidate_id, step_id, change, changed, author, created_at)
      SELECT 'pe3-' || rowid, candidate_id, id, 'updated', '{"status":"done","outcome":"Fait"}', NULL, strftime('%Y-%m-%dT11:00:00.000Z', created_at, '+' || ((rowid * 13) % 200 + 25) || ' days') FROM plan_steps WHERE rowid % 5 = 0;
    INSERT INTO plan_step_events (id, candidate_id, step_id, change, changed, author, created_at)
      SELECT 'pe4-' || rowid, candidate_id, id, 'updated', '{"status":"in_progress"}', NULL, strftime('%Y-%m-%dT12:00:00.000Z', created_at, '+40 days') FROM plan_steps WHERE rowid % 7 = 0;
    INSERT INTO plan_step_events (id, candidate_id, step_id, change, changed, author, created_at)
      SELECT 'pe5-' || rowid, candidate_id, 'gone-' || rowid, 'updated', '{"status":"done"}', NULL, created_at FROM plan_steps WHERE rowid % 11 = 0;
    INSERT INTO programmes (id, name, created_at, updated_at) VALUES ('00000000-0000-7000-8000-00000000f5e1', 'FSE+ 2026', '2025-01-01', '2025-01-01'),
      ('00000000-0000-7000-8000-0000000000a2', 'PLIE', '2025-01-01', '2025-01-01');
    INSERT INTO candidate_programmes (candidate_id, programme_id, joined_on)
      SELECT id, '00000000-0000-7000-8000-00000000f5e1', date(created_at, '+' || ((seq * 7) % 200) || ' days') FROM candidates WHERE seq % 2 = 0;
    INSERT INTO candidate_programmes (candidate_id, programme_id, joined_on)
      SELECT id, '00000000-0000-7000-8000-0000000000a2', substr(created_at, 1, 10) FROM candidates WHERE seq % 5 = 0;
  `);
}

const PERIODS: InputOf<'reports.get'>['period'][] = [
  { kind: 'year', year: 2026 },
  { kind: 'year', year: 2025 },
  { kind: 'quarter', year: 2026, quarter: 1 },
  { kind: 'month', year: 2025, month: 11 },
  { kind: 'range', from: '2025-03-10', to: '2025-09-20' },
];

describe('reports: golden figures on a fixed seed', () => {
  const openBackend = useBackend();

  it('agree with a naive computation over the raw rows for every table, period and filter', async () => {
    const backend = await openBackend();
    seed(backend.database.db, { candidates: 500, employers: 25, jobNeeds: 50, volunteers: 12, partners: 8, sessions: 40, events: 3000 }, 11, NOW);
    spreadDates(backend);
    const { sqlite } = backend.database;
    const pick = (query: string) => String((sqlite.prepare(query).get() as { id: string }).id);
    const filterSets: Filters[] = [
      {},
      { publicCategories: ['refugee', 'asylum_seeker'] },
      { partnerId: pick('SELECT referral_partner_id AS id FROM candidates WHERE referral_partner_id IS NOT NULL ORDER BY seq LIMIT 1') },
      { sectorId: pick('SELECT sector_id AS id FROM candidate_sectors ORDER BY rowid LIMIT 1') },
      { pairId: pick('SELECT id FROM pairs ORDER BY seq LIMIT 1') },
      { programmeId: '00000000-0000-7000-8000-00000000f5e1', publicCategories: ['refugee', 'rsa'] },
    ];
    let nonZero = 0;
    for (const period of PERIODS)
      for (const filters of filterSets) {
        const report = await ok(backend, 'reports.get', { period, filters });
        expectAgrees(backend, report, filters, `${JSON.stringify(period)} ${JSON.stringify(filters)}`);
        nonZero += report.tables.filter((table) => table.rows.some((row) => row.values.some((value) => value > 0))).length;
      }
    // The seed gives figures to compare, not a run of zeros that would agree with anything.
    expect(nonZero).toBeGreaterThan(PERIODS.length * filterSets.length * 15);
    // A figure is reproducible: the same query on the same data gives the same report.
    const again = await ok(backend, 'reports.get', { period: PERIODS[0] as InputOf<'reports.get'>['period'] });
    expect(await ok(backend, 'reports.get', { period: PERIODS[0] as InputOf<'reports.get'>['period'] })).toEqual(again);
    // 30 reports and their naive computation: ~18 s alone, twice that beside a bench on 2 cores.
  }, 120_000);

  it('is all zeros for a period with nothing in it, beside a previous period with nothing either', async () => {
    const backend = await openBackend();
    seed(backend.database.db, { candidates: 50, employers: 5, jobNeeds: 5, volunteers: 4, partners: 3, sessions: 3, events: 100 }, 3, NOW);
    const report = await ok(backend, 'reports.get', { period: { kind: 'year', year: 2010 } });
    expect(report.previous).toEqual({ from: '2009-01-01', to: '2009-12-31' });
    for (const table of report.tables) for (const row of table.rows.filter((item) => item.unit !== 'target')) expect(row.values.every((value) => value === 0), `${table.name} ${row.key}`).toBe(true);
    // The target is the one set in Settings (200 company contacts a year by default), not a figure of the period.
    expect(report.tables.find((table) => table.name === 'summary')?.rows.find((row) => row.key === 'contactsTarget')?.values).toEqual([200, 200]);
  });
});

describe('reports: kept current after writes', () => {
  const openBackend = useBackend();
  const clock: Clock = { now: () => NOW };
  /** A spreadsheet of two people, imported then undone. */
  const SHEET = ['Nom;Prénom;Niveau de français', 'Traoré;Moussa;B1', 'Nguyen;Linh;A2'].join('\r\n');

  it('after each write through the API, the next report agrees with the naive computation over the raw rows', async () => {
    const backend = await openBackend({ clock });
    seed(backend.database.db, { candidates: 200, employers: 12, jobNeeds: 20, volunteers: 6, partners: 5, sessions: 12, events: 1200 }, 5, NOW);
    spreadDates(backend);
    const period = { kind: 'year', year: 2026 } as const;
    const filters: Filters[] = [{}, { publicCategories: ['refugee'] }];
    const check = async (step: string) => {
      const reports: Report[] = [];
      for (const each of filters) {
        const report = await ok(backend, 'reports.get', { period, filters: each });
        expectAgrees(backend, report, each, `${step} ${JSON.stringify(each)}`);
        reports.push(report);
      }
      return reports;
    };
    const followed = (report: Report | undefined) => report?.tables.find((table) => table.name === 'flow')?.rows.find((row) => row.key === 'followed')?.values[0];
    const before = await check('read whole');
    const person = await candidate(backend, { publicCategory: 'asylum_seeker', frenchLevel: 'A1' });
    const [afterNew] = await check('new candidate');
    // The facts are current, not read once: the new file counts.
    expect(followed(afterNew)).toBe((followed(before[0]) ?? 0) + 1);
    const company = await employer(backend, 'Boulangerie Martin');
    const steps: [string, () => Promise<unknown>][] = [
      ['status changed', () => ok(backend, 'candidates.update', { id: person.id, publicCategory: 'refugee', frenchLevel: 'B1' })],
      [
        'recruitment',
        () => ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdd', employerId: company.id, startDate: '2026-04-01', endDate: '2026-12-31', employerApplying: true }),
      ],
      ['placement', () => ok(backend, 'placements.create', immersion(person.id, company.id, '2026-03-02', '2026-03-13'))],
      ['company contact', () => ok(backend, 'timeline.add', { subjectType: 'employer', subjectId: company.id, kind: 'call', occurredAt: '2026-05-04' })],
      ['employer moved to a sector', () => ok(backend, 'employers.update', { id: company.id, sectorId: pickSector(backend) })],
      ['archived', () => ok(backend, 'candidates.archive', { id: person.id })],
      [
        'spreadsheet imported',
        async () => {
          const opened = await ok(backend, 'sheets.open', { fileName: 'suivi.csv', contentBase64: Buffer.from(SHEET).toString('base64') });
          sheetImportId = (await ok(backend, 'sheets.apply', { importId: opened.importId })).id;
        },
      ],
      ['spreadsheet import undone', () => ok(backend, 'sheets.undo', { id: sheetImportId })],
      ['merged', () => ok(backend, 'candidates.merge', { keepId: person.id, mergeId: otherId(backend, person.id) })],
    ];
    let sheetImportId = '';
    for (const [step, write] of steps) {
      await write();
      await check(step);
    }
  }, 120_000);
});

describe('reports: facts read a slice at a time', () => {
  const openBackend = useBackend();

  it('answers writes made between slices, and the report counts them', async () => {
    const clock: Clock = { now: () => NOW };
    const backend = await openBackend({ clock });
    seed(backend.database.db, { candidates: 200, employers: 12, jobNeeds: 20, volunteers: 6, partners: 5, sessions: 12, events: 1200 }, 7, NOW);
    spreadDates(backend);
    // A service of its own on the backend's connection, 10 files a slice: 20 turns of the event loop.
    const reports = createReportService(backend.database.db, clock, { slice: 10 });
    let answered = false;
    const pending = reports.get(reportQuerySchema.parse({ period: { kind: 'year', year: 2026 } })).then((report) => {
      answered = true;
      return report;
    });
    const person = await candidate(backend, { publicCategory: 'asylum_seeker', frenchLevel: 'A1' });
    await ok(backend, 'candidates.update', { id: otherId(backend, person.id), publicCategory: 'refugee', frenchLevel: 'B2' });
    await ok(backend, 'candidates.archive', { id: String((backend.database.sqlite.prepare('SELECT id FROM candidates ORDER BY rowid DESC LIMIT 1 OFFSET 3').get() as { id: string }).id) });
    // The writes were made while the facts were being read, not after.
    expect(answered).toBe(false);
    const report = await pending;
    expectAgrees(backend, report, {}, 'read by slices, written meanwhile');
    // The same figures as facts read whole by a service that starts after the writes.
    expect(await createReportService(backend.database.db, clock).get(reportQuerySchema.parse({ period: { kind: 'year', year: 2026 } }))).toEqual(report);
  }, 60_000);
});

/** A sector of the seed. */
function pickSector(backend: Backend): string {
  return String((backend.database.sqlite.prepare('SELECT id FROM sectors ORDER BY id LIMIT 1').get() as { id: string }).id);
}

/** Another file, followed this year, to merge into `keepId`. */
function otherId(backend: Backend, keepId: string): string {
  return String(
    (backend.database.sqlite.prepare("SELECT id FROM candidates WHERE id <> ? AND merged_into_id IS NULL AND created_at >= '2026-01-01' ORDER BY seq LIMIT 1").get(keepId) as { id: string }).id,
  );
}

describe('reports: edge cases', () => {
  const openBackend = useBackend();
  let now = Date.parse('2026-02-10T09:00:00.000Z');
  const clock: Clock = { now: () => new Date(now) };
  const table = (report: Report, id: string) => report.tables.find((item) => `${item.section}.${item.name}` === id) as ReportTable;
  const row = (report: Report, id: string, key: string) => table(report, id).rows.find((item) => item.key === key)?.values;
  const quarter = (backend: Backend, q: number) => ok(backend, 'reports.get', { period: { kind: 'quarter', year: 2026, quarter: q } });

  it('counts a person whose status changed in the period once, under the status held at the time', async () => {
    const backend = await openBackend({ clock });
    const person = await candidate(backend, { publicCategory: 'asylum_seeker', frenchLevel: 'A1' });
    await ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdd', organisation: 'Boulangerie Martin', startDate: '2026-02-20', endDate: '2026-03-10', employerApplying: true });
    now = Date.parse('2026-03-01T09:00:00.000Z');
    await ok(backend, 'candidates.update', { id: person.id, publicCategory: 'refugee', frenchLevel: 'A2' });
    const report = await quarter(backend, 1);
    expect(row(report, 'people.publicCategory', 'refugee')).toEqual([1, 0]);
    expect(row(report, 'people.publicCategory', 'asylum_seeker')).toEqual([0, 0]);
    expect(row(report, 'people.flow', 'followed')).toEqual([1, 0]);
    expect(row(report, 'people.frenchLevel', 'A2')).toEqual([1, 0]);
    expect(row(report, 'people.frenchProgress', 'raised')).toEqual([1, 0]);
    // Hired while an asylum seeker: the hire counts under that status.
    expect(row(report, 'outcomes.hires', 'asylum_seeker')).toEqual([1, 0]);
    const asylumSeekers = await ok(backend, 'reports.get', { period: { kind: 'quarter', year: 2026, quarter: 1 }, filters: { publicCategories: ['asylum_seeker'] } });
    expect(row(asylumSeekers, 'people.flow', 'followed')).toEqual([0, 0]);
    expect(row(asylumSeekers, 'outcomes.hires', 'asylum_seeker')).toEqual([1, 0]);
    // February alone: the person was still an asylum seeker at its end, with the level they came with.
    const february = await ok(backend, 'reports.get', { period: { kind: 'month', year: 2026, month: 2 } });
    expect(row(february, 'people.publicCategory', 'asylum_seeker')).toEqual([1, 0]);
    expect(row(february, 'people.frenchProgress', 'same')).toEqual([1, 0]);
  });

  it('counts a recruitment spanning two periods in the one it started in, and an archived file where it was followed', async () => {
    now = Date.parse('2026-02-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const person = await candidate(backend, { publicCategory: 'refugee' });
    await ok(backend, 'recruitments.create', {
      candidateId: person.id,
      kind: 'cdd',
      organisation: 'Boulangerie Martin',
      startDate: '2026-03-20',
      endDate: '2026-05-10',
      employerApplying: false,
    });
    now = Date.parse('2026-05-02T09:00:00.000Z');
    const archived = await ok(backend, 'candidates.archive', { id: person.id });
    const first = await quarter(backend, 1);
    const second = await quarter(backend, 2);
    expect(row(first, 'outcomes.recruitmentKind', 'cdd')).toEqual([1, 0]);
    expect(row(first, 'outcomes.outcomeClass', 'transition')).toEqual([1, 0]);
    expect(row(second, 'outcomes.recruitmentKind', 'cdd')).toEqual([0, 1]);
    expect(row(first, 'people.flow', 'left')).toEqual([0, 0]);
    // Archived in the second quarter: followed and left there, still counted in the first.
    expect(row(second, 'people.flow', 'followed')).toEqual([1, 1]);
    expect(row(second, 'people.flow', 'left')).toEqual([1, 0]);
    // Why: the status the file held when archived (a recruitment moves it to "employed").
    expect(table(second, 'people.leftWhy').rows.filter((item) => item.values[0] === 1).map((item) => item.key)).toEqual([archived.status]);
  });
  it('bands ages at a leap day as whole years count them', async () => {
    now = Date.parse('2024-02-10T09:00:00.000Z');
    const backend = await openBackend({ clock });
    const births = ['1998-03-01', '1998-02-28', '1979-03-01', '1979-02-28'];
    for (const birthDate of births) await candidate(backend, { birthDate });
    const february = await ok(backend, 'reports.get', { period: { kind: 'month', year: 2024, month: 2 } });
    expect(births.map((birth) => ageBand(birth, '2024-02-29'))).toEqual(['under_26', 'from_26_to_44', 'from_26_to_44', 'from_45_to_54']);
    expect(table(february, 'people.ageBand').rows.map((item) => [item.key, item.values[0]])).toEqual([
      ['under_26', 1],
      ['from_26_to_44', 2],
      ['from_45_to_54', 1],
      ['over_54', 0],
      ['unknown', 0],
    ]);
  });
});
