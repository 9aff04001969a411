CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor` text,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject_type`,`subject_id`);--> statement-breakpoint
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
CREATE INDEX `candidate_sectors_sector_idx` ON `candidate_sectors` (`sector_id`);--> statement-breakpoint
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
	`merged_into_id` text,
	FOREIGN KEY (`referral_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_pair_id`) REFERENCES `pairs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidates_id_unique` ON `candidates` (`id`);--> statement-breakpoint
CREATE INDEX `candidates_name_idx` ON `candidates` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `candidates_archived_name_idx` ON `candidates` (`archived_at`,`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `candidates_archived_updated_idx` ON `candidates` (`archived_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `candidates_archived_created_idx` ON `candidates` (`archived_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `candidates_archived_expiry_idx` ON `candidates` (`archived_at`,`authorisation_expiry`);--> statement-breakpoint
CREATE INDEX `candidates_birth_date_idx` ON `candidates` (`birth_date`);--> statement-breakpoint
CREATE INDEX `candidates_phone_idx` ON `candidates` (`phone`);--> statement-breakpoint
CREATE INDEX `candidates_second_phone_idx` ON `candidates` (`second_phone`);--> statement-breakpoint
CREATE INDEX `candidates_email_idx` ON `candidates` (`email`);--> statement-breakpoint
CREATE INDEX `candidates_status_idx` ON `candidates` (`status`);--> statement-breakpoint
CREATE INDEX `candidates_referral_partner_idx` ON `candidates` (`referral_partner_id`);--> statement-breakpoint
CREATE INDEX `candidates_assigned_pair_idx` ON `candidates` (`assigned_pair_id`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `dropin_sessions_id_unique` ON `dropin_sessions` (`id`);--> statement-breakpoint
CREATE INDEX `dropin_sessions_date_idx` ON `dropin_sessions` (`date`);--> statement-breakpoint
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
CREATE INDEX `employer_contacts_employer_idx` ON `employer_contacts` (`employer_id`);--> statement-breakpoint
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
	`notes` text,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employers_id_unique` ON `employers` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `employers_siret_unique` ON `employers` (`siret`);--> statement-breakpoint
CREATE INDEX `employers_name_idx` ON `employers` (`name`);--> statement-breakpoint
CREATE INDEX `employers_sector_idx` ON `employers` (`sector_id`);--> statement-breakpoint
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
	`notes` text,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_needs_id_unique` ON `job_needs` (`id`);--> statement-breakpoint
CREATE INDEX `job_needs_employer_idx` ON `job_needs` (`employer_id`);--> statement-breakpoint
CREATE INDEX `job_needs_state_idx` ON `job_needs` (`state`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `pairs_id_unique` ON `pairs` (`id`);--> statement-breakpoint
CREATE INDEX `pairs_sector_idx` ON `pairs` (`sector_id`);--> statement-breakpoint
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
CREATE INDEX `partner_contacts_partner_idx` ON `partner_contacts` (`partner_id`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `partners_id_unique` ON `partners` (`id`);--> statement-breakpoint
CREATE INDEX `partners_name_idx` ON `partners` (`name`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `sectors_id_unique` ON `sectors` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `sectors_seed_key_unique` ON `sectors` (`seed_key`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `session_visits_unique` ON `session_visits` (`session_id`,`candidate_id`);--> statement-breakpoint
CREATE INDEX `session_visits_candidate_idx` ON `session_visits` (`candidate_id`);--> statement-breakpoint
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
CREATE TABLE `timeline_events` (
	`id` text PRIMARY KEY NOT NULL,
	`origin` text,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` text NOT NULL,
	`author` text,
	`text` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `timeline_subject_idx` ON `timeline_events` (`subject_type`,`subject_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `timeline_kind_idx` ON `timeline_events` (`subject_type`,`kind`,`occurred_at`);--> statement-breakpoint
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
CREATE INDEX `volunteer_hours_volunteer_idx` ON `volunteer_hours` (`volunteer_id`,`date`);--> statement-breakpoint
CREATE TABLE `volunteer_sectors` (
	`volunteer_id` text NOT NULL,
	`sector_id` text NOT NULL,
	PRIMARY KEY(`volunteer_id`, `sector_id`),
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `volunteer_sectors_sector_idx` ON `volunteer_sectors` (`sector_id`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `volunteers_id_unique` ON `volunteers` (`id`);--> statement-breakpoint
CREATE INDEX `volunteers_name_idx` ON `volunteers` (`last_name`,`first_name`);