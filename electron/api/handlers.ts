import type { Db } from '../db/open';
import type { Clock } from '../core/clock';
import type { BackupService } from '../services/backups';
import type { ExchangeOptions } from '../services/exchange';
import { backupHandlers } from './handlers/backups';
import { candidateHandlers } from './handlers/candidates';
import { dashboardHandlers } from './handlers/dashboard';
import { employerHandlers } from './handlers/employers';
import { exchangeHandlers } from './handlers/exchange';
import { matchingHandlers } from './handlers/matching';
import { partnerHandlers } from './handlers/partners';
import { pipelineHandlers } from './handlers/pipeline';
import { sectorHandlers } from './handlers/sectors';
import { sessionHandlers } from './handlers/sessions';
import { timelineHandlers } from './handlers/timeline';
import { volunteerHandlers } from './handlers/volunteers';
import type { Handlers } from './router';

/** Every method of the API table bound to its service; the type makes a missing one a compile error. */
export function createHandlers(
  db: Db,
  clock: Clock | undefined,
  services: { exchange: Omit<ExchangeOptions, 'db' | 'clock'>; backups: BackupService },
): Handlers {
  return {
    ...candidateHandlers(db, clock),
    ...timelineHandlers(db, clock),
    ...sectorHandlers(db, clock),
    ...employerHandlers(db, clock),
    ...partnerHandlers(db, clock),
    ...volunteerHandlers(db, clock),
    ...sessionHandlers(db, clock),
    ...matchingHandlers(db, clock),
    ...pipelineHandlers(db, clock),
    ...dashboardHandlers(db, clock),
    ...exchangeHandlers({ ...services.exchange, db, ...(clock ? { clock } : {}) }),
    ...backupHandlers(services.backups),
  };
}
