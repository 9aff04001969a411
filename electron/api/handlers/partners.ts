import type { partnerMethods } from '../../../shared/partners';
import type { Db } from '../../db/open';
import type { Clock } from '../../core/clock';
import { createPartnerService } from '../../services/partners';
import type { HandlersFor } from '../router';

export function partnerHandlers(db: Db, clock?: Clock): HandlersFor<typeof partnerMethods> {
  const partners = createPartnerService(db, clock);
  return {
    'partners.create': partners.create,
    'partners.update': partners.update,
    'partners.get': partners.get,
    'partners.list': partners.list,
    'partners.archive': partners.archive,
    'partners.restore': partners.restore,
  };
}
