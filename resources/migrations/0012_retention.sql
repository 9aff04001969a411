-- Retention (shared/retention.ts): the last day an administrator decided to keep a file past its
-- date, and the moment it was anonymised. The index holds each file's reference day, so the home
-- card and the run at start read the files whose date is near without reading the table.
ALTER TABLE `candidates` ADD `retention_kept_on` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `anonymised_at` text;--> statement-breakpoint
CREATE INDEX `candidates_retention_idx` ON `candidates` (`anonymised_at`, max(coalesce(`last_contact_on`, substr(`created_at`, 1, 10)), coalesce(`retention_kept_on`, '')));
