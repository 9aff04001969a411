import type { exchangeMethods } from '../../../shared/exchange';
import { type ExchangeOptions, createExchangeService } from '../../services/exchange';
import { type HandlersFor, awaitsBeforeWriting } from '../router';

export function exchangeHandlers(options: ExchangeOptions): HandlersFor<typeof exchangeMethods> {
  const exchange = createExchangeService(options);
  return {
    'exchange.status': exchange.status,
    'exchange.saveProfile': exchange.saveProfile,
    'exchange.createKeys': awaitsBeforeWriting(exchange.createKeys),
    'exchange.unlock': exchange.unlock,
    'exchange.lock': exchange.lock,
    'exchange.ownCard': exchange.ownCard,
    'exchange.previewCard': exchange.previewCard,
    'exchange.importCard': exchange.importCard,
    'exchange.verifyCard': exchange.verifyCard,
    'exchange.listCards': exchange.listCards,
    'exchange.previewExport': exchange.previewExport,
    'exchange.export': awaitsBeforeWriting(exchange.export),
    'exchange.erasureRequest': awaitsBeforeWriting(exchange.erasureRequest),
    'exchange.openImport': exchange.openImport,
    'exchange.applyImport': awaitsBeforeWriting(exchange.applyImport),
    'exchange.dropImport': exchange.dropImport,
    'exchange.log': exchange.log,
    'exchange.progress': exchange.progress,
  };
}
