import type { retentionMethods } from '../../../shared/retention';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/open';
import { processingRegisterPdf } from '../../services/processing-register';
import { createRetentionService } from '../../services/retention';
import { type HandlersFor, awaitsBeforeWriting } from '../router';

export function retentionHandlers(db: Db, clock?: Clock): HandlersFor<typeof retentionMethods> {
  const retention = createRetentionService(db, clock);
  return {
    'retention.due': retention.due,
    'retention.keep': retention.keep,
    // Its own transaction, then the checkpoint, which no transaction may hold.
    'retention.anonymise': awaitsBeforeWriting(retention.anonymise),
    'retention.settings': retention.settings,
    'retention.saveSettings': retention.saveSettings,
    'retention.processingRegister': ({ language }) => processingRegisterPdf(db, language, clock),
  };
}
