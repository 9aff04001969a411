import { spawn } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../../../electron/api/backend';
import { type DatabaseKey, keyConnection } from '../../../../electron/db/cipher';
import { seed } from '../../../../electron/tools/seed';
import { ok } from '../../../support/api';
import { bundleForNode, bundledChildEnv } from '../../../support/bundle';
import { budgetFor } from '../../../support/budget';
import { keyPassphraseOf, twoPartners, useExchangeBackend } from '../../../support/exchange';
import { useTempDir } from '../../../support/temp';

/**
 * A CRASH TEST: a child process imports a large file and is killed (SIGKILL: no cleanup, as
 * a power cut or a crash would leave it) at moments spread over the import's write. After
 * each kill the database must be sound and hold the whole file or none of it.
 */

const SCRIPT = path.join(import.meta.dirname, 'crash-import.ts');
/**
 * Files in the import: enough for a write far longer than a kill's timing error (3.8 s at load
 * 15), so the spread kills land inside it; twice as many made children twice as costly.
 */
const CANDIDATES = 750;
/**
 * Kills spread evenly from a little before the write to a little after its commit: twelve put
 * several inside the transaction (the property needs one rolled back). Each kill is a child
 * process: the suite's longest test, sized by its count.
 */
const ROUNDS = 12;
/** Children at a time: the machine's two cores. */
const PARALLEL = 2;
/** A child starts Node, opens the database and imports the file: about 2 s on a quiet machine. */
const PER_CHILD_MS = 20_000;

/** The child's script bundled once: Node starts it in a fraction of the time tsx takes to load the backend's modules, and it starts once a kill and twice more to calibrate. */
async function bundleChild(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'crash-import.mjs');
  await bundleForNode(SCRIPT, outfile);
  return outfile;
}

type Mark = 'started' | 'applying' | 'writing' | 'committed';

interface Run {
  marks: Partial<Record<Mark, number>>;
  signal: NodeJS.Signals | null;
  stderr: string;
}

interface Importer {
  script: string;
  file: string;
  keyPassphrase: string;
}

/** Imports the file into a data folder, killed `killAfter` ms after it starts applying it (null: never). */
function runImport(importer: Importer, dataDir: string, killAfter: number | null): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [importer.script, dataDir, importer.file, importer.keyPassphrase, sourceMigrationsDir], { env: bundledChildEnv(importer.script), stdio: ['ignore', 'pipe', 'pipe'] });
    const marks: Run['marks'] = { started: performance.now() };
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const mark of ['applying', 'writing', 'committed'] as const) {
        if (marks[mark] === undefined && stdout.includes(`${mark}\n`)) {
          marks[mark] = performance.now();
          if (mark === 'applying' && killAfter !== null) setTimeout(() => child.kill('SIGKILL'), killAfter);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (_code, signal) => resolve({ marks, signal, stderr }));
  });
}

/** Runs `task` for 0…count-1, `PARALLEL` at a time (a new one starts as soon as one ends). */
async function inParallel<T>(count: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) results[index] = await task(index);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

