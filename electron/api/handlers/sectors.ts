import type { sectorMethods } from '../../../shared/sectors';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createSectorService } from '../../services/sectors';
import type { HandlersFor } from '../router';

export function sectorHandlers(db: Db, clock?: Clock): HandlersFor<typeof sectorMethods> {
  const sectors = createSectorService(db, clock);
  return {
    'sectors.list': sectors.list,
    'sectors.create': sectors.create,
    'sectors.rename': sectors.rename,
    'sectors.archive': sectors.archive,
    'sectors.restore': sectors.restore,
  };
}
