import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../db/handles';
import { partnerCards } from '../db/schema';

/** Partners' cards: the keys their files are checked with and encrypted to. */

export type PartnerCardRow = typeof partnerCards.$inferSelect;

export function cardById(db: ReadDb, id: string): PartnerCardRow | undefined {
  return db.select().from(partnerCards).where(eq(partnerCards.id, id)).get();
}

/** The card held for an association, archived or not (an association has one card here). */
export function cardOfAssociation(db: ReadDb, associationId: string): PartnerCardRow | undefined {
  return db.select().from(partnerCards).where(eq(partnerCards.associationId, associationId)).get();
}

/** The cards in use, by name; with the archived ones when asked. */
export function listCards(db: ReadDb, { includeArchived }: { includeArchived: boolean }): PartnerCardRow[] {
  return db
    .select()
    .from(partnerCards)
    .where(includeArchived ? undefined : isNull(partnerCards.archivedAt))
    .orderBy(asc(partnerCards.name))
    .all();
}

/** The cards not archived, in no particular order (to find the one a signature names). */
export function unarchivedCards(db: ReadDb): PartnerCardRow[] {
  return db.select().from(partnerCards).where(isNull(partnerCards.archivedAt)).all();
}

/** Every association a card is held for, archived or not. */
export function cardAssociationIds(db: ReadDb): string[] {
  return db
    .select({ id: partnerCards.associationId })
    .from(partnerCards)
    .all()
    .map((row) => row.id);
}

export function insertCard(db: WriteDb, values: typeof partnerCards.$inferInsert): void {
  db.insert(partnerCards).values(values).run();
}

export function updateCard(db: WriteDb, id: string, values: Partial<typeof partnerCards.$inferInsert>): void {
  db.update(partnerCards).set(values).where(eq(partnerCards.id, id)).run();
}

/** Raises the highest sequence number imported from a card's association; never lowers it. */
export function advanceCardSequence(tx: WriteDb, id: string, sequence: number, now: string): void {
  tx.update(partnerCards)
    .set({ lastSequence: sequence, updatedAt: now })
    .where(and(eq(partnerCards.id, id), lt(partnerCards.lastSequence, sequence)))
    .run();
}
