import type { timelineMethods } from '../../../shared/timeline';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createTimelineService } from '../../services/timeline';
import type { HandlersFor } from '../router';

export function timelineHandlers(db: Db, clock?: Clock): HandlersFor<typeof timelineMethods> {
  const timeline = createTimelineService(db, clock);
  return {
    'timeline.add': timeline.add,
    'timeline.update': timeline.update,
    'timeline.remove': timeline.remove,
    'timeline.list': timeline.list,
    'timeline.countCompanyContacts': timeline.countCompanyContacts,
  };
}
