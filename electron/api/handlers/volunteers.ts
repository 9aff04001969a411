import type { volunteerMethods } from '../../../shared/volunteers';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createHoursService, createPairService, createVolunteerService } from '../../services/volunteers';
import type { HandlersFor } from '../router';

export function volunteerHandlers(db: Db, clock?: Clock): HandlersFor<typeof volunteerMethods> {
  const volunteers = createVolunteerService(db, clock);
  const pairs = createPairService(db, clock);
  const hours = createHoursService(db, clock);
  return {
    'volunteers.create': volunteers.create,
    'volunteers.update': volunteers.update,
    'volunteers.get': volunteers.get,
    'volunteers.list': volunteers.list,
    'volunteers.archive': volunteers.archive,
    'volunteers.restore': volunteers.restore,
    'pairs.create': pairs.create,
    'pairs.update': pairs.update,
    'pairs.get': pairs.get,
    'pairs.list': pairs.list,
    'pairs.archive': pairs.archive,
    'pairs.restore': pairs.restore,
    'volunteerHours.add': hours.add,
    'volunteerHours.list': hours.list,
    'volunteerHours.remove': hours.remove,
  };
}
