import type { ParsedInputOf } from '../../../shared/api';
import type { ExchangeLogEntry } from '../../../shared/exchange';
import type { ReadDb } from '../../db/handles';
import { exchangeLogPage } from '../../store/exchange-log';

/** The exchange log as the screens show it: how many files each exchange carried, not which. */
export function exchangeLog(db: ReadDb, input: ParsedInputOf<'exchange.log'>): { items: ExchangeLogEntry[]; total: number } {
  const { rows, total } = exchangeLogPage(db, input);
  return {
    items: rows.map(({ recordIds, counterpartId: _counterpart, ...row }) => ({
      ...row,
      direction: row.direction as ExchangeLogEntry['direction'],
      candidates: recordIds.length,
    })),
    total,
  };
}
