import type { listExportMethods } from '../../../shared/lists';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/open';
import { createListExportService } from '../../services/lists/export';
import type { HandlersFor } from '../router';

export function listExportHandlers(db: Db, clock?: Clock): HandlersFor<typeof listExportMethods> {
  const lists = createListExportService(db, clock);
  return {
    'candidates.export': lists.candidates,
    'employers.export': lists.employers,
    'volunteers.export': lists.volunteers,
    'jobNeeds.export': lists.jobNeeds,
    'presentations.export': lists.presentations,
    'placements.export': lists.placements,
    'recruitments.export': lists.recruitments,
  };
}
