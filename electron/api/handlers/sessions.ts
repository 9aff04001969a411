import type { sessionMethods } from '../../../shared/sessions';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createSessionService } from '../../services/sessions';
import type { HandlersFor } from '../router';

export function sessionHandlers(db: Db, clock?: Clock): HandlersFor<typeof sessionMethods> {
  const sessions = createSessionService(db, clock);
  return {
    'sessions.create': sessions.create,
    'sessions.update': sessions.update,
    'sessions.get': sessions.get,
    'sessions.list': sessions.list,
    'sessions.archive': sessions.archive,
    'sessions.restore': sessions.restore,
    'sessions.addVisit': sessions.addVisit,
    'sessions.removeVisit': sessions.removeVisit,
    'sessions.intake': sessions.intake,
  };
}
