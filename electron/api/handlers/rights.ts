import type { rightsMethods } from '../../../shared/rights';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/open';
import { createRightsService } from '../../services/rights';
import { type HandlersFor, awaitsBeforeWriting } from '../router';

export function rightsHandlers(db: Db, clock?: Clock): HandlersFor<typeof rightsMethods> {
  const rights = createRightsService(db, clock);
  return {
    // Its own transaction, then the checkpoint, which no transaction may hold.
    'rights.erase': awaitsBeforeWriting(rights.erase),
    'rights.erasurePreview': rights.erasurePreview,
    // The PDF is written before the answer and the audit entry are committed.
    'rights.accessExport': awaitsBeforeWriting(rights.accessExport),
    'rights.recordRequest': rights.recordRequest,
    'rights.answerRequest': rights.answerRequest,
    'rights.listRequests': rights.listRequests,
    'rights.partnerErasureRequests': rights.partnerErasureRequests,
    'rights.answerPartnerErasure': awaitsBeforeWriting(rights.answerPartnerErasure),
  };
}
