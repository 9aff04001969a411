import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Columns every exchanged record carries. `seq` is a stable integer rowid (the full-text
 * indexes are keyed on it, and an INTEGER PRIMARY KEY survives VACUUM where an implicit rowid
 * may not); it never leaves the database. `id` is a UUIDv7 (what partners see); `origin` is
 * the association a record came from (null: created here); timestamps are ISO 8601 UTC text.
 */
const recordColumns = () => ({
  seq: integer('seq').primaryKey(),
  id: text('id').notNull().unique(),
  origin: text('origin'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  archivedAt: text('archived_at'),
});

const bool = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);
const jsonList = <T>(name: string) => text(name, { mode: 'json' }).$type<T[]>().notNull().default([]);

export interface Occupation {
  label: string;
  romeCode: string | null;
}
export interface Qualification {
  label: string;
  recognised: boolean;
}

export const sectors = sqliteTable('sectors', {
  ...recordColumns(),
  /** Set for the sectors every installation starts with: their label is translated. */
  seedKey: text('seed_key').unique(),
  /** The staff's own label; overrides the translation of a seeded sector. */
  name: text('name'),
});

export const partners = sqliteTable(
  'partners',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address'),
    postalCode: text('postal_code'),
    commune: text('commune'),
    phone: text('phone'),
    email: text('email'),
    notes: text('notes'),
  },
  (table) => [index('partners_name_idx').on(table.name)],
);

export const partnerContacts = sqliteTable(
  'partner_contacts',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    phone: text('phone'),
    email: text('email'),
    position: integer('position').notNull().default(0),
  },
  (table) => [index('partner_contacts_partner_idx').on(table.partnerId)],
);

