import { createHash } from 'node:crypto';
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
  const { sqlite } = backend.database;
  return Object.fromEntries(userTables(backend).map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}"`).all()]));
}

/** The tables that hold content (not SQLite's own, not the derived search indexes). */
function userTables(backend: Backend): string[] {
  return backend.database.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search%' ORDER BY name")
    .pluck()
    .all() as string[];
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
  const { sqlite } = backend.database;
  const hash = createHash('sha256');
  for (const table of userTables(backend)) {
    const keys = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => `"${column.name}"`);
    hash.update(`\n#${table}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY ${keys.length > 0 ? keys.join(', ') : 'rowid'}`).iterate()) {
      hash.update(`${JSON.stringify(row)}\n`);
    }
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
