import { AUDIT_RETENTION_MONTHS, type AuditEntryView, type AuditFilter } from '../../shared/audit';
import type { Db } from '../db/open';
import { type Clock, moment, systemClock } from '../core/clock';
import { type AuditRow, auditPage, auditRows, insertAuditEntry, purgeAuditBefore } from '../store/audit';
import { currentCaller } from '../store/caller';

/** The audit log as administrators read it, its export, and its retention. */
export function createAuditService(db: Db, clock: Clock = systemClock) {
  return {
    list(input: AuditFilter & { offset: number; limit: number }): { items: AuditEntryView[]; total: number } {
      const { offset, limit, ...filter } = input;
      const { rows, total } = auditPage(db, filter, { offset, limit });
      return { items: rows.map(toView), total };
    },

    /** The export is itself logged: the log says who took a copy of it. */
    exportCsv(filter: AuditFilter): { fileName: string; csv: string } {
      const rows = auditRows(db, filter);
      const { now, today } = moment(clock);
      insertAuditEntry(db, now, currentCaller(), {
        action: 'audit.exportCsv',
        subjectType: 'audit',
        subjectId: '',
        details: { rows: rows.length, ...(filter.candidateId ? { candidateId: filter.candidateId } : {}) },
      });
      return { fileName: `tremplin-audit-${today}.csv`, csv: auditCsv(rows) };
    },

    /**
     * Deletes the entries older than AUDIT_RETENTION_MONTHS and logs the purge (when it removed
     * any). The backend runs it at start and daily; a sign-in may run it too.
     */
    purgeExpired(): { purged: number; before: string } {
      const now = clock.now();
      const before = retentionStart(now).toISOString();
      return { purged: purgeAuditBefore(db, before, now.toISOString(), currentCaller()), before };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

/** The oldest instant kept: the same day and time, AUDIT_RETENTION_MONTHS earlier (the month's last day when shorter). */
export function retentionStart(now: Date): Date {
  const start = new Date(now);
  start.setUTCDate(1);
  start.setUTCMonth(start.getUTCMonth() - AUDIT_RETENTION_MONTHS);
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate();
  start.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return start;
}

function toView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    accountId: row.accountId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: row.details ?? null,
  };
}

const CSV_COLUMNS = ['at', 'actor', 'accountId', 'action', 'subjectType', 'subjectId', 'details'] as const;

/** UTF-8 with a BOM and `;` (what a French spreadsheet opens as columns), one line per entry. */
function auditCsv(rows: AuditRow[]): string {
  const lines = [CSV_COLUMNS.join(';')];
  for (const row of rows) {
    const view = toView(row);
    lines.push(CSV_COLUMNS.map((column) => csvCell(column === 'details' ? (view.details ? JSON.stringify(view.details) : '') : view[column])).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A cell a spreadsheet shows as text: one starting like a formula (= + - @, a tab or a carriage
 * return) gets a leading apostrophe, so a name typed as `=HYPERLINK(...)` never runs; quoted
 * when it holds the separator, a quote or a line break.
 */
export function csvCell(value: string | null): string {
  if (value === null || value === '') return '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
