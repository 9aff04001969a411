-- What a new Tremplin database holds: the schema and seeded rows the migrations up to 0021_timeline_by_file leave, in one script.
-- Written by `npm run db:baseline` after each new migration, never by hand: test/unit/db/baseline.test.ts compares it with the migrations.
-- after: 0021_timeline_by_file
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor` text,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`details` text
, `account_id` text);
--> statement-breakpoint
CREATE TABLE `candidate_barriers` (
	`candidate_id` text NOT NULL,
	`theme` text NOT NULL,
	`status` text NOT NULL,
	`action` text,
	`changed_on` text,
	PRIMARY KEY(`candidate_id`, `theme`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `candidate_sectors` (
	`candidate_id` text NOT NULL,
	`sector_id` text NOT NULL,
	PRIMARY KEY(`candidate_id`, `sector_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `candidate_sharing_consents` (
	`candidate_id` text NOT NULL,
	`partner_id` text NOT NULL,
	PRIMARY KEY(`candidate_id`, `partner_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `candidates` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`other_names` text DEFAULT '[]' NOT NULL,
	`gender` text,
	`birth_date` text,
	`nationality` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`phone` text,
	`phone_whatsapp` integer DEFAULT false NOT NULL,
	`second_phone` text,
	`email` text,
	`address` text,
	`postal_code` text,
	`commune` text,
	`public_category` text,
	`status` text DEFAULT 'new' NOT NULL,
	`french_level` text DEFAULT 'not_assessed' NOT NULL,
	`french_level_proof` text,
	`french_level_date` text,
	`authorisation_document` text,
	`authorisation_start` text,
	`authorisation_expiry` text,
	`employer_must_apply` integer DEFAULT false NOT NULL,
	`asylum_registered_on` text,
	`mobility` text,
	`max_distance_km` integer,
	`max_travel_minutes` integer,
	`occupations` text DEFAULT '[]' NOT NULL,
	`experience` text,
	`qualifications` text DEFAULT '[]' NOT NULL,
	`availability` text,
	`available_from` text,
	`referral_partner_id` text,
	`referrer_contact` text,
	`referred_on` text,
	`consent_recording` integer DEFAULT false NOT NULL,
	`consent_contact` integer DEFAULT false NOT NULL,
	`consent_date` text,
	`consent_method` text,
	`consent_withdrawn_on` text,
	`assigned_pair_id` text,
	`assigned_volunteer_id` text,
	`merged_into_id` text, `last_contact_on` text, `retention_kept_on` text, `anonymised_at` text, `consent_presentation` integer DEFAULT true NOT NULL, `consent_text_version` text, `consent_recording_withdrawn_on` text, `restricted_at` text, `restriction_reason` text, `restricted_by` text,
	FOREIGN KEY (`referral_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_pair_id`) REFERENCES `pairs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dropin_sessions` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`date` text NOT NULL,
	`place` text NOT NULL,
	`notes` text
);
--> statement-breakpoint
CREATE TABLE `employer_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`employer_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`phone` text,
	`email` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `employers` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`name` text NOT NULL,
	`siret` text,
	`sector_id` text,
	`address` text,
	`postal_code` text,
	`commune` text,
	`charter_signed_on` text,
	`notes` text, `kind` text,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `job_needs` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`employer_id` text NOT NULL,
	`occupation` text NOT NULL,
	`rome_code` text,
	`sector_id` text,
	`positions` integer DEFAULT 1 NOT NULL,
	`contract_type` text NOT NULL,
	`hours_per_week` real,
	`place` text,
	`start_date` text,
	`end_date` text,
	`min_french_level` text,
	`driving_licence_required` integer DEFAULT false NOT NULL,
	`authorisation_through_contract` integer DEFAULT true NOT NULL,
	`valid_until` text,
	`state` text DEFAULT 'open' NOT NULL,
	`notes` text, `postal_code` text,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pairs` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`kind` text NOT NULL,
	`sector_id` text,
	`first_volunteer_id` text NOT NULL,
	`second_volunteer_id` text NOT NULL,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `partner_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`phone` text,
	`email` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `partners` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`address` text,
	`postal_code` text,
	`commune` text,
	`phone` text,
	`email` text,
	`notes` text
);
--> statement-breakpoint
CREATE TABLE `sectors` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`seed_key` text,
	`name` text
);
--> statement-breakpoint
CREATE TABLE `session_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `dropin_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `session_volunteers` (
	`session_id` text NOT NULL,
	`volunteer_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `volunteer_id`),
	FOREIGN KEY (`session_id`) REFERENCES `dropin_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `volunteer_hours` (
	`id` text PRIMARY KEY NOT NULL,
	`volunteer_id` text NOT NULL,
	`date` text NOT NULL,
	`minutes` integer NOT NULL,
	`session_id` text,
	`task` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `dropin_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `volunteer_sectors` (
	`volunteer_id` text NOT NULL,
	`sector_id` text NOT NULL,
	PRIMARY KEY(`volunteer_id`, `sector_id`),
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `volunteers` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`phone` text,
	`email` text,
	`availability` text,
	`active` integer DEFAULT true NOT NULL,
	`notes` text
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `employer_search` USING fts5(`names`, `contact`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `volunteer_search` USING fts5(`names`, `contact`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `partner_search` USING fts5(`names`, `contact`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`recruitment_id` text NOT NULL,
	`months_after` integer NOT NULL,
	`due_on` text NOT NULL,
	`result` text DEFAULT 'pending' NOT NULL,
	`left_reason` text,
	`recorded_on` text,
	`author` text,
	`note` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`recruitment_id`) REFERENCES `recruitments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `placements` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`candidate_id` text NOT NULL,
	`kind` text NOT NULL,
	`employer_id` text,
	`organisation` text,
	`job_need_id` text,
	`presentation_id` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`renews_id` text,
	`tutor` text,
	`objective` text,
	`prescriber` text,
	`stipend_amount` real,
	`stipend_payer` text,
	`outcome` text,
	`ended_on` text,
	`notes` text, `employer_applying` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_need_id`) REFERENCES `job_needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presentation_id`) REFERENCES `presentations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `presentation_events` (
	`id` text PRIMARY KEY NOT NULL,
	`presentation_id` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`on` text NOT NULL,
	`author` text,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`presentation_id`) REFERENCES `presentations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `presentations` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`candidate_id` text NOT NULL,
	`job_need_id` text NOT NULL,
	`state` text NOT NULL,
	`refusal_reason` text,
	`proposed_on` text NOT NULL,
	`state_changed_on` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_need_id`) REFERENCES `job_needs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recruitments` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`candidate_id` text NOT NULL,
	`kind` text NOT NULL,
	`employer_id` text,
	`organisation` text,
	`job_need_id` text,
	`presentation_id` text,
	`hours_per_week` real,
	`start_date` text NOT NULL,
	`end_date` text,
	`notes` text, `employer_applying` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_need_id`) REFERENCES `job_needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presentation_id`) REFERENCES `presentations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `exchange_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor` text,
	`direction` text NOT NULL,
	`export_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`counterpart_id` text,
	`counterpart_name` text,
	`by_passphrase` integer DEFAULT false NOT NULL,
	`counts` text NOT NULL,
	`record_ids` text DEFAULT '[]' NOT NULL,
	`file_name` text
);
--> statement-breakpoint
CREATE TABLE `exchanged_records` (
	`association_id` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`association_id`, `record_type`, `record_id`)
);
--> statement-breakpoint
CREATE TABLE `partner_cards` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`association_id` text NOT NULL,
	`partner_id` text,
	`name` text NOT NULL,
	`siret` text,
	`email` text,
	`phone` text,
	`age_recipient` text NOT NULL,
	`signing_public_key` text NOT NULL,
	`verified_at` text,
	`last_sequence` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `candidate_search` USING fts5(
	`names`,
	`contact`,
	`state`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2'
);
--> statement-breakpoint
CREATE TABLE `candidate_barrier_events` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`theme` text NOT NULL,
	`change` text NOT NULL,
	`status` text,
	`action` text,
	`changed_on` text,
	`author` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `candidate_merges` (
	`id` text PRIMARY KEY NOT NULL,
	`kept_id` text NOT NULL,
	`merged_id` text NOT NULL,
	`merged_at` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	FOREIGN KEY (`kept_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`volunteer_id` text,
	`created_at` text NOT NULL,
	`disabled_at` text,
	`last_sign_in_at` text,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sheet_import_records` (
	`import_id` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL, `kind` text DEFAULT 'created' NOT NULL, `filled_fields` text,
	PRIMARY KEY(`import_id`, `record_type`, `record_id`),
	FOREIGN KEY (`import_id`) REFERENCES `sheet_imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sheet_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`imported_at` text NOT NULL,
	`undone_at` text
);
--> statement-breakpoint
CREATE TABLE `erasure_register` (
	`candidate_id` text PRIMARY KEY NOT NULL,
	`erased_at` text NOT NULL,
	`account_id` text,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `partner_erasure_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`association_name` text NOT NULL,
	`candidate_ids` text DEFAULT '[]' NOT NULL,
	`erased_on` text NOT NULL,
	`received_at` text NOT NULL,
	`decided_at` text,
	`decision` text,
	`decline_reason` text
);
--> statement-breakpoint
CREATE TABLE `rights_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`kind` text NOT NULL,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`requester` text NOT NULL,
	`recorded_by` text,
	`created_at` text NOT NULL,
	`answered_on` text,
	`answered_by` text
);
--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`kind` text NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`place` text,
	`volunteer_id` text,
	`presentation_id` text,
	`session_id` text,
	`step_id` text,
	`status` text NOT NULL,
	`outcome` text,
	`notes` text,
	`author` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presentation_id`) REFERENCES `presentations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`session_id`) REFERENCES `dropin_sessions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`step_id`) REFERENCES `plan_steps`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `candidate_diagnoses` (
	`candidate_id` text PRIMARY KEY NOT NULL,
	`french_level` text NOT NULL,
	`open_barriers` text DEFAULT '[]' NOT NULL,
	`project` text,
	`recorded_on` text NOT NULL,
	`author` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_objectives` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`label` text NOT NULL,
	`target_date` text,
	`status` text NOT NULL,
	`outcome` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_step_events` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`step_id` text NOT NULL,
	`change` text NOT NULL,
	`changed` text,
	`author` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`objective_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`due_on` text,
	`responsible` text NOT NULL,
	`volunteer_id` text,
	`partner_id` text,
	`status` text NOT NULL,
	`outcome` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `plan_objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `programmes` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `candidate_programmes` (
	`candidate_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`joined_on` text NOT NULL,
	PRIMARY KEY(`candidate_id`, `programme_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `candidate_status_history` (
	`candidate_id` text NOT NULL,
	`attribute` text NOT NULL,
	`from_date` text NOT NULL,
	`value` text,
	PRIMARY KEY(`candidate_id`, `attribute`, `from_date`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE "timeline_events" (
	`id` text NOT NULL,
	`origin` text,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` text NOT NULL,
	`author` text,
	`text` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`subject_type`, `subject_id`, `id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);
--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject_type`,`subject_id`);
--> statement-breakpoint
CREATE INDEX `candidate_sectors_sector_idx` ON `candidate_sectors` (`sector_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidates_id_unique` ON `candidates` (`id`);
--> statement-breakpoint
CREATE INDEX `candidates_name_idx` ON `candidates` (`last_name`,`first_name`);
--> statement-breakpoint
CREATE INDEX `candidates_archived_name_idx` ON `candidates` (`archived_at`,`last_name`,`first_name`);
--> statement-breakpoint
CREATE INDEX `candidates_archived_updated_idx` ON `candidates` (`archived_at`,`updated_at`);
--> statement-breakpoint
CREATE INDEX `candidates_archived_created_idx` ON `candidates` (`archived_at`,`created_at`);
--> statement-breakpoint
CREATE INDEX `candidates_archived_expiry_idx` ON `candidates` (`archived_at`,`authorisation_expiry`);
--> statement-breakpoint
CREATE INDEX `candidates_birth_date_idx` ON `candidates` (`birth_date`);
--> statement-breakpoint
CREATE INDEX `candidates_phone_idx` ON `candidates` (`phone`);
--> statement-breakpoint
CREATE INDEX `candidates_second_phone_idx` ON `candidates` (`second_phone`);
--> statement-breakpoint
CREATE INDEX `candidates_email_idx` ON `candidates` (`email`);
--> statement-breakpoint
CREATE INDEX `candidates_status_idx` ON `candidates` (`status`);
--> statement-breakpoint
CREATE INDEX `candidates_referral_partner_idx` ON `candidates` (`referral_partner_id`);
--> statement-breakpoint
CREATE INDEX `candidates_assigned_pair_idx` ON `candidates` (`assigned_pair_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `dropin_sessions_id_unique` ON `dropin_sessions` (`id`);
--> statement-breakpoint
CREATE INDEX `dropin_sessions_date_idx` ON `dropin_sessions` (`date`);
--> statement-breakpoint
CREATE INDEX `employer_contacts_employer_idx` ON `employer_contacts` (`employer_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `employers_id_unique` ON `employers` (`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `employers_siret_unique` ON `employers` (`siret`);
--> statement-breakpoint
CREATE INDEX `employers_name_idx` ON `employers` (`name`);
--> statement-breakpoint
CREATE INDEX `employers_sector_idx` ON `employers` (`sector_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_needs_id_unique` ON `job_needs` (`id`);
--> statement-breakpoint
CREATE INDEX `job_needs_employer_idx` ON `job_needs` (`employer_id`);
--> statement-breakpoint
CREATE INDEX `job_needs_state_idx` ON `job_needs` (`state`);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairs_id_unique` ON `pairs` (`id`);
--> statement-breakpoint
CREATE INDEX `pairs_sector_idx` ON `pairs` (`sector_id`);
--> statement-breakpoint
CREATE INDEX `partner_contacts_partner_idx` ON `partner_contacts` (`partner_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_id_unique` ON `partners` (`id`);
--> statement-breakpoint
CREATE INDEX `partners_name_idx` ON `partners` (`name`);
--> statement-breakpoint
CREATE UNIQUE INDEX `sectors_id_unique` ON `sectors` (`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `sectors_seed_key_unique` ON `sectors` (`seed_key`);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_visits_unique` ON `session_visits` (`session_id`,`candidate_id`);
--> statement-breakpoint
CREATE INDEX `volunteer_hours_volunteer_idx` ON `volunteer_hours` (`volunteer_id`,`date`);
--> statement-breakpoint
CREATE INDEX `volunteer_sectors_sector_idx` ON `volunteer_sectors` (`sector_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `volunteers_id_unique` ON `volunteers` (`id`);
--> statement-breakpoint
CREATE INDEX `volunteers_name_idx` ON `volunteers` (`last_name`,`first_name`);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_unique` ON `follow_ups` (`recruitment_id`,`months_after`);
--> statement-breakpoint
CREATE INDEX `follow_ups_due_idx` ON `follow_ups` (`result`,`due_on`);
--> statement-breakpoint
CREATE UNIQUE INDEX `placements_id_unique` ON `placements` (`id`);
--> statement-breakpoint
CREATE INDEX `placements_employer_idx` ON `placements` (`employer_id`);
--> statement-breakpoint
CREATE INDEX `placements_end_idx` ON `placements` (`outcome`,`end_date`);
--> statement-breakpoint
CREATE INDEX `placements_start_idx` ON `placements` (`start_date`);
--> statement-breakpoint
CREATE INDEX `presentation_events_presentation_idx` ON `presentation_events` (`presentation_id`,`created_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `presentations_id_unique` ON `presentations` (`id`);
--> statement-breakpoint
CREATE INDEX `presentations_job_need_idx` ON `presentations` (`job_need_id`);
--> statement-breakpoint
CREATE INDEX `presentations_state_idx` ON `presentations` (`state`,`state_changed_on`);
--> statement-breakpoint
CREATE INDEX `presentations_proposed_idx` ON `presentations` (`proposed_on`);
--> statement-breakpoint
CREATE UNIQUE INDEX `recruitments_id_unique` ON `recruitments` (`id`);
--> statement-breakpoint
CREATE INDEX `recruitments_employer_idx` ON `recruitments` (`employer_id`);
--> statement-breakpoint
CREATE INDEX `recruitments_job_need_idx` ON `recruitments` (`job_need_id`);
--> statement-breakpoint
CREATE INDEX `recruitments_start_idx` ON `recruitments` (`start_date`);
--> statement-breakpoint
CREATE INDEX `candidates_archived_contact_idx` ON `candidates` (`archived_at`,`last_contact_on`);
--> statement-breakpoint
CREATE INDEX `exchange_log_at_idx` ON `exchange_log` (`at`);
--> statement-breakpoint
CREATE INDEX `exchange_log_export_idx` ON `exchange_log` (`export_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_cards_id_unique` ON `partner_cards` (`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_cards_association_id_unique` ON `partner_cards` (`association_id`);
--> statement-breakpoint
CREATE INDEX `partner_cards_partner_idx` ON `partner_cards` (`partner_id`);
--> statement-breakpoint
CREATE INDEX `candidates_created_idx` ON `candidates` (`created_at`,`merged_into_id`);
--> statement-breakpoint
CREATE INDEX `candidate_barrier_events_candidate_idx` ON `candidate_barrier_events` (`candidate_id`,`created_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidate_merges_merged_idx` ON `candidate_merges` (`merged_id`);
--> statement-breakpoint
CREATE INDEX `candidate_merges_kept_idx` ON `candidate_merges` (`kept_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_name_idx` ON `accounts` (lower(name));
--> statement-breakpoint
CREATE INDEX `audit_log_account_idx` ON `audit_log` (`account_id`,`at`);
--> statement-breakpoint
CREATE INDEX `candidates_retention_idx` ON `candidates` (`anonymised_at`, max(coalesce(`last_contact_on`, substr(`created_at`, 1, 10)), coalesce(`retention_kept_on`, '')));
--> statement-breakpoint
CREATE INDEX `candidates_archived_expiry_status_idx` ON `candidates` (`archived_at`,`authorisation_expiry`,`status`,`consent_withdrawn_on`,`restricted_at`);
--> statement-breakpoint
CREATE INDEX `candidates_archived_quiet_idx` ON `candidates` (`archived_at`,coalesce(`last_contact_on`, substr(`created_at`, 1, 10)),`status`,`consent_contact`,`consent_withdrawn_on`,`restricted_at`);
--> statement-breakpoint
CREATE INDEX `candidates_erasure_proposed_idx` ON `candidates` (coalesce(consent_withdrawn_on, consent_recording_withdrawn_on)) WHERE consent_withdrawn_on IS NOT NULL OR consent_recording_withdrawn_on IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `rights_requests_open_idx` ON `rights_requests` (`answered_on`,`received_on`);
--> statement-breakpoint
CREATE INDEX `rights_requests_candidate_idx` ON `rights_requests` (`candidate_id`);
--> statement-breakpoint
CREATE INDEX `appointments_starts_idx` ON `appointments` (`starts_at`);
--> statement-breakpoint
CREATE INDEX `appointments_candidate_idx` ON `appointments` (`candidate_id`,`starts_at`);
--> statement-breakpoint
CREATE INDEX `appointments_volunteer_idx` ON `appointments` (`volunteer_id`,`starts_at`);
--> statement-breakpoint
CREATE INDEX `plan_objectives_candidate_idx` ON `plan_objectives` (`candidate_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `plan_step_events_candidate_idx` ON `plan_step_events` (`candidate_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `plan_steps_candidate_idx` ON `plan_steps` (`candidate_id`,`due_on`);
--> statement-breakpoint
CREATE INDEX `plan_steps_objective_idx` ON `plan_steps` (`objective_id`);
--> statement-breakpoint
CREATE INDEX `placements_report_idx` ON `placements` (`start_date`,`archived_at`,`candidate_id`,`kind`,`renews_id`,`end_date`,`ended_on`,`employer_id`,`job_need_id`,`objective`);
--> statement-breakpoint
CREATE INDEX `placements_candidate_idx` ON `placements` (`candidate_id`,`start_date`,`end_date`,`archived_at`);
--> statement-breakpoint
CREATE INDEX `placements_renews_idx` ON `placements` (`renews_id`,`archived_at`,`start_date`,`end_date`,`ended_on`);
--> statement-breakpoint
CREATE INDEX `presentations_report_idx` ON `presentations` (`proposed_on`,`archived_at`,`candidate_id`,`state`,`refusal_reason`,`job_need_id`);
--> statement-breakpoint
CREATE INDEX `presentations_candidate_idx` ON `presentations` (`candidate_id`,`proposed_on`,`archived_at`);
--> statement-breakpoint
CREATE INDEX `recruitments_report_idx` ON `recruitments` (`start_date`,`archived_at`,`candidate_id`,`kind`,`end_date`,`job_need_id`,`employer_id`,`organisation`);
--> statement-breakpoint
CREATE INDEX `recruitments_id_report_idx` ON `recruitments` (`id`,`archived_at`,`candidate_id`);
--> statement-breakpoint
CREATE INDEX `recruitments_candidate_idx` ON `recruitments` (`candidate_id`,`start_date`,`archived_at`);
--> statement-breakpoint
CREATE INDEX `session_visits_candidate_idx` ON `session_visits` (`candidate_id`,`session_id`);
--> statement-breakpoint
CREATE INDEX `candidates_report_idx` ON `candidates` (`id`,`merged_into_id`,`created_at`,`archived_at`,`public_category`,`referral_partner_id`,`assigned_pair_id`,`gender`,`birth_date`,`nationality`,`french_level`,`status`,`referred_on`);
--> statement-breakpoint
CREATE INDEX `follow_ups_report_idx` ON `follow_ups` (`months_after`,`due_on`,`recruitment_id`,`result`);
--> statement-breakpoint
CREATE INDEX `job_needs_report_idx` ON `job_needs` (`id`,`employer_id`,`sector_id`,`created_at`,`archived_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_id_unique` ON `programmes` (`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_name_unique` ON `programmes` (`name`);
--> statement-breakpoint
CREATE INDEX `candidate_programmes_programme_idx` ON `candidate_programmes` (`programme_id`,`joined_on`,`candidate_id`);
--> statement-breakpoint
CREATE INDEX `candidate_status_history_value_idx` ON `candidate_status_history` (`candidate_id`,`attribute`,`from_date`,`value`);
--> statement-breakpoint
CREATE INDEX `candidates_merged_idx` ON `candidates` (`merged_into_id`) WHERE merged_into_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `candidates_referral_report_idx` ON `candidates` (`referral_partner_id`,coalesce(referred_on, substr(created_at, 1, 10)),`merged_into_id`,`id`,`assigned_pair_id`);
--> statement-breakpoint
CREATE INDEX `employers_report_idx` ON `employers` (`id`,`sector_id`,`kind`,`name`,`created_at`,`charter_signed_on`);
--> statement-breakpoint
CREATE INDEX `plan_step_events_created_idx` ON `plan_step_events` (`created_at`);
--> statement-breakpoint
CREATE INDEX `candidates_duplicate_keys_idx` ON `candidates` (`birth_date`,`phone`,`second_phone`,`email`,`first_name`,`last_name`,`other_names`,`merged_into_id`,`anonymised_at`,`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `timeline_events_id_idx` ON `timeline_events` (`id`);
--> statement-breakpoint
CREATE INDEX `timeline_subject_idx` ON `timeline_events` (`subject_type`,`subject_id`,`occurred_at`);
--> statement-breakpoint
CREATE INDEX `timeline_kind_idx` ON `timeline_events` (`subject_type`,`kind`,`occurred_at`,`subject_id`);
--> statement-breakpoint
CREATE TRIGGER `candidates_search_delete` AFTER DELETE ON `candidates` BEGIN
	DELETE FROM `candidate_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `employers_search_insert` AFTER INSERT ON `employers` BEGIN
	INSERT INTO `employer_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`name`, coalesce(new.`siret`, '') || ' ' || coalesce(new.`commune`, '') || ' ' || coalesce(new.`postal_code`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `employers_search_update` AFTER UPDATE OF `name`, `siret`, `commune`, `postal_code` ON `employers` BEGIN
	DELETE FROM `employer_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `employer_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`name`, coalesce(new.`siret`, '') || ' ' || coalesce(new.`commune`, '') || ' ' || coalesce(new.`postal_code`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `employers_search_delete` AFTER DELETE ON `employers` BEGIN
	DELETE FROM `employer_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `volunteers_search_insert` AFTER INSERT ON `volunteers` BEGIN
	INSERT INTO `volunteer_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`first_name` || ' ' || new.`last_name`, coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
		CASE WHEN new.`phone` LIKE '+33%' THEN '0' || substr(new.`phone`, 4) ELSE '' END);
END;
--> statement-breakpoint
CREATE TRIGGER `volunteers_search_update` AFTER UPDATE OF `first_name`, `last_name`, `email`, `phone` ON `volunteers` BEGIN
	DELETE FROM `volunteer_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `volunteer_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`first_name` || ' ' || new.`last_name`, coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
		CASE WHEN new.`phone` LIKE '+33%' THEN '0' || substr(new.`phone`, 4) ELSE '' END);
END;
--> statement-breakpoint
CREATE TRIGGER `volunteers_search_delete` AFTER DELETE ON `volunteers` BEGIN
	DELETE FROM `volunteer_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `partners_search_insert` AFTER INSERT ON `partners` BEGIN
	INSERT INTO `partner_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`name`, coalesce(new.`commune`, '') || ' ' || coalesce(new.`email`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `partners_search_update` AFTER UPDATE OF `name`, `commune`, `email` ON `partners` BEGIN
	DELETE FROM `partner_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `partner_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`name`, coalesce(new.`commune`, '') || ' ' || coalesce(new.`email`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `partners_search_delete` AFTER DELETE ON `partners` BEGIN
	DELETE FROM `partner_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_search_insert` AFTER INSERT ON `candidates` BEGIN
	INSERT INTO `candidate_search` (`rowid`, `names`, `contact`, `state`) VALUES (new.`seq`,
		new.`first_name` || ' ' || new.`last_name` || ' ' ||
			coalesce((SELECT group_concat(value, ' ') FROM json_each(new.`other_names`)), ''),
		coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
			coalesce(new.`second_phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`second_phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
			CASE WHEN new.`phone` LIKE '+33%' THEN '0' || substr(new.`phone`, 4) ELSE '' END || ' ' ||
			CASE WHEN new.`second_phone` LIKE '+33%' THEN '0' || substr(new.`second_phone`, 4) ELSE '' END,
		CASE WHEN new.`archived_at` IS NULL THEN '' ELSE 'archived' END);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_search_update` AFTER UPDATE OF `first_name`, `last_name`, `other_names`, `email`, `phone`, `second_phone`, `archived_at` ON `candidates` BEGIN
	DELETE FROM `candidate_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `candidate_search` (`rowid`, `names`, `contact`, `state`) VALUES (new.`seq`,
		new.`first_name` || ' ' || new.`last_name` || ' ' ||
			coalesce((SELECT group_concat(value, ' ') FROM json_each(new.`other_names`)), ''),
		coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
			coalesce(new.`second_phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`second_phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
			CASE WHEN new.`phone` LIKE '+33%' THEN '0' || substr(new.`phone`, 4) ELSE '' END || ' ' ||
			CASE WHEN new.`second_phone` LIKE '+33%' THEN '0' || substr(new.`second_phone`, 4) ELSE '' END,
		CASE WHEN new.`archived_at` IS NULL THEN '' ELSE 'archived' END);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_restricted_update` BEFORE UPDATE ON `candidates`
WHEN old.`restricted_at` IS NOT NULL AND new.`restricted_at` IS NOT NULL AND new.`last_contact_on` IS old.`last_contact_on` BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `presentations_restricted_insert` BEFORE INSERT ON `presentations`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `presentations_restricted_update` BEFORE UPDATE ON `presentations`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `placements_restricted_insert` BEFORE INSERT ON `placements`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `placements_restricted_update` BEFORE UPDATE ON `placements`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `recruitments_restricted_insert` BEFORE INSERT ON `recruitments`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `recruitments_restricted_update` BEFORE UPDATE ON `recruitments`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `session_visits_restricted_insert` BEFORE INSERT ON `session_visits`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `session_visits_restricted_update` BEFORE UPDATE ON `session_visits`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_restricted_insert` BEFORE INSERT ON `follow_ups`
WHEN EXISTS (SELECT 1 FROM `recruitments` JOIN `candidates` ON `candidates`.`id` = `recruitments`.`candidate_id` WHERE `recruitments`.`id` = new.`recruitment_id` AND `candidates`.`restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_restricted_update` BEFORE UPDATE ON `follow_ups`
WHEN EXISTS (SELECT 1 FROM `recruitments` JOIN `candidates` ON `candidates`.`id` = `recruitments`.`candidate_id` WHERE `recruitments`.`id` = new.`recruitment_id` AND `candidates`.`restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_history_insert` AFTER INSERT ON `candidates` BEGIN
	INSERT OR REPLACE INTO `candidate_status_history` (`candidate_id`, `attribute`, `from_date`, `value`) VALUES
		(new.`id`, 'public_category', substr(new.`created_at`, 1, 10), new.`public_category`),
		(new.`id`, 'french_level', substr(new.`created_at`, 1, 10), new.`french_level`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_history_category` AFTER UPDATE OF `public_category` ON `candidates`
WHEN old.`public_category` IS NOT new.`public_category` BEGIN
	INSERT OR REPLACE INTO `candidate_status_history` (`candidate_id`, `attribute`, `from_date`, `value`)
		VALUES (new.`id`, 'public_category', max(substr(new.`updated_at`, 1, 10), substr(new.`created_at`, 1, 10)), new.`public_category`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_history_french` AFTER UPDATE OF `french_level` ON `candidates`
WHEN old.`french_level` IS NOT new.`french_level` BEGIN
	INSERT OR REPLACE INTO `candidate_status_history` (`candidate_id`, `attribute`, `from_date`, `value`)
		VALUES (new.`id`, 'french_level', max(substr(new.`updated_at`, 1, 10), substr(new.`created_at`, 1, 10)), new.`french_level`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_last_contact_insert` AFTER INSERT ON `timeline_events`
WHEN new.`subject_type` = 'candidate' BEGIN
	UPDATE `candidates` SET `last_contact_on` = substr(new.`occurred_at`, 1, 10)
	WHERE `id` = new.`subject_id` AND (`last_contact_on` IS NULL OR `last_contact_on` < substr(new.`occurred_at`, 1, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_last_contact_update` AFTER UPDATE OF `occurred_at`, `subject_id`, `subject_type` ON `timeline_events` BEGIN
	UPDATE `candidates` SET `last_contact_on` = (
		SELECT max(substr(`occurred_at`, 1, 10)) FROM `timeline_events`
		WHERE `subject_type` = 'candidate' AND `subject_id` = `candidates`.`id`
	)
	WHERE (old.`subject_type` = 'candidate' AND `id` = old.`subject_id`) OR (new.`subject_type` = 'candidate' AND `id` = new.`subject_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_last_contact_delete` AFTER DELETE ON `timeline_events`
WHEN old.`subject_type` = 'candidate' BEGIN
	UPDATE `candidates` SET `last_contact_on` = (
		SELECT max(substr(`occurred_at`, 1, 10)) FROM `timeline_events`
		WHERE `subject_type` = 'candidate' AND `subject_id` = `candidates`.`id`
	)
	WHERE `id` = old.`subject_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_events_restricted_insert` BEFORE INSERT ON `timeline_events`
WHEN new.`subject_type` = 'candidate' AND EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`subject_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_events_restricted_update` BEFORE UPDATE ON `timeline_events`
WHEN new.`subject_type` = 'candidate' AND EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`subject_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
INSERT INTO "candidate_search" ("candidate_search", rank) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (1, '00000000-0000-7000-8000-000000000001', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'logistics', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (2, '00000000-0000-7000-8000-000000000002', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'agri_food', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (3, '00000000-0000-7000-8000-000000000003', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'construction', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (4, '00000000-0000-7000-8000-000000000004', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'cleaning', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (5, '00000000-0000-7000-8000-000000000005', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'elderly_care', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (6, '00000000-0000-7000-8000-000000000006', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'health', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (7, '00000000-0000-7000-8000-000000000007', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'hospitality', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (8, '00000000-0000-7000-8000-000000000008', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'industry', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (9, '00000000-0000-7000-8000-000000000009', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'retail', NULL);
--> statement-breakpoint
INSERT INTO "sectors" ("seq", "id", "origin", "created_at", "updated_at", "archived_at", "seed_key", "name") VALUES (10, '00000000-0000-7000-8000-000000000010', NULL, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z', NULL, 'temporary_work', NULL)
