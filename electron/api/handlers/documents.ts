import type { documentMethods } from '../../../shared/documents';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/open';
import { createDocumentService } from '../../services/documents';
import type { HandlersFor } from '../router';

export function documentHandlers(db: Db, clock?: Clock): HandlersFor<typeof documentMethods> {
  const documents = createDocumentService(db, clock);
  return {
    'documents.presentationSheet': documents.presentationSheet,
    'documents.cv': documents.cv,
    'documents.pmsmpAgreement': documents.pmsmpAgreement,
  };
}
