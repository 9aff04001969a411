import type { Backend } from '../../electron/api/backend';
import type { InputOf, MethodName, OutputOf } from '../../shared/api';
import { expect } from 'vitest';
import type { ApiResult, ErrorCode } from '../../shared/errors';

/** Calls a method and returns its value, failing the test on an error result. */
export async function ok<M extends MethodName>(backend: Backend, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = (await backend.dispatch(method, input)) as ApiResult<OutputOf<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Every user table's rows, to show that a refused call changed nothing. */
export function contentSnapshot(backend: Backend): Record<string, unknown[]> {
  const { sqlite } = backend.database;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}"`).all()]));
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
