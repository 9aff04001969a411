import type { reportMethods } from '../../../shared/reports';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/open';
import { createReportService } from '../../services/reports';
import type { HandlersFor } from '../router';

export function reportHandlers(db: Db, clock?: Clock): HandlersFor<typeof reportMethods> {
  const reports = createReportService(db, clock);
  return {
    'reports.get': (query) => reports.get(query),
    'reports.export': (request) => reports.export(request),
    'reports.getSettings': () => reports.getSettings(),
    'reports.setSettings': (settings) => reports.setSettings(settings),
  };
}
