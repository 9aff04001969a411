import { z } from 'zod';
import type { SeededSector } from './domain';
import { reads, writes } from './method';
import { optionalText, requiredText, uuid } from './validation';

export interface Sector {
  id: string;
  /** Set for the sectors every installation starts with: the UI translates it unless `name` is set. */
  seedKey: SeededSector | null;
  name: string | null;
  archivedAt: string | null;
}

export const sectorMethods = {
  'sectors.list': reads<Sector[]>('network.read')(z.strictObject({ includeArchived: z.boolean().default(false) })),
  'sectors.create': writes<Sector>('settings')(z.strictObject({ name: requiredText(80) })),
  /** A null name gives a seeded sector its translated label back. */
  'sectors.rename': writes<Sector>('settings')(z.strictObject({ id: uuid, name: optionalText(80) })),
  'sectors.archive': writes<Sector>('settings')(z.strictObject({ id: uuid })),
  'sectors.restore': writes<Sector>('settings')(z.strictObject({ id: uuid })),
};
