import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/open';
import { auditLog } from '../db/schema';
import { newId } from '../core/clock';
import type { Tx } from './records';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  /** Ids, counts, field names: never a name, a note or a phone number. */
  details?: Record<string, unknown>;
}

/**
 * One call of a writing method, opened by the API's audit wrapper (electron/api/handlers.ts).
 * The wrapper is the only writer of audit rows: services describe their entries here, and the
 * rows are inserted inside the transaction that commits the write.
 */
interface AuditScope {
  /** Who: the author typed on the form until accounts exist, else null. */
  actor: string | null;
  /** The entry written when the service described none (the method, its record). */
  fallback: AuditEntry;
  described: { at: string; entry: AuditEntry }[];
  recorded: boolean;
}

const scopes = new AsyncLocalStorage<AuditScope>();

export function runAuditScope<T>(actor: string | null, fallback: AuditEntry, call: () => T): T {
  return scopes.run({ actor, fallback, described: [], recorded: false }, call);
}

/**
 * Says what the current call did, when the service knows more than the method's name and
 * record (several records, a legal choice): written instead of the wrapper's own entry.
 */
export function describeAudit(at: string, entry: AuditEntry): void {
  scopes.getStore()?.described.push({ at, entry });
}

/**
 * Writes the current call's audit rows (once); to be called inside the transaction that commits
 * the call's write. `fallback` refines the wrapper's entry once the result is known.
 */
export function recordScopeAudit(db: Db | Tx, at: string, fallback?: AuditEntry): void {
  const scope = scopes.getStore();
  // No scope: a service called without the API (a tool, a service's own test), no call to account for.
  if (!scope || scope.recorded) return;
  const entries = scope.described.length > 0 ? scope.described : [{ at, entry: fallback ?? scope.fallback }];
  for (const { at: entryAt, entry } of entries) {
    db.insert(auditLog)
      .values({ id: newId(), at: entryAt, actor: scope.actor, ...entry, details: entry.details ?? null })
      .run();
  }
  scope.recorded = true;
}

/** Whether the current call's audit rows are written (an async handler's own transaction did it). */
export function scopeAudited(): boolean {
  return scopes.getStore()?.recorded ?? false;
}

/**
 * The write transaction of a handler that awaits before writing (exchange, backups): its audit
 * rows go in with the write. Synchronous handlers need nothing: the wrapper holds their transaction.
 */
export function auditedTransaction<T>(db: Db, at: string, write: (tx: Tx) => T): T {
  return db.transaction((tx) => {
    const result = write(tx);
    recordScopeAudit(tx, at);
    return result;
  });
}

/**
 * Entries written outside any call's scope: the session's own (sign-in, failed attempts queued
 * while the database was closed, sign-out), whose calls open or close the database themselves.
 */
export function appendAudit(db: Db | Tx, rows: readonly { at: string; actor: string | null; entry: AuditEntry }[]): void {
  for (const { at, actor, entry } of rows) {
    db.insert(auditLog)
      .values({ id: newId(), at, actor, ...entry, details: entry.details ?? null })
      .run();
  }
}
