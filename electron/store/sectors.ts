import { asc, eq, isNull } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../db/handles';
import { sectors } from '../db/schema';
import { assertReferencesExist, findRow, setArchived } from './records';

/** Sectors: the seeded ones and those the association added. */

export type SectorRow = typeof sectors.$inferSelect;

const NOT_FOUND = 'sectors.errors.notFound';

/** In the order they were made (the seeded ones first); with the archived ones when asked. */
export function listSectors(db: ReadDb, { includeArchived }: { includeArchived: boolean }): SectorRow[] {
  return db
    .select()
    .from(sectors)
    .where(includeArchived ? undefined : isNull(sectors.archivedAt))
    .orderBy(asc(sectors.seq))
    .all();
}

/** The row, or a not_found refusal. */
export const findSector = (db: ReadDb, id: string): SectorRow => findRow(db, sectors, id, NOT_FOUND);

export function insertSector(db: WriteDb, values: typeof sectors.$inferInsert): SectorRow {
  return db.insert(sectors).values(values).returning().get();
}

/** The sector as written, undefined when there is none with this id. */
export function updateSector(db: WriteDb, id: string, values: Partial<typeof sectors.$inferInsert>): SectorRow | undefined {
  return db.update(sectors).set(values).where(eq(sectors.id, id)).returning().get();
}

export const setSectorArchived = (db: WriteDb, id: string, archived: boolean, now: string): SectorRow => setArchived(db, sectors, id, archived, now, NOT_FOUND);

/** Refuses, as a validation error on `field`, ids that point to no sector. */
export const assertSectorsExist = (db: ReadDb, ids: readonly (string | null | undefined)[], field: string): void => assertReferencesExist(db, sectors, ids, field);
