DROP INDEX `placements_candidate_idx`;--> statement-breakpoint
DROP INDEX `placements_renews_idx`;--> statement-breakpoint
CREATE INDEX `placements_report_idx` ON `placements` (`start_date`,`archived_at`,`candidate_id`,`kind`,`renews_id`,`end_date`,`ended_on`,`employer_id`,`job_need_id`,`objective`);--> statement-breakpoint
CREATE INDEX `placements_candidate_idx` ON `placements` (`candidate_id`,`start_date`,`end_date`,`archived_at`);--> statement-breakpoint
CREATE INDEX `placements_renews_idx` ON `placements` (`renews_id`,`archived_at`,`start_date`,`end_date`,`ended_on`);--> statement-breakpoint
DROP INDEX `presentations_candidate_idx`;--> statement-breakpoint
CREATE INDEX `presentations_report_idx` ON `presentations` (`proposed_on`,`archived_at`,`candidate_id`,`state`,`refusal_reason`,`job_need_id`);--> statement-breakpoint
CREATE INDEX `presentations_candidate_idx` ON `presentations` (`candidate_id`,`proposed_on`,`archived_at`);--> statement-breakpoint
DROP INDEX `recruitments_candidate_idx`;--> statement-breakpoint
CREATE INDEX `recruitments_report_idx` ON `recruitments` (`start_date`,`archived_at`,`candidate_id`,`kind`,`end_date`,`job_need_id`,`employer_id`,`organisation`);--> statement-breakpoint
CREATE INDEX `recruitments_id_report_idx` ON `recruitments` (`id`,`archived_at`,`candidate_id`);--> statement-breakpoint
CREATE INDEX `recruitments_candidate_idx` ON `recruitments` (`candidate_id`,`start_date`,`archived_at`);--> statement-breakpoint
DROP INDEX `session_visits_candidate_idx`;--> statement-breakpoint
CREATE INDEX `session_visits_candidate_idx` ON `session_visits` (`candidate_id`,`session_id`);--> statement-breakpoint
CREATE INDEX `candidates_report_idx` ON `candidates` (`id`,`merged_into_id`,`created_at`,`archived_at`,`public_category`,`referral_partner_id`,`assigned_pair_id`,`gender`,`birth_date`,`nationality`,`french_level`,`status`,`referred_on`);--> statement-breakpoint
CREATE INDEX `follow_ups_report_idx` ON `follow_ups` (`months_after`,`due_on`,`recruitment_id`,`result`);--> statement-breakpoint
CREATE INDEX `job_needs_report_idx` ON `job_needs` (`id`,`employer_id`,`sector_id`,`created_at`,`archived_at`);