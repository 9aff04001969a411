import { z } from 'zod';
import type { MethodName } from './api';
import { reads } from './method';
import { optionalIsoDate, optionalText, uuid } from './validation';

/**
 * The audit log: who did what, for accountability. Every write carries the signed-in account,
 * and opening a candidate's file is logged as a read. Only administrators read it.
 */

/** The audit log keeps 12 months (CNIL: 6 to 12); older entries are purged, and the purge is logged. */
export const AUDIT_RETENTION_MONTHS = 12;

/** What an audit entry is about: one kind of record, named in the singular. */
export const AUDIT_SUBJECT_TYPES = [
  'candidate',
  'employer',
  'jobNeed',
  'timelineEvent',
  'sector',
  'programme',
  'partner',
  'volunteer',
  'pair',
  'hoursEntry',
  'session',
  'visit',
  'presentation',
  'placement',
  'recruitment',
  'targets',
  'profile',
  'identity',
  'partnerCard',
  'export',
  'backup',
  'installation',
  'account',
  'audit',
  'sheetImport',
  'reportSettings',
  'retentionSettings',
  'rightsRequest',
] as const;

export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** What the log records that no API method does by itself: a refused sign-in, the log's own purge. */
export const AUDIT_EVENTS = ['session.signInFailed', 'session.recoverFailed', 'audit.purge', 'retention.expired'] as const;

/** What an entry says was done: the API method (`<methodGroup>.<verb>`, as the contract names it), or one of the log's own events. */
export type AuditAction = MethodName | (typeof AUDIT_EVENTS)[number];

type MethodGroup = MethodName extends `${infer Group}.${string}` ? Group : never;

/**
 * The kind of record a method's entry is about, by method group (a group added to the contract
 * is a compile error here until it says), null for a group that only reads.
 */
const SUBJECT_OF_GROUP: Record<MethodGroup, AuditSubjectType | null> = {
  candidates: 'candidate',
  timeline: 'timelineEvent',
  sectors: 'sector',
  programmes: 'programme',
  employers: 'employer',
  jobNeeds: 'jobNeed',
  partners: 'partner',
  volunteers: 'volunteer',
  pairs: 'pair',
  volunteerHours: 'hoursEntry',
  sessions: 'session',
  matching: null,
  presentations: 'presentation',
  placements: 'placement',
  recruitments: 'recruitment',
  followUps: 'recruitment',
  dashboard: 'targets',
  exchange: 'partnerCard',
  backups: 'backup',
  accounts: 'account',
  session: 'account',
  audit: 'audit',
  reports: 'reportSettings',
  sheets: 'sheetImport',
  rights: 'candidate',
  documents: 'candidate',
  retention: 'candidate',
  plans: 'candidate',
  appointments: 'candidate',
};

/** Methods of a group whose record is another kind. */
const SUBJECT_OF_METHOD: Partial<Record<MethodName, AuditSubjectType>> = {
  'sessions.addVisit': 'visit',
  'sessions.removeVisit': 'visit',
  'sessions.intake': 'candidate',
  'programmes.setForCandidate': 'candidate',
  'exchange.saveProfile': 'profile',
  'exchange.createKeys': 'identity',
  'exchange.export': 'export',
  'exchange.applyImport': 'export',
  'exchange.erasureRequest': 'export',
  'backups.setupRecovery': 'installation',
  'documents.pmsmpAgreement': 'placement',
  'retention.saveSettings': 'retentionSettings',
  'rights.recordRequest': 'rightsRequest',
  'rights.answerRequest': 'rightsRequest',
  'rights.answerPartnerErasure': 'rightsRequest',
};

/** An action's method group: `placements` for `placements.create`. */
export const groupOf = (action: string) => action.slice(0, action.indexOf('.'));

export const isSubjectType = (name: string): name is AuditSubjectType => (AUDIT_SUBJECT_TYPES as readonly string[]).includes(name);

/** The kind of record a method group's entries are about, unless a method says otherwise. */
export const subjectOfGroup = (group: string): AuditSubjectType | null => (Object.hasOwn(SUBJECT_OF_GROUP, group) ? SUBJECT_OF_GROUP[group as MethodGroup] : null);

/** The kind of record an action's entry is about (the API writes it so), null for an action that only reads or is not known. */
export function auditSubjectOf(action: string): AuditSubjectType | null {
  return SUBJECT_OF_METHOD[action as MethodName] ?? subjectOfGroup(groupOf(action));
}

/**
 * The kind of record an entry is about, as named today: entries written before subjects were
 * named in the singular carry their method's group instead (`placements`; `session` for a
 * sign-in, now a drop-in session's name), and the log keeps them 12 months. Null for a name the
 * log never used.
 */
export function subjectTypeOfEntry(entry: { subjectType: string; action: string }): AuditSubjectType | null {
  if (entry.subjectType === groupOf(entry.action)) return auditSubjectOf(entry.action);
  if (isSubjectType(entry.subjectType)) return entry.subjectType;
  return subjectOfGroup(entry.subjectType);
}

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
