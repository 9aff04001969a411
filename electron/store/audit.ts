import { AsyncLocalStorage } from 'node:async_hooks';
import type { MethodName } from '../../shared/api';
import type { WriteDb } from '../db/handles';
import { auditLog } from '../db/schema';
import { newId } from '../core/clock';

/** What an audit entry is about: one kind of record, named in the singular. */
export const AUDIT_SUBJECT_TYPES = [
  'candidate',
  'employer',
  'jobNeed',
  'timelineEvent',
  'sector',
  'partner',
  'volunteer',
  'pair',
  'hoursEntry',
  'session',
  'visit',
  'presentation',
  'placement',
  'recruitment',
  'targets',
  'profile',
  'identity',
  'partnerCard',
  'export',
  'backup',
  'installation',
] as const;

export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

export interface AuditEntry {
  /** The API method that did it (`<methodGroup>.<verb>`, as the contract names it). */
  action: MethodName;
  subjectType: AuditSubjectType;
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
export function recordScopeAudit(db: WriteDb, at: string, fallback?: AuditEntry): void {
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
export function auditedTransaction<T>(db: WriteDb, at: string, write: (tx: WriteDb) => T): T {
  return db.transaction((tx) => {
    const result = write(tx);
    recordScopeAudit(tx, at);
    return result;
  });
}
