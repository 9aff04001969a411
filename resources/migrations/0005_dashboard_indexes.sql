-- The home screen's counts among 100,000 files, read from these indexes alone. The quiet-files
-- index is on an expression that drizzle-kit writes wrongly (it splits it at its commas): written
-- by hand, the same expression as the query in electron/services/dashboard.ts.
CREATE INDEX `candidates_archived_expiry_status_idx` ON `candidates` (`archived_at`,`authorisation_expiry`,`status`);--> statement-breakpoint
CREATE INDEX `candidates_archived_quiet_idx` ON `candidates` (`archived_at`,coalesce(`last_contact_on`, substr(`created_at`, 1, 10)),`status`);--> statement-breakpoint
CREATE INDEX `candidates_created_idx` ON `candidates` (`created_at`,`merged_into_id`);
