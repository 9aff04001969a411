import { z } from 'zod';
import { reads } from './method';
import { optionalIsoDate, optionalText, uuid } from './validation';

/**
 * The audit log: who did what, for accountability. Every write carries the signed-in account,
 * and opening a candidate's file is logged as a read. Only administrators read it.
 */

/** The audit log keeps 12 months (CNIL: 6 to 12); older entries are purged, and the purge is logged. */
export const AUDIT_RETENTION_MONTHS = 12;

export interface AuditEntryView {
  id: string;
  at: string;
  /** The account's name at the time, or the typed author of entries written before accounts. */
  actor: string | null;
  accountId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown> | null;
}

export const auditFilterSchema = z.strictObject({
  /** Entries about one candidate (their file, and the records of their journey). */
  candidateId: uuid.optional(),
  accountId: uuid.optional(),
  subjectType: optionalText(40),
  subjectId: optionalText(80),
  from: optionalIsoDate(),
  to: optionalIsoDate(),
});

export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditMethods = {
  'audit.list': reads<{ items: AuditEntryView[]; total: number }>('audit')(
    auditFilterSchema.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
  ),
  /** The filtered log as CSV (UTF-8 with BOM, `;`), for the administrator to save. */
  'audit.exportCsv': reads<{ fileName: string; csv: string }>('audit')(auditFilterSchema),
};
