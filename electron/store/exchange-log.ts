import { and, count, desc, eq, max, sql } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../db/handles';
import { exchangeLog } from '../db/schema';

/** The exchange log: every export and import, what was shared, with whom, when. */

export type ExchangeLogRow = typeof exchangeLog.$inferSelect;

export function logExchange(tx: WriteDb, entry: typeof exchangeLog.$inferInsert): void {
  tx.insert(exchangeLog).values(entry).run();
}

/** Whether the export with this id was imported here already. */
export function wasImported(db: ReadDb, exportId: string): boolean {
  const seen = db
    .select({ id: exchangeLog.id })
    .from(exchangeLog)
    .where(and(eq(exchangeLog.direction, 'import'), eq(exchangeLog.exportId, exportId)))
    .get();
  return seen !== undefined;
}

/** The highest sequence number imported from this association, null when none was. */
export function highestImportedSequence(db: ReadDb, associationId: string): number | null {
  return (
    db
      .select({ highest: max(exchangeLog.sequence) })
      .from(exchangeLog)
      .where(and(eq(exchangeLog.direction, 'import'), eq(exchangeLog.counterpartId, associationId)))
      .get()?.highest ?? null
  );
}

/** A page of the log, newest first; with `candidateId`, only the exchanges that carried that file. */
export function exchangeLogPage(db: ReadDb, { candidateId, limit, offset }: { candidateId?: string; limit: number; offset: number }): { rows: ExchangeLogRow[]; total: number } {
  const where = candidateId ? sql`EXISTS (SELECT 1 FROM json_each(${exchangeLog.recordIds}) WHERE json_each.value = ${candidateId})` : undefined;
  const rows = db.select().from(exchangeLog).where(where).orderBy(desc(exchangeLog.at)).limit(limit).offset(offset).all();
  const total = db.select({ total: count() }).from(exchangeLog).where(where).get()?.total ?? 0;
  return { rows, total };
}
