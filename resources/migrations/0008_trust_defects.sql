-- Trust defects: barrier history, undoable merges, reminders that follow consent, and the
-- employer's answer on an authorisation. The home screen's counts read the consent columns from
-- their indexes too, so they stay on the index alone. The quiet-files expression is written by
-- hand (drizzle-kit splits it); it must match the one in electron/services/dashboard.ts.
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
CREATE INDEX `candidate_barrier_events_candidate_idx` ON `candidate_barrier_events` (`candidate_id`,`created_at`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `candidate_merges_merged_idx` ON `candidate_merges` (`merged_id`);--> statement-breakpoint
CREATE INDEX `candidate_merges_kept_idx` ON `candidate_merges` (`kept_id`);--> statement-breakpoint
DROP INDEX `candidates_archived_expiry_status_idx`;--> statement-breakpoint
DROP INDEX `candidates_archived_quiet_idx`;--> statement-breakpoint
CREATE INDEX `candidates_archived_expiry_status_idx` ON `candidates` (`archived_at`,`authorisation_expiry`,`status`,`consent_withdrawn_on`);--> statement-breakpoint
CREATE INDEX `candidates_archived_quiet_idx` ON `candidates` (`archived_at`,coalesce(`last_contact_on`, substr(`created_at`, 1, 10)),`status`,`consent_contact`,`consent_withdrawn_on`);--> statement-breakpoint
ALTER TABLE `placements` ADD `employer_applying` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `recruitments` ADD `employer_applying` integer DEFAULT false NOT NULL;