import type { Db } from '../db/open';
import { auditLog } from '../db/schema';
import { newId } from '../core/clock';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/**
 * Records who did what. The actor is null until the app has one account per person
 * (the log's only use is accountability; it is never mined for anything else).
 */
export function recordAudit(db: Db, at: string, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({ id: newId(), at, actor: null, ...entry, details: entry.details ?? null })
    .run();
}
