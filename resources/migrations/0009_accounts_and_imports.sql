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
CREATE UNIQUE INDEX `accounts_name_idx` ON `accounts` (lower(name));--> statement-breakpoint
CREATE TABLE `sheet_import_records` (
	`import_id` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
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
ALTER TABLE `audit_log` ADD `account_id` text;--> statement-breakpoint
CREATE INDEX `audit_log_account_idx` ON `audit_log` (`account_id`,`at`);