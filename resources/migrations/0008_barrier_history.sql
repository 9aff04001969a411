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
CREATE INDEX `candidate_barrier_events_candidate_idx` ON `candidate_barrier_events` (`candidate_id`,`created_at`);