import { type MethodName, api } from '../../shared/api';
import type { Db } from '../db/open';
import { type Clock, moment, systemClock } from '../core/clock';
import { type AuditEntry, recordScopeAudit, runAuditScope, scopeAudited } from '../store/audit';
import type { BackupService } from '../services/backups';
import type { ExchangeOptions } from '../services/exchange';
import { backupHandlers } from './handlers/backups';
import { candidateHandlers } from './handlers/candidates';
import { dashboardHandlers } from './handlers/dashboard';
import { employerHandlers } from './handlers/employers';
import { exchangeHandlers } from './handlers/exchange';
import { listExportHandlers } from './handlers/lists';
import { matchingHandlers } from './handlers/matching';
import { partnerHandlers } from './handlers/partners';
import { pipelineHandlers } from './handlers/pipeline';
import { sectorHandlers } from './handlers/sectors';
import { sessionHandlers } from './handlers/sessions';
import { sheetHandlers } from './handlers/sheets';
import { timelineHandlers } from './handlers/timeline';
import { volunteerHandlers } from './handlers/volunteers';
import { type Handler, type Handlers, awaitsBeforeWriting } from './router';

/** Every method of the API table bound to its service; the type makes a missing one a compile error. */
export function createHandlers(
  db: Db,
  clock: Clock | undefined,
  services: { exchange: Omit<ExchangeOptions, 'db' | 'clock'>; backups: BackupService },
): Handlers {
  return audited(db, clock ?? systemClock, {
    ...candidateHandlers(db, clock),
    ...timelineHandlers(db, clock),
    ...sectorHandlers(db, clock),
    ...employerHandlers(db, clock),
    ...partnerHandlers(db, clock),
    ...volunteerHandlers(db, clock),
    ...sessionHandlers(db, clock),
    ...matchingHandlers(db, clock),
    ...pipelineHandlers(db, clock),
    ...dashboardHandlers(db, clock),
    ...exchangeHandlers({ ...services.exchange, db, ...(clock ? { clock } : {}) }),
    ...backupHandlers(services.backups),
    ...sheetHandlers({ db, ...(clock ? { clock } : {}), backups: services.backups }),
    ...listExportHandlers(db, clock),
  });
}

/**
 * The audit wrapper: every method the contract declares as writing runs in an audit scope, and
 * its audit rows are written in the transaction of its write, so no service can forget them. A
 * synchronous handler runs whole inside one transaction with its rows; one that awaits (better-
 * sqlite3's transactions cannot) commits through `auditedTransaction`, which adds them.
 */
function audited(db: Db, clock: Clock, handlers: Handlers): Handlers {
  const wrapped: Record<string, Handler<MethodName>> = { ...handlers };
  for (const [method, handler] of Object.entries(handlers) as [MethodName, Handler<MethodName>][]) {
    if (api[method].access !== 'write') continue;
    const subjectType = method.slice(0, method.indexOf('.'));
    wrapped[method] = (input) =>
      runAuditScope(authorOf(input), createdEntry(method, subjectType, input, undefined), () => {
        if (!awaitsBeforeWriting.has(handler)) {
          return db.transaction((tx) => {
            const result = handler(input);
            recordScopeAudit(tx, moment(clock).now, createdEntry(method, subjectType, input, result));
            return result;
          });
        }
        return Promise.resolve(handler(input)).then((result) => {
          // Nothing in the database but files or keys (backups): the row alone, after the act.
          if (!scopeAudited()) db.transaction((tx) => recordScopeAudit(tx, moment(clock).now, createdEntry(method, subjectType, input, result)));
          return result;
        });
      });
  }
  return wrapped as Handlers;
}

/** Until accounts exist, the author a form lets the staffer type (`by` on a correction) is the only "who" there is. */
function authorOf(input: unknown): string | null {
  const typed = input as { author?: unknown; by?: unknown } | null;
  const author = typed?.author ?? typed?.by;
  return typeof author === 'string' && author !== '' ? author : null;
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The names of the fields sent, never their values (the log must hold no personal data). */
function fieldsOf(input: unknown): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const fields = Object.keys(input).filter((field) => field !== 'id');
  return fields.length > 0 ? { fields } : undefined;
}

/** A new record is known by the id its result carries. */
function createdEntry(method: MethodName, subjectType: string, input: unknown, result: unknown): AuditEntry {
  return { action: method, subjectType, subjectId: idOf(input) ?? idOf(result) ?? '', details: fieldsOf(input) };
}
