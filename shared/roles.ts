/**
 * Who may do what: the accounts' roles and the capabilities each grants. Every method of the API
 * table names the one capability it needs (shared/method.ts); the router refuses a call whose
 * signed-in role lacks it, before validation or any write. One source of truth: the renderer
 * hides what a role cannot do from the same table, but only the router protects.
 */

/** An account's password has at least this many characters (checked by the router, hinted by the forms). */
export const PASSWORD_MIN_LENGTH = 10;

export const ROLES = ['administrator', 'staff', 'volunteer', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  /** No session needed: the sign-in screen's own calls (status, sign-in, first account, recovery). */
  'public',
  /** Any signed-in account: sign out, lock, change one's own password. */
  'signedIn',
  /** Read candidates' files, their journey and matches. A volunteer sees only those in scope. */
  'candidates.read',
  /** Record on a candidate's file: sections, contacts, visits, presentations, follow-ups. A volunteer: in scope only. */
  'candidates.write',
  /** Whole-file acts: archive, restore, look for duplicates, merge. */
  'candidates.manage',
  'employers.read',
  'employers.write',
  /** Placements and recruitments (contracts, with their legal checks). */
  'placements.write',
  /** Partners, volunteers, pairs, drop-in sessions, sectors' list, hours. */
  'network.read',
  'network.write',
  /** Lists out as spreadsheets (every row a list shows): not for volunteers, who get no bulk lists of everyone. */
  'lists.export',
  /** Aggregates only: the dashboard's figures, targets, reports. */
  'reports',
  /** Partner cards, exports and imports of files. */
  'exchange',
  /** Take a backup and see the list. */
  'backups',
  /** The association's settings: profile and keys, sectors, targets, the recovery key, restore. */
  'settings',
  'accounts',
  /** The audit log: read, export, purge. */
  'audit',
  /** Erase a person (GDPR art. 17), and answer a partner's request to erase one. */
  'rights',
  /** The register of people's requests about their data (art. 15 to 21) and their copy of everything held. */
  'rightsRequests',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** `public` and `signedIn` are not granted: the router handles them before looking at a role. */
const GRANTED = CAPABILITIES.filter((capability) => capability !== 'public' && capability !== 'signedIn');

/** What only an administrator does: the association's settings, the accounts, the audit log, erasing a person. */
const ADMINISTRATION: readonly Capability[] = ['settings', 'accounts', 'audit', 'rights'];

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  administrator: GRANTED,
  /** All records, reports, exchange and backups, and people's requests about their data (recorded, answered, their copy). */
  staff: GRANTED.filter((capability) => !ADMINISTRATION.includes(capability)),
  volunteer: ['candidates.read', 'candidates.write', 'employers.read', 'network.read'],
  reader: ['reports'],
};

/** Whether a signed-in account of this role may call a method needing `capability`. */
export function roleMay(role: Role, capability: Capability): boolean {
  return capability === 'public' || capability === 'signedIn' || ROLE_CAPABILITIES[role].includes(capability);
}
