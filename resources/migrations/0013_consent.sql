-- Consent per kind: to be presented to employers (given by default, as every file was presented
-- before), the version of the consent text agreed to, the day the recording consent was taken back.
ALTER TABLE `candidates` ADD `consent_presentation` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `candidates` ADD `consent_text_version` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `consent_recording_withdrawn_on` text;--> statement-breakpoint
-- Restriction of processing (GDPR art. 18): a frozen file is kept and shown, nothing else.
ALTER TABLE `candidates` ADD `restricted_at` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `restriction_reason` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `restricted_by` text;--> statement-breakpoint
-- The home screen's reminders leave restricted files out, still from the index alone.
DROP INDEX `candidates_archived_expiry_status_idx`;--> statement-breakpoint
DROP INDEX `candidates_archived_quiet_idx`;--> statement-breakpoint
CREATE INDEX `candidates_archived_expiry_status_idx` ON `candidates` (`archived_at`,`authorisation_expiry`,`status`,`consent_withdrawn_on`,`restricted_at`);--> statement-breakpoint
CREATE INDEX `candidates_archived_quiet_idx` ON `candidates` (`archived_at`,coalesce(`last_contact_on`, substr(`created_at`, 1, 10)),`status`,`consent_contact`,`consent_withdrawn_on`,`restricted_at`);--> statement-breakpoint
-- The few files whose erasure is proposed (a consent withdrawn), in withdrawal order, for the home screen.
CREATE INDEX `candidates_erasure_proposed_idx` ON `candidates` (coalesce(consent_withdrawn_on, consent_recording_withdrawn_on)) WHERE consent_withdrawn_on IS NOT NULL OR consent_recording_withdrawn_on IS NOT NULL;--> statement-breakpoint
-- While a file is restricted, every write about the person is refused where it is written, whatever
-- the path (form, import, pipeline, drop-in): only lifting the restriction changes the row, and a
-- deletion (erasure) goes through. The last-contact triggers' own update (a deleted event) passes.
CREATE TRIGGER `candidates_restricted_update` BEFORE UPDATE ON `candidates`
WHEN old.`restricted_at` IS NOT NULL AND new.`restricted_at` IS NOT NULL AND new.`last_contact_on` IS old.`last_contact_on` BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_events_restricted_insert` BEFORE INSERT ON `timeline_events`
WHEN new.`subject_type` = 'candidate' AND EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`subject_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_events_restricted_update` BEFORE UPDATE ON `timeline_events`
WHEN new.`subject_type` = 'candidate' AND EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`subject_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `presentations_restricted_insert` BEFORE INSERT ON `presentations`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `presentations_restricted_update` BEFORE UPDATE ON `presentations`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `placements_restricted_insert` BEFORE INSERT ON `placements`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `placements_restricted_update` BEFORE UPDATE ON `placements`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `recruitments_restricted_insert` BEFORE INSERT ON `recruitments`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `recruitments_restricted_update` BEFORE UPDATE ON `recruitments`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `session_visits_restricted_insert` BEFORE INSERT ON `session_visits`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `session_visits_restricted_update` BEFORE UPDATE ON `session_visits`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = new.`candidate_id` AND `restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_restricted_insert` BEFORE INSERT ON `follow_ups`
WHEN EXISTS (SELECT 1 FROM `recruitments` JOIN `candidates` ON `candidates`.`id` = `recruitments`.`candidate_id` WHERE `recruitments`.`id` = new.`recruitment_id` AND `candidates`.`restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_restricted_update` BEFORE UPDATE ON `follow_ups`
WHEN EXISTS (SELECT 1 FROM `recruitments` JOIN `candidates` ON `candidates`.`id` = `recruitments`.`candidate_id` WHERE `recruitments`.`id` = new.`recruitment_id` AND `candidates`.`restricted_at` IS NOT NULL) BEGIN
	SELECT RAISE(ABORT, 'candidate_restricted');
END;
