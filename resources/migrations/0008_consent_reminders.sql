-- The home screen's reminders follow the person's consent: its counts read the consent columns
-- from these indexes too, so they stay on the index alone. The quiet-files expression is written
-- by hand (drizzle-kit splits it); it must match the one in electron/services/dashboard.ts.
DROP INDEX `candidates_archived_expiry_status_idx`;--> statement-breakpoint
DROP INDEX `candidates_archived_quiet_idx`;--> statement-breakpoint
CREATE INDEX `candidates_archived_expiry_status_idx` ON `candidates` (`archived_at`,`authorisation_expiry`,`status`,`consent_withdrawn_on`);--> statement-breakpoint
CREATE INDEX `candidates_archived_quiet_idx` ON `candidates` (`archived_at`,coalesce(`last_contact_on`, substr(`created_at`, 1, 10)),`status`,`consent_contact`,`consent_withdrawn_on`);
