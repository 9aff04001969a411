// SCAFFOLD: replaced by the real handlers of this group (the helper building it owns this file).
import { dashboardMethods } from '../../../shared/dashboard';
import { AppError } from '../app-error';
import type { Db } from '../../db/open';
import type { Clock } from '../../services/clock';
import type { HandlersFor } from '../router';

export function dashboardHandlers(_db: Db, _clock?: Clock): HandlersFor<typeof dashboardMethods> {
  const notYet = () => {
    throw new AppError('internal');
  };
  return Object.fromEntries(Object.keys(dashboardMethods).map((name) => [name, notYet])) as unknown as HandlersFor<typeof dashboardMethods>;
}
