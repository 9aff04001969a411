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
CREATE INDEX `exchange_log_at_idx` ON `exchange_log` (`at`);--> statement-breakpoint
CREATE INDEX `exchange_log_export_idx` ON `exchange_log` (`export_id`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `partner_cards_id_unique` ON `partner_cards` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `partner_cards_association_id_unique` ON `partner_cards` (`association_id`);--> statement-breakpoint
CREATE INDEX `partner_cards_partner_idx` ON `partner_cards` (`partner_id`);