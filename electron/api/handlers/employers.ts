import type { employerMethods } from '../../../shared/employers';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createEmployerService } from '../../services/employers';
import type { HandlersFor } from '../router';

export function employerHandlers(db: Db, clock?: Clock): HandlersFor<typeof employerMethods> {
  const employers = createEmployerService(db, clock);
  const needs = employers.jobNeeds;
  return {
    'employers.create': employers.create,
    'employers.update': employers.update,
    'employers.get': employers.get,
    'employers.list': employers.list,
    'employers.archive': employers.archive,
    'employers.restore': employers.restore,
    'jobNeeds.create': needs.create,
    'jobNeeds.update': needs.update,
    'jobNeeds.get': needs.get,
    'jobNeeds.list': needs.list,
    'jobNeeds.setState': needs.setState,
    'jobNeeds.archive': needs.archive,
    'jobNeeds.restore': needs.restore,
  };
}
