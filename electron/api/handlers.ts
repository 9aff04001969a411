import { type MethodName, api } from '../../shared/api';
import { type AuditSubjectType, auditSubjectOf } from '../../shared/audit';
import type { Db } from '../db/open';
import { type Clock, moment, systemClock } from '../core/clock';
import { type AuditEntry, insertAuditEntry, recordScopeAudit, runAuditScope, scopeAudited } from '../store/audit';
import { currentCaller } from '../store/caller';
import type { AccountService } from '../services/accounts';
import type { AuditService } from '../services/audit';
import type { BackupService } from '../services/backups';
import type { ExchangeOptions } from '../services/exchange';
import { accountHandlers } from './handlers/accounts';
import { auditHandlers } from './handlers/audit';
import { backupHandlers } from './handlers/backups';
import { candidateHandlers } from './handlers/candidates';
import { dashboardHandlers } from './handlers/dashboard';
import { documentHandlers } from './handlers/documents';
import { employerHandlers } from './handlers/employers';
import { exchangeHandlers } from './handlers/exchange';
import { listExportHandlers } from './handlers/lists';
import { matchingHandlers } from './handlers/matching';
import { partnerHandlers } from './handlers/partners';
import { pipelineHandlers } from './handlers/pipeline';
import { pathHandlers } from './handlers/plans';
import { programmeHandlers } from './handlers/programmes';
import { reportHandlers } from './handlers/reports';
import { retentionHandlers } from './handlers/retention';
import { rightsHandlers } from './handlers/rights';
import { sectorHandlers } from './handlers/sectors';
import { sessionHandlers } from './handlers/sessions';
import { sheetHandlers } from './handlers/sheets';
import { timelineHandlers } from './handlers/timeline';
import { volunteerHandlers } from './handlers/volunteers';
import { type Handler, type Handlers, awaitsBeforeWriting } from './router';
import type { Session } from './session';

/** Every method of the API table bound to its service; the type makes a missing one a compile error. */
export function createHandlers(
  db: Db,
  clock: Clock | undefined,
  services: {
    exchange: Omit<ExchangeOptions, 'db' | 'clock'>;
    backups: BackupService;
    audit: AuditService;
    accounts: AccountService;
    session: Session['handlers'];
  },
): Handlers {
  return audited(db, clock ?? systemClock, {
    ...candidateHandlers(db, clock),
    ...timelineHandlers(db, clock),
    ...sectorHandlers(db, clock),
    ...programmeHandlers(db, clock),
    ...employerHandlers(db, clock),
    ...partnerHandlers(db, clock),
    ...volunteerHandlers(db, clock),
    ...sessionHandlers(db, clock),
    ...matchingHandlers(db, clock),
    ...pipelineHandlers(db, clock),
    ...dashboardHandlers(db, clock),
    ...reportHandlers(db, clock),
    ...exchangeHandlers({ ...services.exchange, db, ...(clock ? { clock } : {}) }),
    ...backupHandlers(services.backups),
    ...auditHandlers(services.audit),
    ...accountHandlers(services.accounts),
    ...services.session,
    ...sheetHandlers({ db, ...(clock ? { clock } : {}), backups: services.backups, ...(services.exchange.databaseSource ? { databaseSource: services.exchange.databaseSource } : {}) }),
    ...rightsHandlers(db, clock),
    ...retentionHandlers(db, clock),
    ...listExportHandlers(db, clock),
    ...documentHandlers(db, clock),
    ...pathHandlers(db, clock),
  });
}

/**
 * Opening a candidate's file (the whole of it, or its barriers' history with their notes), or
 * printing a document about the person, is a read of sensitive data: logged, once the file was
 * found, like a write.
 */
const AUDITED_READS: ReadonlySet<MethodName> = new Set([
  'candidates.get',
  'candidates.barrierHistory',
  'documents.presentationSheet',
  'documents.cv',
  'documents.pmsmpAgreement',
]);

/** The kind of record an audited method's entries are about (shared/audit.ts says, for every group). */
function subjectOf(method: MethodName): AuditSubjectType {
  const subject = auditSubjectOf(method);
  if (subject === null) throw new Error(`${method} is audited but its group only reads`);
  return subject;
}

/**
 * The audit wrapper: every method the contract declares as writing runs in an audit scope, and
 * its audit rows are written in the transaction of its write, so no service can forget them. A
 * synchronous handler runs whole inside one transaction with its rows; one that awaits (better-
 * sqlite3's transactions cannot) commits through `auditedTransaction`, which adds them. The
 * actor is the account the router runs the call as.
 */
function audited(db: Db, clock: Clock, handlers: Handlers): Handlers {
  const wrapped: Record<string, Handler<MethodName>> = { ...handlers };
  for (const [method, handler] of Object.entries(handlers) as [MethodName, Handler<MethodName>][]) {
    // The session's methods open and close the database themselves, and write their own entries.
    if (method.startsWith('session.')) continue;
    if (AUDITED_READS.has(method)) {
      const subjectType = subjectOf(method);
      wrapped[method] = (input) =>
        Promise.resolve(handler(input)).then((result) => {
          insertAuditEntry(db, moment(clock).now, currentCaller(), { action: method, subjectType, subjectId: subjectIdOf(input) ?? '', details: { access: 'read', ...extrasOf(input) } });
          return result;
        });
    }
    if (api[method].access !== 'write') continue;
    const subjectType = subjectOf(method);
    wrapped[method] = (input) =>
      runAuditScope(currentCaller(), createdEntry(method, subjectType, input, undefined), () => {
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

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The record a read is about: by its id, or the person's (`candidateId`), or the placement's (a PMSMP agreement). */
function subjectIdOf(value: unknown): string | undefined {
  const input = value as { candidateId?: unknown; placementId?: unknown } | null;
  const id = idOf(value) ?? input?.candidateId ?? input?.placementId;
  return typeof id === 'string' ? id : undefined;
}

/** What a presentation sheet showed beyond the professional profile, as the person agreed (codes only). */
function extrasOf(value: unknown): { extras?: unknown } {
  const extras = (value as { extras?: unknown } | null)?.extras;
  return Array.isArray(extras) ? { extras } : {};
}

/** The names of the fields sent, never their values (the log must hold no personal data). */
function fieldsOf(input: unknown): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const fields = Object.keys(input).filter((field) => field !== 'id');
  return fields.length > 0 ? { fields } : undefined;
}

/** A new record is known by the id its result carries. */
function createdEntry(method: MethodName, subjectType: AuditSubjectType, input: unknown, result: unknown): AuditEntry {
  return { action: method, subjectType, subjectId: idOf(input) ?? idOf(result) ?? '', details: fieldsOf(input) };
}
