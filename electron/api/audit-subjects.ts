import type { MethodName } from '../../shared/api';
import type { AuditSubjectType } from '../store/audit';

type MethodGroup = MethodName extends `${infer Group}.${string}` ? Group : never;

/**
 * The kind of record a writing method's audit entry is about, by method group (a group added
 * to the contract is a compile error here until it says), null for a group that only reads.
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

export function auditSubjectOf(method: MethodName): AuditSubjectType {
  const group = method.slice(0, method.indexOf('.')) as MethodGroup;
  const subject = SUBJECT_OF_METHOD[method] ?? SUBJECT_OF_GROUP[group];
  if (subject === null) throw new Error(`${method} is audited but its group only reads`);
  return subject;
}
