-- The date of each candidate's latest timeline event, kept on the file itself: matching and
-- the home screen ("no contact for 90 days") read it for every candidate, and an aggregate
-- over the whole timeline (a million events in a federation) would be too slow for that.
UPDATE `candidates` SET `last_contact_on` = (
	SELECT max(substr(`occurred_at`, 1, 10)) FROM `timeline_events`
	WHERE `subject_type` = 'candidate' AND `subject_id` = `candidates`.`id`
);
--> statement-breakpoint
CREATE TRIGGER `candidates_last_contact_insert` AFTER INSERT ON `timeline_events`
WHEN new.`subject_type` = 'candidate' BEGIN
	UPDATE `candidates` SET `last_contact_on` = substr(new.`occurred_at`, 1, 10)
	WHERE `id` = new.`subject_id` AND (`last_contact_on` IS NULL OR `last_contact_on` < substr(new.`occurred_at`, 1, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_last_contact_update` AFTER UPDATE OF `occurred_at`, `subject_id`, `subject_type` ON `timeline_events` BEGIN
	UPDATE `candidates` SET `last_contact_on` = (
		SELECT max(substr(`occurred_at`, 1, 10)) FROM `timeline_events`
		WHERE `subject_type` = 'candidate' AND `subject_id` = `candidates`.`id`
	)
	WHERE (old.`subject_type` = 'candidate' AND `id` = old.`subject_id`) OR (new.`subject_type` = 'candidate' AND `id` = new.`subject_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_last_contact_delete` AFTER DELETE ON `timeline_events`
WHEN old.`subject_type` = 'candidate' BEGIN
	UPDATE `candidates` SET `last_contact_on` = (
		SELECT max(substr(`occurred_at`, 1, 10)) FROM `timeline_events`
		WHERE `subject_type` = 'candidate' AND `subject_id` = `candidates`.`id`
	)
	WHERE `id` = old.`subject_id`;
END;
