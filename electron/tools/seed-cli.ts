import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../api/backend';
import { asTerminalOperator } from '../api/operator';
import { DEFAULT_COUNTS, type SeedCounts, seed } from './seed';

/**
 * `npm run seed -- --data-dir DIR --candidates 100000 [--employers N] [--job-needs N]
 * [--volunteers N] [--partners N] [--sessions N] [--events N] [--seed N]`
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    candidates: { type: 'string' },
    employers: { type: 'string' },
    'job-needs': { type: 'string' },
    volunteers: { type: 'string' },
    partners: { type: 'string' },
    sessions: { type: 'string' },
    events: { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});

function count(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`not a count: ${value}`);
  return parsed;
}

const dataDir = path.resolve(values['data-dir'] ?? process.env.TREMPLIN_DATA_DIR ?? '.data/seed');
const counts: SeedCounts = {
  candidates: count(values.candidates, DEFAULT_COUNTS.candidates),
  employers: count(values.employers, DEFAULT_COUNTS.employers),
  jobNeeds: count(values['job-needs'], DEFAULT_COUNTS.jobNeeds),
  volunteers: count(values.volunteers, DEFAULT_COUNTS.volunteers),
  partners: count(values.partners, DEFAULT_COUNTS.partners),
  sessions: count(values.sessions, DEFAULT_COUNTS.sessions),
  events: count(values.events, DEFAULT_COUNTS.events),
};

const backend = await openBackend({ file: path.join(dataDir, 'tremplin.sqlite'), session: asTerminalOperator });
const started = performance.now();
seed(backend.database.db, counts, count(values.seed, 42));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
// The journeys are drawn in proportion to the candidates: say how many there are.
const journey = ['presentations', 'presentation_events', 'placements', 'recruitments', 'follow_ups'].map(
  (table) => `${backend.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()} ${table}`,
);
backend.close();
console.log(`Seeded ${dataDir} in ${seconds} s: ${JSON.stringify(counts)}; ${journey.join(', ')}`);
