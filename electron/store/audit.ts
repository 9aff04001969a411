import { AsyncLocalStorage } from 'node:async_hooks';
import { type SQL, and, count, desc, eq, gte, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { SignedIn } from '../../shared/accounts';
import { api } from '../../shared/api';
import { AUDIT_EVENTS, type AuditAction, type AuditFilter, type AuditSubjectType, auditSubjectOf, groupOf, isSubjectType, subjectOfGroup } from '../../shared/audit';
import type { ReadDb, WriteDb } from '../db/handles';
import { auditLog } from '../db/schema';
import { newId } from '../core/clock';

export interface AuditEntry {
  action: AuditAction;
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
/** Who: the signed-in account; a name without an account for a refused sign-in; null for nobody known. */
export type AuditActor = { accountId: SignedIn['accountId'] | null; name: string } | null;

interface AuditScope {
  actor: AuditActor;
  /** The entry written when the service described none (the method, its record). */
  fallback: AuditEntry;
  described: { at: string; entry: AuditEntry }[];
  recorded: boolean;
}

const scopes = new AsyncLocalStorage<AuditScope>();

export function runAuditScope<T>(actor: AuditActor, fallback: AuditEntry, call: () => T): T {
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
export function auditedTransaction<T>(db: WriteDb, at: string, write: (tx: WriteDb) => T): T {
  return db.transaction((tx) => {
    const result = write(tx);
    recordScopeAudit(tx, at);
    return result;
  });
}

function actorColumns(actor: AuditActor) {
  return { actor: actor?.name ?? null, accountId: actor?.accountId ?? null };
}

/** One entry written outside a writing call: the read of a file, the purge. Its own statement: nothing else to commit with it. */
export function insertAuditEntry(db: WriteDb, at: string, actor: AuditActor, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({ id: newId(), at, ...actorColumns(actor), ...entry, details: entry.details ?? null })
    .run();
}

/** Every action the log knows: the contract's methods and the log's own events. */
const KNOWN_ACTIONS: readonly string[] = [...Object.keys(api), ...AUDIT_EVENTS];
const KNOWN_GROUPS = [...new Set(KNOWN_ACTIONS.map(groupOf))];
const actionGroup = sql`substr(${auditLog.action}, 1, instr(${auditLog.action}, '.') - 1)`;

/**
 * The entries about one kind of record, as subjectTypeOfEntry (shared/audit.ts) reads each one,
 * in SQL over the subject index: those named today, and those named after their method's group
 * before subjects were named in the singular (the log keeps them 12 months). A name the log
 * never used matches nothing.
 */
function subjectTypeIs(type: string): SQL {
  if (!isSubjectType(type)) return sql`false`;
  const groups = KNOWN_GROUPS.filter((group) => subjectOfGroup(group) === type);
  // Group names that meant `type` (`placements`); not `session`, a drop-in session's name today.
  const formerNames = groups.filter((group) => !isSubjectType(group));
  const actions = KNOWN_ACTIONS.filter((action) => auditSubjectOf(action) === type);
  const anyOf = (column: typeof auditLog.subjectType | typeof auditLog.action, values: readonly string[]) => (values.length > 0 ? inArray(column, [...values]) : sql`false`);
  return sql`(${inArray(auditLog.subjectType, [...new Set([type, ...groups, ...actions.map(groupOf)])])} AND (
    (${inArray(auditLog.subjectType, [type, ...formerNames])} AND ${auditLog.subjectType} <> ${actionGroup})
    OR (${auditLog.subjectType} = ${actionGroup} AND (${anyOf(auditLog.action, actions)} OR (${notInArray(auditLog.action, [...KNOWN_ACTIONS])} AND ${anyOf(auditLog.subjectType, groups)})))
  ))`;
}

/**
 * The entries about one candidate: their file (read, written, merged), and the records of their
 * journey (presentations, placements, recruitments, timeline entries, drop-in visits).
 */
function aboutCandidate(candidateId: string): SQL {
  const recordsOf = (type: AuditSubjectType, idsOfCandidate: SQL) =>
    sql`(${subjectTypeIs(type)} AND ${auditLog.subjectId} IN (${idsOfCandidate}))`;
  return sql`(
    (${subjectTypeIs('candidate')} AND ${auditLog.subjectId} = ${candidateId})
    OR json_extract(${auditLog.details}, '$.mergedId') = ${candidateId}
    OR ${recordsOf('presentation', sql`SELECT id FROM presentations WHERE candidate_id = ${candidateId}`)}
    OR ${recordsOf('placement', sql`SELECT id FROM placements WHERE candidate_id = ${candidateId}`)}
    OR ${recordsOf('recruitment', sql`SELECT id FROM recruitments WHERE candidate_id = ${candidateId}`)}
    OR ${recordsOf('timelineEvent', sql`SELECT id FROM timeline_events WHERE subject_type = 'candidate' AND subject_id = ${candidateId}`)}
    OR ${recordsOf('visit', sql`SELECT id FROM session_visits WHERE candidate_id = ${candidateId}`)}
  )`;
}

function auditConditions(filter: AuditFilter): SQL | undefined {
  return and(
    filter.candidateId ? aboutCandidate(filter.candidateId) : undefined,
    filter.accountId ? eq(auditLog.accountId, filter.accountId) : undefined,
    filter.subjectType ? subjectTypeIs(filter.subjectType) : undefined,
    filter.subjectId ? eq(auditLog.subjectId, filter.subjectId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    // `to` is a day, inclusive: every instant before the next day's start.
    filter.to ? lt(auditLog.at, sql`date(${filter.to}, '+1 day')`) : undefined,
  );
}

export type AuditRow = typeof auditLog.$inferSelect;

/** A page of the log, newest first. */
export function auditPage(db: ReadDb, filter: AuditFilter, page: { offset: number; limit: number }): { rows: AuditRow[]; total: number } {
  const where = auditConditions(filter);
  const rows = db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(page.limit).offset(page.offset).all();
  const total = db.select({ total: count() }).from(auditLog).where(where).get()?.total ?? 0;
  return { rows, total };
}

/** The whole filtered log, oldest first (an export reads it in the order things happened). */
export function auditRows(db: ReadDb, filter: AuditFilter): AuditRow[] {
  return db.select().from(auditLog).where(auditConditions(filter)).orderBy(auditLog.at, auditLog.id).all();
}

/** Deletes the entries written before `cutoff` and logs how many, in one transaction; returns the count. */
export function purgeAuditBefore(db: WriteDb, cutoff: string, at: string, actor: AuditActor): number {
  return db.transaction((tx) => {
    const purged = tx.delete(auditLog).where(lt(auditLog.at, cutoff)).run().changes;
    if (purged > 0) insertAuditEntry(tx, at, actor, { action: 'audit.purge', subjectType: 'audit', subjectId: '', details: { purged, before: cutoff } });
    return purged;
  });
}

/**
 * Entries written outside any call's scope: the session's own (sign-in, failed attempts queued
 * while the database was closed, sign-out), whose calls open or close the database themselves.
 */
export function appendAudit(db: WriteDb, rows: readonly { at: string; actor: AuditActor; entry: AuditEntry }[]): void {
  for (const { at, actor, entry } of rows) insertAuditEntry(db, at, actor, entry);
}
