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
CREATE INDEX `appointments_starts_idx` ON `appointments` (`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_candidate_idx` ON `appointments` (`candidate_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_volunteer_idx` ON `appointments` (`volunteer_id`,`starts_at`);--> statement-breakpoint
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
CREATE INDEX `plan_objectives_candidate_idx` ON `plan_objectives` (`candidate_id`,`created_at`);--> statement-breakpoint
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
CREATE INDEX `plan_step_events_candidate_idx` ON `plan_step_events` (`candidate_id`,`created_at`);--> statement-breakpoint
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
CREATE INDEX `plan_steps_candidate_idx` ON `plan_steps` (`candidate_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `plan_steps_objective_idx` ON `plan_steps` (`objective_id`);