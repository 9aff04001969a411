import type { programmeMethods } from '../../../shared/programmes';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/open';
import { createProgrammeService } from '../../services/programmes';
import type { HandlersFor } from '../router';

export function programmeHandlers(db: Db, clock?: Clock): HandlersFor<typeof programmeMethods> {
  const programmes = createProgrammeService(db, clock);
  return {
    'programmes.list': programmes.list,
    'programmes.create': programmes.create,
    'programmes.rename': programmes.rename,
    'programmes.archive': programmes.archive,
    'programmes.restore': programmes.restore,
    'programmes.ofCandidate': programmes.ofCandidate,
    'programmes.setForCandidate': programmes.setForCandidate,
  };
}
