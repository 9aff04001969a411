CREATE TABLE `candidates` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`birth_date` text,
	`phone` text,
	`email` text,
	`commune` text,
	`french_level` text DEFAULT 'not_assessed' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidates_id_unique` ON `candidates` (`id`);--> statement-breakpoint
CREATE INDEX `candidates_name_idx` ON `candidates` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `candidates_archived_idx` ON `candidates` (`archived_at`);