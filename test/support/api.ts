import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Backend } from '../../electron/api/backend';
import type { InputOf, MethodName, OutputOf } from '../../shared/api';
import { expect } from 'vitest';
import type { ApiResult, ErrorCode } from '../../shared/errors';
import { LANGUAGES, resources } from '../../shared/i18n';

/** Calls a method and returns its value, failing the test on an error result. */
export async function ok<M extends MethodName>(backend: Backend, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = (await backend.dispatch(method, input)) as ApiResult<OutputOf<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Every user table's rows, to show that a refused call changed nothing. */
export function contentSnapshot(backend: Backend): Record<string, unknown[]> {
  return Object.fromEntries(contentReaders(backend).map((table) => [table.name, table.rows.all()]));
}

interface TableReader {
  name: string;
  rows: { all(): unknown[] };
  /** Its rows in the order of its primary key (its rowid without one). */
  ordered: { iterate(): IterableIterator<unknown> };
}

/**
 * Statements reading each table that holds content (not SQLite's own, not the derived search
 * indexes), prepared once per connection and schema: prepared again for every refused call,
 * they were some 8 s of CPU in a run.
 */
const readers = new WeakMap<Database.Database, { schema: number; tables: TableReader[] }>();

function contentReaders(backend: Backend): TableReader[] {
  const { sqlite } = backend.database;
  const schema = sqlite.pragma('schema_version', { simple: true }) as number;
  const known = readers.get(sqlite);
  if (known?.schema === schema) return known.tables;
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search%' ORDER BY name")
    .pluck()
    .all() as string[];
  const tables = names.map((name) => {
    const keys = (sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[])
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => `"${column.name}"`);
    return {
      name,
      rows: sqlite.prepare(`SELECT * FROM "${name}"`),
      ordered: sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${keys.length > 0 ? keys.join(', ') : 'rowid'}`),
    };
  });
  readers.set(sqlite, { schema, tables });
  return tables;
}

/**
 * Expects the call to be refused with this error code and these field messages (a string is
 * matched as a substring, or a pattern), and the database to be exactly as it was.
 */
export async function refused(
  backend: Backend,
  method: string,
  input: unknown,
  fields: Record<string, string | RegExp> = {},
  code: ErrorCode = 'validation',
): Promise<void> {
  const before = contentSnapshot(backend);
  const result = await backend.dispatch(method, input);
  expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) for (const [field, key] of Object.entries(fields)) expect(result.error.fields?.[field], field).toMatch(key);
  expect(contentSnapshot(backend)).toEqual(before);
}

/**
 * A digest of every user table's rows, ordered by primary key: equal before and after a
 * refused call means not one byte of content changed (search indexes are derived and left out).
 */
export function contentHash(backend: Backend): string {
  const hash = createHash('sha256');
  for (const table of contentReaders(backend)) {
    hash.update(`\n#${table.name}\n`);
    for (const row of table.ordered.iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

/** A translation key exists, non-empty, in every language of the UI. */
export function expectTranslated(key: string): void {
  for (const language of LANGUAGES) {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[language].translation);
    expect(typeof value === 'string' && value.trim() !== '', `${language}: ${key}`).toBe(true);
  }
}
