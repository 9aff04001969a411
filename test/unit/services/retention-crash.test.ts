import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../../electron/api/backend';
import { openDatabase } from '../../../electron/db/open';
import { seed } from '../../../electron/tools/seed';
import { installedPackages } from '../../support/bundle';
import { budgetFor } from '../../support/budget';
import { useTempDir } from '../../support/temp';

/**
 * A CRASH TEST: a retention run that anonymises every file is killed (SIGKILL) at points spread
 * over its one transaction — in the candidates' rows, then their barriers, timelines and
 * presentations' notes. After each kill the database must be sound and hold every file as it was:
 * nothing half-anonymised. The last round is not killed and anonymises them all.
 */

const SCRIPT = path.join(import.meta.dirname, 'crash-retention.ts');
const CANDIDATES = 400;
/** Where the child kills itself: the table whose update calls the trigger, and at which row. */
const KILLS: [table: string, nth: number][] = [
  ['candidates', 1],
  ['candidates', 250],
  ['candidate_barrier_events', 5],
  ['timeline_events', 300],
  ['presentation_events', 2],
];
/** A child starts Node, opens the database and runs: about a second on a quiet machine. */
const PER_CHILD_MS = 20_000;

async function bundleChild(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'crash-retention.mjs');
  await build({ entryPoints: [SCRIPT], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'error', plugins: [installedPackages()] });
  return outfile;
}

function run(script: string, file: string, table: string, nth: number): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, file, sourceMigrationsDir, table, String(nth)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (_code, signal) => resolve({ signal, stdout, stderr }));
  });
}

/** What the file holds: whether SQLite finds it sound, and how many rows show each part of an anonymisation. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const n = (query: string) => db.prepare(query).pluck().get() as number;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: db.pragma('foreign_key_check'),
      anonymised: n('SELECT count(*) FROM candidates WHERE anonymised_at IS NOT NULL'),
      nameless: n("SELECT count(*) FROM candidates WHERE first_name = ''"),
      timelineTexts: n("SELECT count(*) FROM timeline_events WHERE subject_type = 'candidate' AND text IS NOT NULL"),
      barrierActions: n('SELECT count(*) FROM candidate_barrier_events WHERE action IS NOT NULL'),
      presentationNotes: n('SELECT count(*) FROM presentation_events WHERE note IS NOT NULL'),
      consents: n('SELECT count(*) FROM candidate_sharing_consents'),
      runs: n("SELECT count(*) FROM audit_log WHERE action = 'retention.expired'"),
    };
  } finally {
    db.close();
  }
}

describe('a retention run killed midway', () => {
  const tempDir = useTempDir();

  it(`leaves a sound database with every file whole or every file anonymised (${KILLS.length} kills)`, { timeout: budgetFor(KILLS.length + 1, PER_CHILD_MS) }, async () => {
    const pristine = path.join(tempDir(), 'tremplin.sqlite');
    const opened = await openDatabase({ file: pristine, key: null, migrationsDir: sourceMigrationsDir });
    seed(opened.db, { candidates: CANDIDATES, employers: 10, jobNeeds: 20, volunteers: 5, partners: 5, sessions: 5, events: 1500 }, 11, new Date('2026-06-30T12:00:00Z'));
    opened.sqlite.prepare("UPDATE presentation_events SET note = 'Note du refus' WHERE note IS NULL").run();
    opened.sqlite.prepare('INSERT OR IGNORE INTO candidate_sharing_consents (candidate_id, partner_id) SELECT c.id, (SELECT id FROM partners LIMIT 1) FROM candidates c').run();
    // The seed writes no barrier history: one barrier for each file, with its history.
    opened.sqlite.prepare("INSERT OR IGNORE INTO candidate_barriers (candidate_id, theme, status, action) SELECT id, 'housing', 'open', 'Demande SIAO' FROM candidates").run();
    opened.sqlite
      .prepare("INSERT INTO candidate_barrier_events (id, candidate_id, theme, change, status, action, author, created_at) SELECT 'e-' || id, id, 'housing', 'opened', 'open', 'Demande SIAO', 'Claire', created_at FROM candidates")
      .run();
    opened.close();
    const before = inspect(pristine);
    expect(before).toMatchObject({ integrity: 'ok', anonymised: 0, nameless: 0, runs: 0 });
    for (const part of ['timelineTexts', 'barrierActions', 'presentationNotes', 'consents'] as const) expect(before[part], part).toBeGreaterThan(0);
    const script = await bundleChild(tempDir());

    for (const [table, nth] of KILLS) {
      const file = path.join(tempDir(), 'tremplin.sqlite');
      copyFileSync(pristine, file);
      const result = await run(script, file, table, nth);
      expect(result.signal, `${table} #${nth}: ${result.stderr}`).toBe('SIGKILL');
      expect(inspect(file), `${table} #${nth}`).toEqual(before);
    }

    const file = path.join(tempDir(), 'tremplin.sqlite');
    copyFileSync(pristine, file);
    const untouched = await run(script, file, 'candidates', Number.MAX_SAFE_INTEGER);
    expect(untouched.stdout, untouched.stderr).toMatch(/^committed \d+\n$/);
    expect(inspect(file)).toMatchObject({ integrity: 'ok', foreignKeys: [], anonymised: CANDIDATES, nameless: CANDIDATES, timelineTexts: 0, barrierActions: 0, consents: 0, runs: 1 });
  });
});