/** What a data folder holds of the file, and whether SQLite finds it sound. */
function inspect(dataDir: string, candidateIds: string[], key: DatabaseKey) {
  const db = new Database(path.join(dataDir, 'tremplin.sqlite'));
  try {
    keyConnection(db, key);
    const ids = JSON.stringify(candidateIds);
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: db.pragma('foreign_key_check'),
      candidates: db.prepare('SELECT count(*) FROM candidates WHERE id IN (SELECT value FROM json_each(?))').pluck().get(ids) as number,
      events: db.prepare("SELECT count(*) FROM timeline_events WHERE subject_type = 'candidate' AND subject_id IN (SELECT value FROM json_each(?))").pluck().get(ids) as number,
      logged: db.prepare("SELECT count(*) FROM exchange_log WHERE direction = 'import'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('an import killed at any moment', () => {
  const openBackend = useExchangeBackend();
  const tempDir = useTempDir();

  it(`leaves a sound database holding all of a ${CANDIDATES}-file import or none of it (${ROUNDS} kills)`, async () => {
    // A sends B every file shared with it: several hundred, with their timelines.
    const { a, b, forumHere, cardBatA } = await twoPartners(openBackend);
    seed(a.database.db, { candidates: CANDIDATES, employers: 0, jobNeeds: 0, volunteers: 0, partners: 20, sessions: 0, events: 3 * CANDIDATES });
    a.database.sqlite.prepare('INSERT OR IGNORE INTO candidate_sharing_consents (candidate_id, partner_id) SELECT id, ? FROM candidates').run(forumHere.id);
    const request = { scope: { kind: 'sharedWithPartner' as const }, to: { kind: 'partner' as const, partnerCardId: cardBatA.id } };
    const candidateIds = (await ok(a, 'exchange.previewExport', request)).allowed.map((candidate) => candidate.id);
    const sent = await ok(a, 'exchange.export', request);
    const file = path.join(tempDir(), sent.fileName);
    writeFileSync(file, sent.content);
    const pristine = path.dirname(b.database.file);
    // The file is encrypted; a copy of its key, as closing the backend wipes its own.
    const key = Buffer.from(b.database.key ?? []);
    b.close();
    const importer = { script: await bundleChild(tempDir()), file, keyPassphrase: keyPassphraseOf('Forum Réfugiés') };
    const roundFolder = () => {
      const folder = tempDir();
      cpSync(pristine, folder, { recursive: true });
      return folder;
    };

    // Undisturbed, as many at once as the kills will run, to measure when the write starts and how long it lasts.
    const calibrations = await inParallel(PARALLEL, async () => {
      const folder = roundFolder();
      return { run: await runImport(importer, folder, null), found: inspect(folder, candidateIds, key) };
    });
    const complete = calibrations[0]?.found;
    for (const { run, found } of calibrations) {
      expect(run.stderr).toBe('');
      expect(found).toEqual(complete);
    }
    expect(complete).toMatchObject({ integrity: 'ok', foreignKeys: [], candidates: candidateIds.length, logged: 1 });
    expect(complete?.events).toBeGreaterThan(CANDIDATES);
    const average = (of: (marks: Run['marks']) => number) => calibrations.reduce((sum, { run }) => sum + of(run.marks), 0) / calibrations.length;
    const writeStart = average(({ applying = 0, writing = 0 }) => writing - applying);
    const window = average(({ writing = 0, committed = 0 }) => committed - writing);
    const opening = average(({ started = 0, applying = 0 }) => applying - started);

    // Kill delays spread from a little before the write to a little after it ends.
    const from = Math.max(0, writeStart - 0.25 * window);
    const to = writeStart + 1.2 * window;
    const all = { candidates: candidateIds.length, events: complete?.events, logged: 1 };
    const none = { candidates: 0, events: 0, logged: 0 };
    const rounds = await inParallel(ROUNDS, async (round) => {
      const folder = roundFolder();
      const run = await runImport(importer, folder, from + ((round + 0.5) / ROUNDS) * (to - from));
      const { integrity, foreignKeys, ...held } = inspect(folder, candidateIds, key);
      expect(integrity, `round ${round}`).toBe('ok');
      expect(foreignKeys, `round ${round}`).toEqual([]);
      // All of it (the files, their timelines, the log entry) or none of it.
      expect([all, none], `round ${round}`).toContainEqual(held);
      return { run, imported: held.candidates > 0 };
    });

    const landed = { before: 0, during: 0, after: 0, rolledBack: 0 };
    for (const { run, imported } of rounds) {
      if (run.marks.writing === undefined) landed.before++;
      else if (run.marks.committed === undefined && run.signal === 'SIGKILL') landed.during++;
      else landed.after++;
      if (run.marks.writing !== undefined && !imported) landed.rolledBack++;
    }
    console.info(
      `crash test: a child starts and opens the file in ${opening.toFixed(0)} ms; the write starts ${writeStart.toFixed(0)} ms after applying and lasts ${window.toFixed(0)} ms; ` +
        `${ROUNDS} kills: ${landed.before} before the transaction, ${landed.during} during it (${landed.rolledBack} rolled back), ${landed.after} after the commit`,
    );
    expect(landed.rolledBack).toBeGreaterThan(0);
  }, budgetFor(Math.ceil((ROUNDS + PARALLEL) / PARALLEL), PER_CHILD_MS, 60_000));
});
