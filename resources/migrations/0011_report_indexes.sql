DROP INDEX `timeline_kind_idx`;--> statement-breakpoint
CREATE INDEX `timeline_kind_idx` ON `timeline_events` (`subject_type`,`kind`,`occurred_at`,`subject_id`);