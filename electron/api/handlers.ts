import type { Db } from '../db/open';
import type { Clock } from '../services/clock';
import { createCandidateService } from '../services/candidates';
import type { Handlers } from './router';

/** Every method of the API table bound to its service; the type makes a missing one a compile error. */
export function createHandlers(db: Db, clock?: Clock): Handlers {
  const candidates = createCandidateService(db, clock);
  return {
    'candidates.create': candidates.create,
    'candidates.update': candidates.update,
    'candidates.get': candidates.get,
    'candidates.list': candidates.list,
    'candidates.archive': candidates.archive,
    'candidates.restore': candidates.restore,
  };
}
