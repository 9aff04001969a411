import type { Backend } from '../../electron/api/backend';
import type { Clock } from '../../electron/core/clock';
import type { InputOf } from '../../shared/api';
import { ok } from './api';

export const MISSING_ID = '0190b3a0-0000-7000-8000-000000000000';

/** Today for the pipeline tests: 10 March 2026, moved on by hand so each write has its own time. */
export function manualClock(start = '2026-03-10T09:00:00.000Z') {
  let now = Date.parse(start);
  const clock: Clock & { tick(): void; set(instant: string): void } = {
    now: () => new Date(now),
    tick: () => {
      now += 60_000;
    },
    set: (instant) => {
      now = Date.parse(instant);
    },
  };
  return clock;
}

/** A refugee's resident card, valid through every date the pipeline tests use. */
export const RESIDENT_CARD = { authorisationDocument: 'refugee_resident_card', authorisationStart: '2024-01-15', authorisationExpiry: '2034-01-14' } as const;

export function candidate(backend: Backend, input: Partial<InputOf<'candidates.create'>> = {}) {
  return ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo', ...RESIDENT_CARD, ...input });
}

/** A PMSMP's fields as the three-party agreement has them. */
export const immersion = (candidateId: string, employerId: string, startDate: string, endDate: string): InputOf<'placements.create'> => ({
  candidateId,
  kind: 'pmsmp',
  employerId,
  objective: 'Découvrir le métier de cariste',
  startDate,
  endDate,
});

export function employer(backend: Backend, name = 'Transports Martin') {
  return ok(backend, 'employers.create', { name });
}

export function need(backend: Backend, employerId: string, input: Partial<InputOf<'jobNeeds.create'>> = {}) {
  return ok(backend, 'jobNeeds.create', { employerId, occupation: 'Cariste', contractType: 'cdd', ...input });
}

/** A candidate, an employer and an open need: what most pipeline tests start from. */
export async function basics(backend: Backend) {
  const person = await candidate(backend);
  const company = await employer(backend);
  const job = await need(backend, company.id);
  return { person, company, job };
}

export function rows(backend: Backend, sql: string, ...params: unknown[]) {
  return backend.database.sqlite.prepare(sql).all(...params);
}
