import type { candidateMethods } from '../../../shared/candidates';
import type { Db } from '../../db/open';
import { createCandidateService } from '../../services/candidates';
import { consentFormPdf } from '../../services/consent-form';
import { type Clock, moment, systemClock } from '../../core/clock';
import { findDuplicates } from '../../services/duplicates';
import { mergeCandidates, undoMerge } from '../../services/merge';
import type { HandlersFor } from '../router';

export function candidateHandlers(db: Db, clock?: Clock): HandlersFor<typeof candidateMethods> {
  const candidates = createCandidateService(db, clock);
  return {
    'candidates.create': candidates.create,
    'candidates.update': candidates.update,
    'candidates.get': candidates.get,
    'candidates.barrierHistory': candidates.barrierHistory,
    'candidates.list': candidates.list,
    'candidates.archive': candidates.archive,
    'candidates.restore': candidates.restore,
    'candidates.findDuplicates': (probe) => findDuplicates(db, probe),
    'candidates.merge': ({ keepId, mergeId, choices }) => mergeCandidates(db, keepId, mergeId, choices, clock),
    'candidates.undoMerge': ({ mergedId }) => undoMerge(db, mergedId, clock),
    'candidates.restrict': candidates.restrict,
    'candidates.liftRestriction': candidates.liftRestriction,
    'candidates.consentForm': ({ id, language }) => consentFormPdf(db, candidates.get({ id }), language, moment(clock ?? systemClock).today),
  };
}
