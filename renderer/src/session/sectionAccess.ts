import type { MethodName } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import type { Section } from '../app/routes';
import { may } from './may';

/**
 * What a section's screens call first: a role that may call none of them does not see the
 * section. Home is everyone's (it shows what the role may see).
 */
const SECTION_METHODS: Record<Section, readonly MethodName[]> = {
  home: [],
  calendar: ['appointments.calendar'],
  candidates: ['candidates.list'],
  sessions: ['sessions.list'],
  employers: ['employers.list'],
  volunteers: ['volunteers.list'],
  partners: ['partners.list'],
  matching: ['jobNeeds.list'],
  reports: ['dashboard.get'],
  exchange: ['exchange.status'],
  settings: ['dashboard.setTargets', 'backups.status', 'accounts.list', 'audit.list'],
};

export function maySee(role: Role | null | undefined, section: Section): boolean {
  const methods = SECTION_METHODS[section];
  return methods.length === 0 || methods.some((method) => may(role, method));
}
