import { AsyncLocalStorage } from 'node:async_hooks';
import { type SQL, and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { AuditFilter } from '../../shared/audit';
import type { SignedIn } from '../../shared/accounts';
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
  /** Who: the signed-in account; null for a call without a session (the sign-in screen's). */
  actor: Pick<SignedIn, 'accountId' | 'name'> | null;
  /** The entry written when the service described none (the method, its record). */
  fallback: AuditEntry;
  described: { at: string; entry: AuditEntry }[];
  recorded: boolean;
}

const scopes = new AsyncLocalStorage<AuditScope>();

export function runAuditScope<T>(actor: AuditScope['actor'], fallback: AuditEntry, call: () => T): T {
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
      .values({ id: newId(), at: entryAt, ...actorColumns(scope.actor), ...entry, details: entry.details ?? null })
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

function actorColumns(actor: AuditScope['actor']) {
  return { actor: actor?.name ?? null, accountId: actor?.accountId ?? null };
}

/** One entry written outside a writing call: the read of a file, the purge. Its own statement: nothing else to commit with it. */
export function insertAuditEntry(db: Db | Tx, at: string, actor: AuditScope['actor'], entry: AuditEntry): void {
  db.insert(auditLog)
    .values({ id: newId(), at, ...actorColumns(actor), ...entry, details: entry.details ?? null })
    .run();
}

/**
 * The entries about one candidate: their file (read, written, merged), and the records of their
 * journey (presentations, placements, recruitments, timeline entries, drop-in visits). The
 * wrapper names a subject after its method's group (plural), services after the record (singular).
 */
function aboutCandidate(candidateId: string): SQL {
  const recordsOf = (types: string, idsOfCandidate: SQL) =>
    sql`(${auditLog.subjectType} IN (${sql.raw(types)}) AND ${auditLog.subjectId} IN (${idsOfCandidate}))`;
  return sql`(
    (${auditLog.subjectType} IN ('candidate', 'candidates') AND ${auditLog.subjectId} = ${candidateId})
    OR json_extract(${auditLog.details}, '$.mergedId') = ${candidateId}
    OR ${recordsOf("'presentation', 'presentations'", sql`SELECT id FROM presentations WHERE candidate_id = ${candidateId}`)}
    OR ${recordsOf("'placement', 'placements'", sql`SELECT id FROM placements WHERE candidate_id = ${candidateId}`)}
    OR ${recordsOf("'recruitment', 'recruitments', 'followUps'", sql`SELECT id FROM recruitments WHERE candidate_id = ${candidateId}`)}
    OR ${recordsOf("'timeline'", sql`SELECT id FROM timeline_events WHERE subject_type = 'candidate' AND subject_id = ${candidateId}`)}
    OR ${recordsOf("'sessions'", sql`SELECT id FROM session_visits WHERE candidate_id = ${candidateId}`)}
  )`;
}

function auditConditions(filter: AuditFilter): SQL | undefined {
  return and(
    filter.candidateId ? aboutCandidate(filter.candidateId) : undefined,
    filter.accountId ? eq(auditLog.accountId, filter.accountId) : undefined,
    filter.subjectType ? eq(auditLog.subjectType, filter.subjectType) : undefined,
    filter.subjectId ? eq(auditLog.subjectId, filter.subjectId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    // `to` is a day, inclusive: every instant before the next day's start.
    filter.to ? lt(auditLog.at, sql`date(${filter.to}, '+1 day')`) : undefined,
  );
}

export type AuditRow = typeof auditLog.$inferSelect;

/** A page of the log, newest first. */
export function auditPage(db: Db, filter: AuditFilter, page: { offset: number; limit: number }): { rows: AuditRow[]; total: number } {
  const where = auditConditions(filter);
  const rows = db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(page.limit).offset(page.offset).all();
  const total = db.select({ total: count() }).from(auditLog).where(where).get()?.total ?? 0;
  return { rows, total };
}

/** The whole filtered log, oldest first (an export reads it in the order things happened). */
export function auditRows(db: Db, filter: AuditFilter): AuditRow[] {
  return db.select().from(auditLog).where(auditConditions(filter)).orderBy(auditLog.at, auditLog.id).all();
}

/** Deletes the entries written before `cutoff` and logs how many, in one transaction; returns the count. */
export function purgeAuditBefore(db: Db, cutoff: string, at: string, actor: AuditScope['actor']): number {
  return db.transaction((tx) => {
    const purged = tx.delete(auditLog).where(lt(auditLog.at, cutoff)).run().changes;
    if (purged > 0) insertAuditEntry(tx, at, actor, { action: 'audit.purge', subjectType: 'audit', subjectId: '', details: { purged, before: cutoff } });
    return purged;
  });
}
