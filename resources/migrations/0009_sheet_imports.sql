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
