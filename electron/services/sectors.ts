import type { Sector } from '../../shared/sectors';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import type { WriteDb } from '../db/handles';
import { type SectorRow, findSector, insertSector, listSectors, setSectorArchived, updateSector } from '../store/sectors';

function toSector(row: SectorRow): Sector {
  return { id: row.id, seedKey: row.seedKey as Sector['seedKey'], name: row.name, archivedAt: row.archivedAt };
}

/** Sectors are configurable: the seeded ones can be renamed or archived, others added. */
export function createSectorService(db: WriteDb, clock: Clock = systemClock) {
  return {
    list: ({ includeArchived }: { includeArchived: boolean }): Sector[] => listSectors(db, { includeArchived }).map(toSector),
    create({ name }: { name: string }): Sector {
      const { now } = moment(clock);
      return toSector(insertSector(db, { id: newId(), name, createdAt: now, updatedAt: now }));
    },
    rename({ id, name }: { id: string; name: string | null }): Sector {
      const current = findSector(db, id);
      // Only a seeded sector can fall back to its translated label.
      const label = name ?? (current.seedKey ? null : current.name);
      return toSector(updateSector(db, id, { name: label, updatedAt: moment(clock).now }) ?? current);
    },
    archive: ({ id }: { id: string }) => toSector(setSectorArchived(db, id, true, moment(clock).now)),
    restore: ({ id }: { id: string }) => toSector(setSectorArchived(db, id, false, moment(clock).now)),
  };
}
