import type { dashboardMethods } from '../../../shared/dashboard';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createDashboardService } from '../../services/dashboard';
import type { HandlersFor } from '../router';

export function dashboardHandlers(db: Db, clock?: Clock): HandlersFor<typeof dashboardMethods> {
  const dashboard = createDashboardService(db, clock);
  return {
    'dashboard.get': dashboard.get,
    'dashboard.due': dashboard.due,
    'dashboard.getTargets': () => dashboard.getTargets(),
    'dashboard.setTargets': dashboard.setTargets,
  };
}
