-- The report at 100,000 files: what it reads without touching wide rows or sorting (store/reports.ts).
CREATE INDEX `candidates_merged_idx` ON `candidates` (`merged_into_id`) WHERE merged_into_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `candidates_referral_report_idx` ON `candidates` (`referral_partner_id`,coalesce(referred_on, substr(created_at, 1, 10)),`merged_into_id`,`id`,`assigned_pair_id`);--> statement-breakpoint
CREATE INDEX `employers_report_idx` ON `employers` (`id`,`sector_id`,`kind`,`name`,`created_at`,`charter_signed_on`);--> statement-breakpoint
CREATE INDEX `plan_step_events_created_idx` ON `plan_step_events` (`created_at`);
