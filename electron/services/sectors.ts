import { asc, eq, isNull } from 'drizzle-orm';
import type { Sector } from '../../shared/sectors';
import type { Db } from '../db/open';
import { sectors } from '../db/schema';
import { type Clock, newId, systemClock, moment } from '../core/clock';
import { findRow, setArchived } from '../store/records';

const NOT_FOUND = 'errors.sectorNotFound';

function toSector(row: typeof sectors.$inferSelect): Sector {
  return { id: row.id, seedKey: row.seedKey as Sector['seedKey'], name: row.name, archivedAt: row.archivedAt };
}

/** Sectors are configurable: the seeded ones can be renamed or archived, others added. */
export function createSectorService(db: Db, clock: Clock = systemClock) {
  return {
    list({ includeArchived }: { includeArchived: boolean }): Sector[] {
      return db
        .select()
        .from(sectors)
        .where(includeArchived ? undefined : isNull(sectors.archivedAt))
        .orderBy(asc(sectors.seq))
        .all()
        .map(toSector);
    },
    create({ name }: { name: string }): Sector {
      const { now } = moment(clock);
      return toSector(db.insert(sectors).values({ id: newId(), name, createdAt: now, updatedAt: now }).returning().get());
    },
    rename({ id, name }: { id: string; name: string | null }): Sector {
      const current = findRow(db, sectors, id, NOT_FOUND);
      // Only a seeded sector can fall back to its translated label.
      const label = name ?? (current.seedKey ? null : current.name);
      return toSector(db.update(sectors).set({ name: label, updatedAt: moment(clock).now }).where(eq(sectors.id, id)).returning().get() ?? current);
    },
    archive: ({ id }: { id: string }) => toSector(setArchived(db, sectors, id, true, moment(clock).now, NOT_FOUND)),
    restore: ({ id }: { id: string }) => toSector(setArchived(db, sectors, id, false, moment(clock).now, NOT_FOUND)),
  };
}
