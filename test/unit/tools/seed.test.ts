import { describe, expect, it } from 'vitest';
import { seed } from '../../../electron/tools/seed';
import {
  PRESENTATION_STATES,
  type PlacementKind,
  type PresentationState,
  type RecruitmentKind,
  canTransition,
  followUpDueDates,
  placementPeriodErrors,
  recruitmentConsistencyErrors,
} from '../../../shared/pipeline';
import { addDays } from '../../../shared/dates';
import { ok } from '../../support/api';
import { useBackend } from '../../support/temp';
import { rows } from '../../support/records';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const COUNTS = { candidates: 600, employers: 10, jobNeeds: 20, volunteers: 4, partners: 3, sessions: 2, events: 50 };

describe('seeded journeys', () => {
  const openBackend = useBackend();

  it('cover every state and kind, and keep the rules the app enforces', async () => {
    const backend = await openBackend();
    seed(backend.database.db, COUNTS, 7, NOW);

    const presentations = rows(backend, 'SELECT id, state, state_changed_on AS changed FROM presentations') as { id: string; state: PresentationState; changed: string }[];
    expect(new Set(presentations.map((row) => row.state))).toEqual(new Set(PRESENTATION_STATES));
    expect(presentations.length).toBeGreaterThan(COUNTS.candidates / 4);
    const events = rows(backend, 'SELECT presentation_id AS id, from_state AS "from", to_state AS "to", "on" FROM presentation_events ORDER BY rowid') as {
      id: string;
      from: PresentationState | null;
      to: PresentationState;
      on: string;
    }[];
    for (const presentation of presentations) {
      const history = events.filter((event) => event.id === presentation.id);
      expect(history[0]).toMatchObject({ from: null, to: 'proposed' });
      for (const [index, event] of history.entries()) {
        const previous = history[index - 1];
        if (!previous) continue;
        expect(event.from).toBe(previous.to);
        expect(event.to === 'obsolete' || canTransition(previous.to, event.to), `${previous.to} → ${event.to}`).toBe(true);
        expect(event.on >= previous.on).toBe(true);
      }
      expect(history.at(-1)).toMatchObject({ to: presentation.state, on: presentation.changed });
      expect(presentation.changed <= '2026-03-10').toBe(true);
    }
    const doubled = rows(backend, "SELECT count(*) AS n FROM presentations WHERE state IN ('proposed','presented','interview','accepted') GROUP BY candidate_id, job_need_id HAVING count(*) > 1");
    expect(doubled).toEqual([]);

    const placements = rows(backend, 'SELECT * FROM placements') as { id: string; kind: PlacementKind; start_date: string; end_date: string; renews_id: string | null; outcome: string | null; ended_on: string | null; objective: string | null }[];
    expect(new Set(placements.map((row) => row.kind)).size).toBe(4);
    expect(placements.some((row) => row.outcome === null) && placements.some((row) => row.outcome !== null)).toBe(true);
    for (const placement of placements) {
      expect(placementPeriodErrors({ kind: placement.kind, startDate: placement.start_date, endDate: placement.end_date })).toEqual({});
      if (placement.kind === 'pmsmp') expect(placement.objective).not.toBeNull();
      if (placement.ended_on) expect(placement.ended_on >= placement.start_date && placement.ended_on <= placement.end_date).toBe(true);
      const original = placements.find((other) => other.id === placement.renews_id);
      if (placement.renews_id) expect(placement.start_date).toBe(addDays(original?.end_date ?? '', 1));
    }

    const recruitments = rows(backend, 'SELECT id, kind, start_date, end_date, employer_id, organisation FROM recruitments') as {
      id: string;
      kind: RecruitmentKind;
      start_date: string;
      end_date: string | null;
      employer_id: string | null;
      organisation: string | null;
    }[];
    const employed = rows(backend, "SELECT count(*) AS n FROM candidates WHERE status = 'employed'") as { n: number }[];
    expect(recruitments.length).toBe(employed[0]?.n);
    const followUps = rows(backend, 'SELECT recruitment_id AS id, months_after AS monthsAfter, due_on AS dueOn, result, left_reason AS reason FROM follow_ups') as {
      id: string;
      monthsAfter: number;
      dueOn: string;
      result: string;
      reason: string | null;
    }[];
    expect(new Set(followUps.map((row) => row.result))).toEqual(new Set(['pending', 'employed', 'left', 'unknown']));
    for (const recruitment of recruitments) {
      const fields = { kind: recruitment.kind, startDate: recruitment.start_date, endDate: recruitment.end_date, employerId: recruitment.employer_id, organisation: recruitment.organisation };
      expect(recruitmentConsistencyErrors(fields)).toEqual({});
      const dues = followUps.filter((row) => row.id === recruitment.id).map(({ monthsAfter, dueOn }) => ({ monthsAfter, dueOn }));
      expect(dues.sort((a, b) => a.monthsAfter - b.monthsAfter)).toEqual(followUpDueDates(recruitment.start_date));
    }
    expect(followUps.every((row) => (row.result === 'left') === (row.reason !== null))).toBe(true);

    // The API reads them back.
    const [first] = presentations;
    expect((await ok(backend, 'presentations.get', { id: first?.id ?? '' })).history.length).toBeGreaterThan(0);
    expect((await ok(backend, 'recruitments.list', { limit: 500 })).total).toBe(recruitments.length);
  });

  it('draws the same journeys for the same seed', async () => {
    const [a, b] = [await openBackend(), await openBackend()];
    seed(a.database.db, COUNTS, 3, NOW);
    seed(b.database.db, COUNTS, 3, NOW);
    const shape = (backend: typeof a) => rows(backend, 'SELECT state, proposed_on, state_changed_on FROM presentations ORDER BY seq');
    expect(shape(a)).toEqual(shape(b));
  });
});
