import type { pipelineMethods } from '../../../shared/pipeline';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createPlacementService } from '../../services/placements';
import { createPresentationService } from '../../services/presentations';
import { createRecruitmentService } from '../../services/recruitments';
import type { HandlersFor } from '../router';

export function pipelineHandlers(db: Db, clock?: Clock): HandlersFor<typeof pipelineMethods> {
  const presentations = createPresentationService(db, clock);
  const placements = createPlacementService(db, clock);
  const recruitments = createRecruitmentService(db, clock);
  return {
    'presentations.create': presentations.create,
    'presentations.transition': presentations.transition,
    'presentations.get': presentations.get,
    'presentations.list': presentations.list,
    'placements.create': placements.create,
    'placements.update': placements.update,
    'placements.end': placements.end,
    'placements.get': placements.get,
    'placements.list': placements.list,
    'placements.archive': placements.archive,
    'placements.restore': placements.restore,
    'recruitments.create': recruitments.create,
    'recruitments.update': recruitments.update,
    'recruitments.get': recruitments.get,
    'recruitments.list': recruitments.list,
    'recruitments.archive': recruitments.archive,
    'recruitments.restore': recruitments.restore,
    'followUps.record': recruitments.recordFollowUp,
  };
}
