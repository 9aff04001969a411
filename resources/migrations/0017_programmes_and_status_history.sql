-- Programmes and funders a file is in, with the day it joined (reports filter by them).
CREATE TABLE `programmes` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_id_unique` ON `programmes` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_name_unique` ON `programmes` (`name`);--> statement-breakpoint
CREATE TABLE `candidate_programmes` (
	`candidate_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`joined_on` text NOT NULL,
	PRIMARY KEY(`candidate_id`, `programme_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `candidate_programmes_programme_idx` ON `candidate_programmes` (`programme_id`,`joined_on`,`candidate_id`);--> statement-breakpoint
-- What kind of employer: a hire by an integration enterprise is a "positive" outcome.
ALTER TABLE `employers` ADD `kind` text;--> statement-breakpoint
-- The public category and French level a file held from each day on: reports count a person
-- under the values of the period. Triggers write it whatever the path (form, sheet or partner
-- import, merge, drop-in intake), dated by the row's own clock (created_at, updated_at).
CREATE TABLE `candidate_status_history` (
	`candidate_id` text NOT NULL,
	`attribute` text NOT NULL,
	`from_date` text NOT NULL,
	`value` text,
	PRIMARY KEY(`candidate_id`, `attribute`, `from_date`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `candidate_status_history_value_idx` ON `candidate_status_history` (`candidate_id`,`attribute`,`from_date`,`value`);--> statement-breakpoint
-- Back-filled with today's values since each file's creation: the audit log keeps the names of
-- the fields changed, never their values, so older values cannot be recovered.
INSERT INTO `candidate_status_history` (`candidate_id`, `attribute`, `from_date`, `value`)
	SELECT `id`, 'public_category', substr(`created_at`, 1, 10), `public_category` FROM `candidates`
	UNION ALL SELECT `id`, 'french_level', substr(`created_at`, 1, 10), `french_level` FROM `candidates`;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_history_insert` AFTER INSERT ON `candidates` BEGIN
	INSERT OR REPLACE INTO `candidate_status_history` (`candidate_id`, `attribute`, `from_date`, `value`) VALUES
		(new.`id`, 'public_category', substr(new.`created_at`, 1, 10), new.`public_category`),
		(new.`id`, 'french_level', substr(new.`created_at`, 1, 10), new.`french_level`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_history_category` AFTER UPDATE OF `public_category` ON `candidates`
WHEN old.`public_category` IS NOT new.`public_category` BEGIN
	INSERT OR REPLACE INTO `candidate_status_history` (`candidate_id`, `attribute`, `from_date`, `value`)
		VALUES (new.`id`, 'public_category', max(substr(new.`updated_at`, 1, 10), substr(new.`created_at`, 1, 10)), new.`public_category`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_history_french` AFTER UPDATE OF `french_level` ON `candidates`
WHEN old.`french_level` IS NOT new.`french_level` BEGIN
	INSERT OR REPLACE INTO `candidate_status_history` (`candidate_id`, `attribute`, `from_date`, `value`)
		VALUES (new.`id`, 'french_level', max(substr(new.`updated_at`, 1, 10), substr(new.`created_at`, 1, 10)), new.`french_level`);
END;