export const volunteers = sqliteTable(
  'volunteers',
  {
    ...recordColumns(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    availability: text('availability'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    notes: text('notes'),
  },
  (table) => [index('volunteers_name_idx').on(table.lastName, table.firstName)],
);

export const volunteerSectors = sqliteTable(
  'volunteer_sectors',
  {
    volunteerId: text('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    sectorId: text('sector_id')
      .notNull()
      .references(() => sectors.id),
  },
  (table) => [primaryKey({ columns: [table.volunteerId, table.sectorId] }), index('volunteer_sectors_sector_idx').on(table.sectorId)],
);

/** Volunteers work in pairs (*binômes*): one pair per sector, plus one for temp-work agencies. */
export const pairs = sqliteTable(
  'pairs',
  {
    ...recordColumns(),
    kind: text('kind').notNull(),
    sectorId: text('sector_id').references(() => sectors.id),
    firstVolunteerId: text('first_volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    secondVolunteerId: text('second_volunteer_id')
      .notNull()
      .references(() => volunteers.id),
  },
  (table) => [index('pairs_sector_idx').on(table.sectorId)],
);

export const candidates = sqliteTable(
  'candidates',
  {
    ...recordColumns(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** Other forms of the name (birth name, transliterations, usage name), searched too. */
    otherNames: jsonList<string>('other_names'),
    gender: text('gender'),
    birthDate: text('birth_date'),
    nationality: text('nationality'),
    languages: jsonList<string>('languages'),
    /** E.164 (+33612345678) when it parses, else as typed. */
    phone: text('phone'),
    phoneWhatsapp: bool('phone_whatsapp'),
    secondPhone: text('second_phone'),
    email: text('email'),
    address: text('address'),
    postalCode: text('postal_code'),
    commune: text('commune'),
    publicCategory: text('public_category'),
    status: text('status').notNull().default('new'),
    frenchLevel: text('french_level').notNull().default('not_assessed'),
    frenchLevelProof: text('french_level_proof'),
    frenchLevelDate: text('french_level_date'),
    authorisationDocument: text('authorisation_document'),
    authorisationStart: text('authorisation_start'),
    authorisationExpiry: text('authorisation_expiry'),
    employerMustApply: bool('employer_must_apply'),
    asylumRegisteredOn: text('asylum_registered_on'),
    mobility: text('mobility'),
    maxDistanceKm: integer('max_distance_km'),
    maxTravelMinutes: integer('max_travel_minutes'),
    occupations: jsonList<Occupation>('occupations'),
    experience: text('experience'),
    qualifications: jsonList<Qualification>('qualifications'),
    availability: text('availability'),
    availableFrom: text('available_from'),
    referralPartnerId: text('referral_partner_id').references(() => partners.id),
    referrerContact: text('referrer_contact'),
    referredOn: text('referred_on'),
    consentRecording: bool('consent_recording'),
    consentContact: bool('consent_contact'),
    consentDate: text('consent_date'),
    consentMethod: text('consent_method'),
    consentWithdrawnOn: text('consent_withdrawn_on'),
    /** Given unless the person refuses or takes it back: existing files were presented before this column (migration 0013). */
    consentPresentation: integer('consent_presentation', { mode: 'boolean' }).notNull().default(true),
    consentTextVersion: text('consent_text_version'),
    /** Stamped when the recording tick is taken back (erasure is then proposed); cleared when it is given again. */
    consentRecordingWithdrawnOn: text('consent_recording_withdrawn_on'),
    /** Restriction of processing (GDPR art. 18): while set, triggers refuse every write on the file but lifting it (migration 0013). */
    restrictedAt: text('restricted_at'),
    restrictionReason: text('restriction_reason'),
    /** The account's name at the time, as the audit log keeps it. */
    restrictedBy: text('restricted_by'),
    assignedPairId: text('assigned_pair_id').references(() => pairs.id),
    assignedVolunteerId: text('assigned_volunteer_id').references(() => volunteers.id),
    /** Set when this file was merged into another one (it is then archived). */
    mergedIntoId: text('merged_into_id'),
    /** Date of the latest timeline event, kept by triggers (matching and the home screen read it). */
    lastContactOn: text('last_contact_on'),
    /** The last day an administrator decided to keep the file past its retention date (shared/retention.ts). */
    retentionKeptOn: text('retention_kept_on'),
    /** Set when the file was anonymised: a statistical skeleton, nothing that identifies the person. */
    anonymisedAt: text('anonymised_at'),
  },
  (table) => [
    // Lists show active (or archived) files in a chosen order: archivedAt first lets one index
    // both filter and order, so a page deep in 100,000 files needs no sort.
    index('candidates_name_idx').on(table.lastName, table.firstName),
    index('candidates_archived_name_idx').on(table.archivedAt, table.lastName, table.firstName),
    index('candidates_archived_updated_idx').on(table.archivedAt, table.updatedAt),
    index('candidates_archived_created_idx').on(table.archivedAt, table.createdAt),
    index('candidates_archived_expiry_idx').on(table.archivedAt, table.authorisationExpiry),
    index('candidates_birth_date_idx').on(table.birthDate),
    index('candidates_phone_idx').on(table.phone),
    index('candidates_second_phone_idx').on(table.secondPhone),
    index('candidates_email_idx').on(table.email),
    index('candidates_status_idx').on(table.status),
    index('candidates_referral_partner_idx').on(table.referralPartnerId),
    index('candidates_assigned_pair_idx').on(table.assignedPairId),
    index('candidates_archived_contact_idx').on(table.archivedAt, table.lastContactOn),
    // The home screen counts what is due among 100,000 files from the index alone (no row read):
    // authorisations by expiry, files quiet since their last contact (or creation), files created;
    // the consent columns are there because the reminders follow the person's consent.
    index('candidates_archived_expiry_status_idx').on(table.archivedAt, table.authorisationExpiry, table.status, table.consentWithdrawnOn, table.restrictedAt),
    index('candidates_archived_quiet_idx').on(
      table.archivedAt,
      sql`coalesce(last_contact_on, substr(created_at, 1, 10))`,
      table.status,
      table.consentContact,
      table.consentWithdrawnOn,
      table.restrictedAt,
    ),
    index('candidates_created_idx').on(table.createdAt, table.mergedIntoId),
    // Retention reads the files whose date is near from the index alone: their reference day
    // (the later of the last contact, else creation, and the last decision to keep them).
    index('candidates_retention_idx').on(
      table.anonymisedAt,
      sql`max(coalesce(last_contact_on, substr(created_at, 1, 10)), coalesce(retention_kept_on, ''))`,
    ),
    // The few files whose erasure is proposed (store/dashboard.ts: erasureProposals), in withdrawal order; keep both texts alike.
    index('candidates_erasure_proposed_idx')
      .on(sql`coalesce(consent_withdrawn_on, consent_recording_withdrawn_on)`)
      .where(sql`consent_withdrawn_on IS NOT NULL OR consent_recording_withdrawn_on IS NOT NULL`),
    // The reports read every file's counted columns, and look files up by id, from this index
    // alone: a row of the table is ~2 KB of encrypted pages, an entry here ~100 bytes (0016).
    index('candidates_report_idx').on(
      table.id,
      table.mergedIntoId,
      table.createdAt,
      table.archivedAt,
      table.publicCategory,
      table.referralPartnerId,
      table.assignedPairId,
      table.gender,
      table.birthDate,
      table.nationality,
      table.frenchLevel,
      table.status,
      table.referredOn,
    ),
    // The few files merged into another, which a report leaves out: read from here without
    // touching the others (0018).
    index('candidates_merged_idx').on(table.mergedIntoId).where(sql`merged_into_id IS NOT NULL`),
    // The keys an import's duplicate check compares, read whole from here: a fifth of the table's
    // pages (0020). The flags come last: led by them, the index drew every query asking for
    // unmerged files (the dashboard's, retention's) away from their own ranges.
    index('candidates_duplicate_keys_idx').on(
      table.birthDate,
      table.phone,
      table.secondPhone,
      table.email,
      table.firstName,
      table.lastName,
      table.otherNames,
      table.mergedIntoId,
      table.anonymisedAt,
      table.id,
    ),
    // Referrals by partner and day (the referral, else the creation), read in the partner's order
    // so the report's count needs no sort; the id and pair for the population filters (0018).
    index('candidates_referral_report_idx').on(
      table.referralPartnerId,
      sql`coalesce(referred_on, substr(created_at, 1, 10))`,
      table.mergedIntoId,
      table.id,
      table.assignedPairId,
    ),
  ],
);

export const candidateSectors = sqliteTable(
  'candidate_sectors',
  {
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    sectorId: text('sector_id')
      .notNull()
      .references(() => sectors.id),
  },
  (table) => [primaryKey({ columns: [table.candidateId, table.sectorId] }), index('candidate_sectors_sector_idx').on(table.sectorId)],
);

/**
 * The administrative status (public category) and French level a file held, each from a day on:
 * reports count a person under the values of the period, not today's. Written by triggers on
 * every insert or change of the two columns, whatever the path (migration 0017).
 */
export const candidateStatusHistory = sqliteTable(
  'candidate_status_history',
  {
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    /** `public_category` or `french_level`. */
    attribute: text('attribute').notNull(),
    fromDate: text('from_date').notNull(),
    value: text('value'),
  },
  (table) => [
    primaryKey({ columns: [table.candidateId, table.attribute, table.fromDate] }),
    // Covering: a report reads a file's value on a day from the index alone.
    index('candidate_status_history_value_idx').on(table.candidateId, table.attribute, table.fromDate, table.value),
  ],
);

/** The programmes and funders an association reports to ("FSE+ 2026", "PLIE"), named in Settings. */
export const programmes = sqliteTable('programmes', {
  ...recordColumns(),
  name: text('name').notNull().unique(),
});

/** The programmes a file is in, with the day it joined. */
export const candidateProgrammes = sqliteTable(
  'candidate_programmes',
  {
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id')
      .notNull()
      .references(() => programmes.id),
    joinedOn: text('joined_on').notNull(),
  },
  (table) => [primaryKey({ columns: [table.candidateId, table.programmeId] }), index('candidate_programmes_programme_idx').on(table.programmeId, table.joinedOn, table.candidateId)],
);

/** One row per barrier theme a candidate has had; health holds only the flag and a note. */
export const candidateBarriers = sqliteTable(
  'candidate_barriers',
  {
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    theme: text('theme').notNull(),
    status: text('status').notNull(),
    action: text('action'),
    changedOn: text('changed_on'),
  },
  (table) => [primaryKey({ columns: [table.candidateId, table.theme] })],
);

/**
 * What happened to a candidate's barriers, one row per change (opened, updated, lifted,
 * reopened, removed) with the barrier as it became, who (the name typed on this computer)
 * and when. Goes with the file (cascade); stays on this computer (not exchanged).
 */
export const candidateBarrierEvents = sqliteTable(
  'candidate_barrier_events',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    theme: text('theme').notNull(),
    change: text('change').notNull(),
    /** The barrier after the change; null when it was removed. */
    status: text('status'),
    action: text('action'),
    changedOn: text('changed_on'),
    author: text('author'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('candidate_barrier_events_candidate_idx').on(table.candidateId, table.createdAt)],
);

/** The partners a candidate agreed to have their file shared with. */
export const candidateSharingConsents = sqliteTable(
  'candidate_sharing_consents',
  {
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
  },
  (table) => [primaryKey({ columns: [table.candidateId, table.partnerId] })],
);

/**
 * A merge that can still be undone: both files and every row it changed as they were before
 * (`before`) and right after (`after`). An undo puts `before` back only while the rows still
 * equal `after`, then deletes this row; nothing here is exchanged or reported.
 */
export const candidateMerges = sqliteTable(
  'candidate_merges',
  {
    id: text('id').primaryKey(),
    keptId: text('kept_id')
      .notNull()
      .references(() => candidates.id),
    mergedId: text('merged_id')
      .notNull()
      .references(() => candidates.id),
    mergedAt: text('merged_at').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown[]>>().notNull(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown[]>>().notNull(),
  },
  (table) => [uniqueIndex('candidate_merges_merged_idx').on(table.mergedId), index('candidate_merges_kept_idx').on(table.keptId)],
);

export const employers = sqliteTable(
  'employers',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    siret: text('siret').unique(),
    sectorId: text('sector_id').references(() => sectors.id),
    address: text('address'),
    postalCode: text('postal_code'),
    commune: text('commune'),
    charterSignedOn: text('charter_signed_on'),
    notes: text('notes'),
    /** What kind of employer (shared/employers.ts EMPLOYER_KINDS); null when not said. */
    kind: text('kind'),
  },
  (table) => [
    index('employers_name_idx').on(table.name),
    index('employers_sector_idx').on(table.sectorId),
    // What the reports read of an employer (a hire's sector, kind and name; files created and
    // charters signed), from the index alone: an employer's row is wide encrypted pages (0018).
    index('employers_report_idx').on(table.id, table.sectorId, table.kind, table.name, table.createdAt, table.charterSignedOn),
  ],
);

export const employerContacts = sqliteTable(
  'employer_contacts',
  {
    id: text('id').primaryKey(),
    employerId: text('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    phone: text('phone'),
    email: text('email'),
    position: integer('position').notNull().default(0),
  },
  (table) => [index('employer_contacts_employer_idx').on(table.employerId)],
);

export const jobNeeds = sqliteTable(
  'job_needs',
  {
    ...recordColumns(),
    employerId: text('employer_id')
      .notNull()
      .references(() => employers.id),
    occupation: text('occupation').notNull(),
    romeCode: text('rome_code'),
    sectorId: text('sector_id').references(() => sectors.id),
    positions: integer('positions').notNull().default(1),
    contractType: text('contract_type').notNull(),
    hoursPerWeek: real('hours_per_week'),
    place: text('place'),
    /** Where the job is, for distances; the employer's postal code when not set. */
    postalCode: text('postal_code'),
    startDate: text('start_date'),
    /** End of the contract (none for a CDI): the work authorisation must last until then. */
    endDate: text('end_date'),
    minFrenchLevel: text('min_french_level'),
    drivingLicenceRequired: bool('driving_licence_required'),
    authorisationThroughContract: integer('authorisation_through_contract', { mode: 'boolean' }).notNull().default(true),
    validUntil: text('valid_until'),
    state: text('state').notNull().default('open'),
    notes: text('notes'),
  },
  (table) => [
    index('job_needs_employer_idx').on(table.employerId),
    index('job_needs_state_idx').on(table.state),
    // The reports' sectors and needs opened, from the index alone (0016).
    index('job_needs_report_idx').on(table.id, table.employerId, table.sectorId, table.createdAt, table.archivedAt),
  ],
);

/** A candidate proposed for a job need (*mise en relation*), and where that stands. */
export const presentations = sqliteTable(
  'presentations',
  {
    ...recordColumns(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id),
    jobNeedId: text('job_need_id')
      .notNull()
      .references(() => jobNeeds.id),
    state: text('state').notNull(),
    refusalReason: text('refusal_reason'),
    proposedOn: text('proposed_on').notNull(),
    stateChangedOn: text('state_changed_on').notNull(),
  },
  (table) => [
    index('presentations_candidate_idx').on(table.candidateId, table.proposedOn, table.archivedAt),
    index('presentations_job_need_idx').on(table.jobNeedId),
    index('presentations_state_idx').on(table.state, table.stateChangedOn),
    index('presentations_proposed_idx').on(table.proposedOn),
    // The reports' presentations of a period, from the index alone (0016).
    index('presentations_report_idx').on(table.proposedOn, table.archivedAt, table.candidateId, table.state, table.refusalReason, table.jobNeedId),
  ],
);

/** Every change of a presentation's state, with author and date. */
export const presentationEvents = sqliteTable(
  'presentation_events',
  {
    id: text('id').primaryKey(),
    presentationId: text('presentation_id')
      .notNull()
      .references(() => presentations.id, { onDelete: 'cascade' }),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    on: text('on').notNull(),
    author: text('author'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('presentation_events_presentation_idx').on(table.presentationId, table.createdAt)],
);

/** Immersions (PMSMP), internship-apprenticeships, temporary-work missions, training. */
export const placements = sqliteTable(
  'placements',
  {
    ...recordColumns(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id),
    kind: text('kind').notNull(),
    employerId: text('employer_id').references(() => employers.id),
    organisation: text('organisation'),
    jobNeedId: text('job_need_id').references(() => jobNeeds.id),
    presentationId: text('presentation_id').references(() => presentations.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    renewsId: text('renews_id'),
    tutor: text('tutor'),
    objective: text('objective'),
    prescriber: text('prescriber'),
    stipendAmount: real('stipend_amount'),
    stipendPayer: text('stipend_payer'),
    outcome: text('outcome'),
    endedOn: text('ended_on'),
    notes: text('notes'),
    /** The staffer's answer when recorded: the employer is applying for the work authorisation. */
    employerApplying: bool('employer_applying'),
  },
  (table) => [
    index('placements_candidate_idx').on(table.candidateId, table.startDate, table.endDate, table.archivedAt),
    index('placements_employer_idx').on(table.employerId),
    index('placements_end_idx').on(table.outcome, table.endDate),
    index('placements_start_idx').on(table.startDate),
    index('placements_renews_idx').on(table.renewsId, table.archivedAt, table.startDate, table.endDate, table.endedOn),
    // The reports' placements of a period, from the index alone (0016).
    index('placements_report_idx').on(
      table.startDate,
      table.archivedAt,
      table.candidateId,
      table.kind,
      table.renewsId,
      table.endDate,
      table.endedOn,
      table.employerId,
      table.jobNeedId,
      table.objective,
    ),
  ],
);

/** A person hired (or creating a business, or entering qualifying training). */
export const recruitments = sqliteTable(
  'recruitments',
  {
    ...recordColumns(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id),
    kind: text('kind').notNull(),
    employerId: text('employer_id').references(() => employers.id),
    organisation: text('organisation'),
    jobNeedId: text('job_need_id').references(() => jobNeeds.id),
    presentationId: text('presentation_id').references(() => presentations.id),
    hoursPerWeek: real('hours_per_week'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    notes: text('notes'),
    /** The staffer's answer when recorded: the employer is applying for the work authorisation. */
    employerApplying: bool('employer_applying'),
  },
  (table) => [
    index('recruitments_candidate_idx').on(table.candidateId, table.startDate, table.archivedAt),
    index('recruitments_employer_idx').on(table.employerId),
    index('recruitments_job_need_idx').on(table.jobNeedId),
    index('recruitments_start_idx').on(table.startDate),
    // The reports' recruitments of a period, and those a follow-up names, from the indexes alone (0016).
    index('recruitments_report_idx').on(
      table.startDate,
      table.archivedAt,
      table.candidateId,
      table.kind,
      table.endDate,
      table.jobNeedId,
      table.employerId,
      table.organisation,
    ),
    index('recruitments_id_report_idx').on(table.id, table.archivedAt, table.candidateId),
  ],
);

/** Whether a recruited person is still employed, 1, 3, 6 and 12 months after the start. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    recruitmentId: text('recruitment_id')
      .notNull()
      .references(() => recruitments.id, { onDelete: 'cascade' }),
    monthsAfter: integer('months_after').notNull(),
    dueOn: text('due_on').notNull(),
    result: text('result').notNull().default('pending'),
    leftReason: text('left_reason'),
    recordedOn: text('recorded_on'),
    author: text('author'),
    note: text('note'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('follow_ups_unique').on(table.recruitmentId, table.monthsAfter),
    index('follow_ups_due_idx').on(table.result, table.dueOn),
    // The reports' 6-month follow-ups of a period, from the index alone (0016).
    index('follow_ups_report_idx').on(table.monthsAfter, table.dueOn, table.recruitmentId, table.result),
  ],
);

/** Drop-in sessions (*permanences*) where volunteers meet candidates. */
export const dropinSessions = sqliteTable(
  'dropin_sessions',
  {
    ...recordColumns(),
    date: text('date').notNull(),
    place: text('place').notNull(),
    notes: text('notes'),
  },
  (table) => [index('dropin_sessions_date_idx').on(table.date)],
);

export const sessionVolunteers = sqliteTable(
  'session_volunteers',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => dropinSessions.id, { onDelete: 'cascade' }),
    volunteerId: text('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.volunteerId] })],
);

export const sessionVisits = sqliteTable(
  'session_visits',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => dropinSessions.id, { onDelete: 'cascade' }),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('session_visits_unique').on(table.sessionId, table.candidateId),
    index('session_visits_candidate_idx').on(table.candidateId, table.sessionId),
  ],
);

export const volunteerHours = sqliteTable(
  'volunteer_hours',
  {
    id: text('id').primaryKey(),
    volunteerId: text('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    date: text('date').notNull(),
    minutes: integer('minutes').notNull(),
    sessionId: text('session_id').references(() => dropinSessions.id),
    task: text('task'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('volunteer_hours_volunteer_idx').on(table.volunteerId, table.date)],
);

/** Calls, meetings, drop-in visits, messages and notes about a candidate, employer or partner. */
export const timelineEvents = sqliteTable(
  'timeline_events',
  {
    id: text('id').notNull(),
    origin: text('origin'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    kind: text('kind').notNull(),
    occurredAt: text('occurred_at').notNull(),
    author: text('author'),
    text: text('text'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    // A file's events side by side (the migration makes the table WITHOUT ROWID, which drizzle
    // cannot say): they lay all over it in the order written, and reading 10,000 files' events
    // for an export decrypted about 38,000 of its 52,000 pages at 100,000 files.
    primaryKey({ columns: [table.subjectType, table.subjectId, table.id] }),
    uniqueIndex('timeline_events_id_idx').on(table.id),
    index('timeline_subject_idx').on(table.subjectType, table.subjectId, table.occurredAt),
    // The subject too, for the reports: the employers engaged in a period read from the index alone.
    index('timeline_kind_idx').on(table.subjectType, table.kind, table.occurredAt, table.subjectId),
  ],
);

/** Who did what, kept for accountability only (CNIL: 6 to 12 months). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    /** The account's name at the time (kept when the account is renamed or disabled); before accounts, the typed author. */
    actor: text('actor'),
    /** The signed-in account; null for entries written before accounts, or by a call without a session. */
    accountId: text('account_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (table) => [
    index('audit_log_at_idx').on(table.at),
    index('audit_log_subject_idx').on(table.subjectType, table.subjectId),
    index('audit_log_account_idx').on(table.accountId, table.at),
  ],
);

/** Partner associations' public cards: who they are and the keys their files use. */
export const partnerCards = sqliteTable(
  'partner_cards',
  {
    ...recordColumns(),
    /** The association's own id, the same on every card it sends. */
    associationId: text('association_id').notNull().unique(),
    /** The partner record it belongs to here, when the staffer linked one. */
    partnerId: text('partner_id').references(() => partners.id),
    name: text('name').notNull(),
    siret: text('siret'),
    email: text('email'),
    phone: text('phone'),
    ageRecipient: text('age_recipient').notNull(),
    signingPublicKey: text('signing_public_key').notNull(),
    /** When a staffer confirmed the fingerprint with the partner; null: not verified. */
    verifiedAt: text('verified_at'),
    /** The highest export sequence number imported from them (an older one is a replay). */
    lastSequence: integer('last_sequence').notNull().default(0),
  },
  (table) => [index('partner_cards_partner_idx').on(table.partnerId)],
);

/** Every export and import: what the association shared, with whom, when (GDPR accountability). */
export const exchangeLog = sqliteTable(
  'exchange_log',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    actor: text('actor'),
    direction: text('direction').notNull(),
    exportId: text('export_id').notNull(),
    sequence: integer('sequence').notNull(),
    /** The other side: their association id and name as on the file or card. */
    counterpartId: text('counterpart_id'),
    counterpartName: text('counterpart_name'),
    byPassphrase: bool('by_passphrase'),
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    /** Ids of the records sent or written, so a person's sharing history can be shown. */
    recordIds: jsonList<string>('record_ids'),
    fileName: text('file_name'),
  },
  (table) => [index('exchange_log_at_idx').on(table.at), index('exchange_log_export_idx').on(table.exportId)],
);

/**
 * The version of each record last agreed with an association (sent to or received from
 * it): an import compares both sides to it to tell an update from a conflict.
 */
export const exchangedRecords = sqliteTable(
  'exchanged_records',
  {
    associationId: text('association_id').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.associationId, table.recordType, table.recordId] })],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/**
 * The people who sign in: one account per person, never deleted (the audit log keeps the name),
 * disabled instead. Passwords are not here: each account's copy of the database key, wrapped by
 * a key derived from its password, is in the keyring file beside the database.
 */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ['administrator', 'staff', 'volunteer', 'reader'] }).notNull(),
    /** The volunteer record a volunteer's account is: what their scope is computed from. */
    volunteerId: text('volunteer_id').references(() => volunteers.id),
    createdAt: text('created_at').notNull(),
    disabledAt: text('disabled_at'),
    lastSignInAt: text('last_sign_in_at'),
  },
  // Unique whatever the case (SQLite's lower() folds ASCII; the service compares every letter).
  () => [uniqueIndex('accounts_name_idx').on(sql`lower(name)`)],
);

/**
 * What a merge wrote into a record, as its import notes it (what undo takes out again): the name
 * of a field it filled, or the items it added to a list (sectors, occupations, contacts).
 */
export type MergedField = string | { field: string; added: unknown[] };

/** Spreadsheets brought in: what each import created, so it can be undone while nothing else has touched it. */
export const sheetImports = sqliteTable('sheet_imports', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  importedAt: text('imported_at').notNull(),
  undoneAt: text('undone_at'),
});

export const sheetImportRecords = sqliteTable(
  'sheet_import_records',
  {
    importId: text('import_id')
      .notNull()
      .references(() => sheetImports.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    /** 'created': the import made the record (undo deletes it); 'merged': it filled an existing one. */
    kind: text('kind').notNull().default('created'),
    /** The fields a merge filled, which undo empties again; null for a record created. */
    filledFields: text('filled_fields', { mode: 'json' }).$type<MergedField[]>(),
  },
  (table) => [primaryKey({ columns: [table.importId, table.recordType, table.recordId] })],
);

/**
 * The people erased at their request (GDPR art. 17): only the id, when, who did it and why (a
 * closed list, never free text). Kept by a restore, and read by every import: an erased person
 * does not come back from an older backup or a partner's file.
 */
export const erasureRegister = sqliteTable('erasure_register', {
  candidateId: text('candidate_id').primaryKey(),
  erasedAt: text('erased_at').notNull(),
  accountId: text('account_id'),
  reason: text('reason').notNull(),
});

/**
 * The people's requests about their data (GDPR art. 15 to 21), for the one month the law gives
 * to answer: only the person's id, the kind, when and how it came, who asked (the person or a
 * representative) and when it was answered. No name: the request outlives an erasure.
 */
export const rightsRequests = sqliteTable(
  'rights_requests',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id').notNull(),
    kind: text('kind').notNull(),
    receivedOn: text('received_on').notNull(),
    channel: text('channel').notNull(),
    requester: text('requester').notNull(),
    recordedBy: text('recorded_by'),
    createdAt: text('created_at').notNull(),
    answeredOn: text('answered_on'),
    answeredBy: text('answered_by'),
  },
  (table) => [index('rights_requests_open_idx').on(table.answeredOn, table.receivedOn), index('rights_requests_candidate_idx').on(table.candidateId)],
);

/**
 * A partner's request to erase a person whose file it sent or received (art. 17 and 19), as it
 * arrived in an exchange file: the partner, the ids of the person's files here and the day they
 * erased them. Nothing is erased until the staffer decides (erase, or decline with a reason).
 */
export const partnerErasureRequests = sqliteTable('partner_erasure_requests', {
  /** The request file's own id (its export id). */
  id: text('id').primaryKey(),
  associationId: text('association_id').notNull(),
  associationName: text('association_name').notNull(),
  candidateIds: jsonList<string>('candidate_ids'),
  erasedOn: text('erased_on').notNull(),
  receivedAt: text('received_at').notNull(),
  decidedAt: text('decided_at'),
  decision: text('decision'),
  declineReason: text('decline_reason'),
});

/**
 * The diagnosis made when the person came (French level, open barriers, project), kept as it was
 * so progress can be shown and counted: written once per file, never updated.
 */
export const candidateDiagnoses = sqliteTable('candidate_diagnoses', {
  candidateId: text('candidate_id')
    .primaryKey()
    .references(() => candidates.id, { onDelete: 'cascade' }),
  frenchLevel: text('french_level').notNull(),
  /** The barriers' themes that stood open. */
  openBarriers: jsonList<string>('open_barriers'),
  project: text('project'),
  recordedOn: text('recorded_on').notNull(),
  author: text('author'),
  createdAt: text('created_at').notNull(),
});

/** What a person's action plan aims at ("French B1 by June"), with its outcome. */
export const planObjectives = sqliteTable(
  'plan_objectives',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    targetDate: text('target_date'),
    status: text('status').notNull(),
    outcome: text('outcome'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('plan_objectives_candidate_idx').on(table.candidateId, table.createdAt)],
);

/** A dated step towards an objective, who carries it, where it stands and what came of it. */
export const planSteps = sqliteTable(
  'plan_steps',
  {
    id: text('id').primaryKey(),
    objectiveId: text('objective_id')
      .notNull()
      .references(() => planObjectives.id, { onDelete: 'cascade' }),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    dueOn: text('due_on'),
    responsible: text('responsible').notNull(),
    volunteerId: text('volunteer_id').references(() => volunteers.id),
    partnerId: text('partner_id').references(() => partners.id),
    status: text('status').notNull(),
    outcome: text('outcome'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('plan_steps_candidate_idx').on(table.candidateId, table.dueOn), index('plan_steps_objective_idx').on(table.objectiveId)],
);

/** Every change of a step (created, changed, removed) as it became, who and when. */
export const planStepEvents = sqliteTable(
  'plan_step_events',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    change: text('change').notNull(),
    /** The fields that changed, with their new values (null when removed). */
    changed: text('changed', { mode: 'json' }).$type<Record<string, unknown>>(),
    author: text('author'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    index('plan_step_events_candidate_idx').on(table.candidateId, table.createdAt),
    // The steps done in a report's periods, found by the day of the change (0018).
    index('plan_step_events_created_idx').on(table.createdAt),
  ],
);

/**
 * An appointment with a person: at a drop-in session, by phone, at an employer's (an interview
 * of a presentation), at the prefecture. `startsAt` is the local time in Europe/Paris
 * (`YYYY-MM-DDTHH:MM`): planned in the future, or what happened, with its outcome.
 */
export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    startsAt: text('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place'),
    volunteerId: text('volunteer_id').references(() => volunteers.id),
    presentationId: text('presentation_id').references(() => presentations.id, { onDelete: 'set null' }),
    sessionId: text('session_id').references(() => dropinSessions.id, { onDelete: 'set null' }),
    stepId: text('step_id').references(() => planSteps.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    outcome: text('outcome'),
    notes: text('notes'),
    author: text('author'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('appointments_starts_idx').on(table.startsAt),
    index('appointments_candidate_idx').on(table.candidateId, table.startsAt),
    index('appointments_volunteer_idx').on(table.volunteerId, table.startsAt),
  ],
);
