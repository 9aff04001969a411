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
CREATE UNIQUE INDEX `follow_ups_unique` ON `follow_ups` (`recruitment_id`,`months_after`);--> statement-breakpoint
CREATE INDEX `follow_ups_due_idx` ON `follow_ups` (`result`,`due_on`);--> statement-breakpoint
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
	`notes` text,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_need_id`) REFERENCES `job_needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presentation_id`) REFERENCES `presentations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `placements_id_unique` ON `placements` (`id`);--> statement-breakpoint
CREATE INDEX `placements_candidate_idx` ON `placements` (`candidate_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `placements_employer_idx` ON `placements` (`employer_id`);--> statement-breakpoint
CREATE INDEX `placements_end_idx` ON `placements` (`outcome`,`end_date`);--> statement-breakpoint
CREATE INDEX `placements_start_idx` ON `placements` (`start_date`);--> statement-breakpoint
CREATE INDEX `placements_renews_idx` ON `placements` (`renews_id`);--> statement-breakpoint
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
CREATE INDEX `presentation_events_presentation_idx` ON `presentation_events` (`presentation_id`,`created_at`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `presentations_id_unique` ON `presentations` (`id`);--> statement-breakpoint
CREATE INDEX `presentations_candidate_idx` ON `presentations` (`candidate_id`);--> statement-breakpoint
CREATE INDEX `presentations_job_need_idx` ON `presentations` (`job_need_id`);--> statement-breakpoint
CREATE INDEX `presentations_state_idx` ON `presentations` (`state`,`state_changed_on`);--> statement-breakpoint
CREATE INDEX `presentations_proposed_idx` ON `presentations` (`proposed_on`);--> statement-breakpoint
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
	`notes` text,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_need_id`) REFERENCES `job_needs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presentation_id`) REFERENCES `presentations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recruitments_id_unique` ON `recruitments` (`id`);--> statement-breakpoint
CREATE INDEX `recruitments_candidate_idx` ON `recruitments` (`candidate_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `recruitments_employer_idx` ON `recruitments` (`employer_id`);--> statement-breakpoint
CREATE INDEX `recruitments_job_need_idx` ON `recruitments` (`job_need_id`);--> statement-breakpoint
CREATE INDEX `recruitments_start_idx` ON `recruitments` (`start_date`);--> statement-breakpoint
ALTER TABLE `candidates` ADD `last_contact_on` text;--> statement-breakpoint
CREATE INDEX `candidates_archived_contact_idx` ON `candidates` (`archived_at`,`last_contact_on`);--> statement-breakpoint
ALTER TABLE `job_needs` ADD `postal_code` text;