import type { matchingMethods } from '../../../shared/matching';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createMatchingService } from '../../services/matching';
import type { HandlersFor } from '../router';

export function matchingHandlers(db: Db, clock?: Clock): HandlersFor<typeof matchingMethods> {
  const matching = createMatchingService(db, clock);
  return {
    'matching.forNeed': matching.forNeed,
    'matching.forCandidate': matching.forCandidate,
  };
}
