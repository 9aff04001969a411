import type { auditMethods } from '../../../shared/audit';
import type { AuditService } from '../../services/audit';
import type { HandlersFor } from '../router';

export function auditHandlers(audit: AuditService): HandlersFor<typeof auditMethods> {
  return {
    'audit.list': audit.list,
    'audit.exportCsv': audit.exportCsv,
  };
}
