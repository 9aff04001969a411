// SCAFFOLD: replaced by the real handlers of this group (the helper building it owns this file).
import { pipelineMethods } from '../../../shared/pipeline';
import { AppError } from '../app-error';
import type { Db } from '../../db/open';
import type { Clock } from '../../services/clock';
import type { HandlersFor } from '../router';

export function pipelineHandlers(_db: Db, _clock?: Clock): HandlersFor<typeof pipelineMethods> {
  const notYet = () => {
    throw new AppError('internal');
  };
  return Object.fromEntries(Object.keys(pipelineMethods).map((name) => [name, notYet])) as unknown as HandlersFor<typeof pipelineMethods>;
}
