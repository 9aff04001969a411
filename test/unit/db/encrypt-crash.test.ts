import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../../electron/api/backend';
import { isPlainDatabaseFile } from '../../../electron/db/cipher';
import type { EncryptionStep } from '../../../electron/db/encrypt';
import { type OpenedDatabase, openDatabase } from '../../../electron/db/open';
import { seed } from '../../../electron/tools/seed';
import { budgetFor } from '../../support/budget';
import { bundleForNode, bundledChildEnv } from '../../support/bundle';
import { useTempDir } from '../../support/temp';

/**
 * A CRASH TEST: a child process encrypts a plain database and is killed (SIGKILL) at each step
 * of the conversion and at moments spread over it. After each kill, the next open (which
 * finishes the conversion) must find every row of the plain database, and no plain byte of it
 * left in the folder.
 */

const SCRIPT = path.join(import.meta.dirname, 'crash-encrypt.ts');
const STEPS: EncryptionStep[] = ['checkpointed', 'copied', 'encrypted', 'verified', 'synced'];
/**
 * Kills between the steps, spread over the conversion: the stops above land on each step's end,
 * these inside the copy, the encryption and the checks. Each is a child and a reopen, the test's
 * whole cost; four put one in each quarter of the conversion.
 */
const TIMED_KILLS = 4;
const PARALLEL = 2;
/** A child starts Node and encrypts a few megabytes: about a second on a quiet machine. */
const PER_CHILD_MS = 20_000;
const KNOWN_NAME = 'Zenobie Krasnodebska';

interface Run {
  marks: Record<string, number>;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** The child's script bundled once: Node starts it in a fraction of the time tsx takes to load its modules, and it starts once a kill. */
async function bundleChild(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'crash-encrypt.mjs');
  await bundleForNode(SCRIPT, outfile);
  return outfile;
}

/** Encrypts the folder's database in a child, killed once it reaches `stopAt`, or `killAfter` ms after it starts (null: never). */
function runConversion(script: string, file: string, key: Buffer, kill: { stopAt?: EncryptionStep; killAfter?: number }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, file, key.toString('hex'), kill.stopAt ?? ''], { env: bundledChildEnv(script), stdio: ['ignore', 'pipe', 'pipe'] });
    const marks: Record<string, number> = {};
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const mark of ['started', ...STEPS, 'replaced']) {
        if (marks[mark] !== undefined || !stdout.includes(`${mark}\n`)) continue;
        marks[mark] = performance.now();
        if (mark === kill.stopAt) child.kill('SIGKILL');
        if (mark === 'started' && kill.killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), kill.killAfter);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (_code, signal) => resolve({ marks, signal, stderr }));
  });
}

/** Every row of the tables that matter, as one digest, and the row count of every table. */
function contentOf({ sqlite }: OpenedDatabase) {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const digest = createHash('sha256');
  for (const [table, key] of [['candidates', 'seq'], ['timeline_events', 'id'], ['settings', 'key']]) digest.update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}" ORDER BY "${key}"`).all()));
  return {
    digest: digest.digest('hex'),
    counts: Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()])),
  };
}

const filesOf = (dir: string) => readdirSync(dir).sort();

describe('converting a plain database to an encrypted one, killed at any moment', () => {
  const tempDir = useTempDir();

  it(`loses nothing and leaves no plain copy (${STEPS.length} steps and ${TIMED_KILLS} timed kills)`, async () => {
    // A plain database as an older Tremplin left it: open, with writes still in its WAL.
    const pristine = tempDir();
    const plain = await openDatabase({ key: null, file: path.join(pristine, 'tremplin.sqlite'), migrationsDir: sourceMigrationsDir });
    plain.sqlite.pragma('wal_autocheckpoint = 0');
    seed(plain.db, { candidates: 1500, employers: 100, jobNeeds: 100, volunteers: 10, partners: 5, sessions: 10, events: 4000 });
    plain.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('encryption-test', ?)").run(JSON.stringify(KNOWN_NAME));
    const expected = contentOf(plain);
    const roundFolder = () => {
      const folder = tempDir();
      cpSync(pristine, folder, { recursive: true });
      return folder;
    };
    expect(filesOf(pristine)).toEqual(['tremplin.sqlite', 'tremplin.sqlite-shm', 'tremplin.sqlite-wal']);
    expect(readFileSync(path.join(pristine, 'tremplin.sqlite-wal')).includes(KNOWN_NAME)).toBe(true);

    /** Opens a round's folder as the app does next (the conversion finished or begun again), and checks it. */
    const reopen = async (folder: string, key: Buffer, label: string) => {
      const file = path.join(folder, 'tremplin.sqlite');
      const opened = await openDatabase({ key, file, migrationsDir: sourceMigrationsDir, encryptPlainFile: true });
      try {
        expect(contentOf(opened), label).toEqual(expected);
      } finally {
        opened.close();
      }
      expect(isPlainDatabaseFile(file), label).toBe(false);
      expect(filesOf(folder), label).toEqual(['tremplin.sqlite']);
      expect(readFileSync(file).includes(KNOWN_NAME), label).toBe(false);
    };

    // Undisturbed: how long a conversion takes once the child has started.
    const script = await bundleChild(tempDir());
    const calibration = roundFolder();
    const key = randomBytes(32);
    const undisturbed = await runConversion(script, path.join(calibration, 'tremplin.sqlite'), key, {});
    expect(undisturbed.stderr).toBe('');
    expect(undisturbed.signal).toBe(null);
    await reopen(calibration, key, 'undisturbed');
    const { started = 0, checkpointed = 0, replaced = 0 } = undisturbed.marks;

    const kills = [
      ...STEPS.map((stopAt) => ({ stopAt })),
      // Spread from before the checkpoint ends to the rename.
      ...Array.from({ length: TIMED_KILLS }, (_, index) => ({ killAfter: Math.max(0, checkpointed - started) * 0.5 + ((index + 0.5) / TIMED_KILLS) * (replaced - started) })),
    ];
    const landed: Record<string, number> = {};
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < kills.length; index = next++) {
        const kill = kills[index] ?? {};
        const folder = roundFolder();
        const roundKey = randomBytes(32);
        const run = await runConversion(script, path.join(folder, 'tremplin.sqlite'), roundKey, kill);
        const reached = ['started', ...STEPS, 'replaced'].filter((mark) => run.marks[mark] !== undefined).at(-1) ?? 'nothing';
        landed[reached] = (landed[reached] ?? 0) + 1;
        const label = `kill ${index} (${JSON.stringify(kill)}), after ${reached}`;
        if ('stopAt' in kill) expect(reached, label).toBe(kill.stopAt);
        await reopen(folder, roundKey, label);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    plain.close();
    console.info(`encryption crash test: the conversion takes ${(replaced - started).toFixed(0)} ms in the child; kills landed after: ${JSON.stringify(landed)}`);
  }, budgetFor(Math.ceil((STEPS.length + TIMED_KILLS + 1) / PARALLEL), PER_CHILD_MS, 60_000));
});
