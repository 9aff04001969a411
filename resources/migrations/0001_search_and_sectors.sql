-- Full-text search with accent and case folding (unicode61, remove_diacritics 2), so "helene"
-- finds "Hélène". Each index is keyed on its table's seq (an INTEGER PRIMARY KEY, stable across
-- VACUUM) and kept in step by triggers, so every write path (forms, imports, merges) updates it.
-- Candidates are found by every form of their names and by their phones, French numbers (stored
-- as +33…) also under their national form (06…).
-- The seeded sectors have the same ids in every installation, so exchanged records agree on them.
CREATE VIRTUAL TABLE `candidate_search` USING fts5(
	`names`,
	`contact`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `candidates_search_insert` AFTER INSERT ON `candidates` BEGIN
	INSERT INTO `candidate_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`,
		new.`first_name` || ' ' || new.`last_name` || ' ' ||
			coalesce((SELECT group_concat(value, ' ') FROM json_each(new.`other_names`)), ''),
		coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
			coalesce(new.`second_phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`second_phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
			CASE WHEN new.`phone` LIKE '+33%' THEN '0' || substr(new.`phone`, 4) ELSE '' END || ' ' ||
			CASE WHEN new.`second_phone` LIKE '+33%' THEN '0' || substr(new.`second_phone`, 4) ELSE '' END);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_search_update` AFTER UPDATE OF `first_name`, `last_name`, `other_names`, `email`, `phone`, `second_phone` ON `candidates` BEGIN
	DELETE FROM `candidate_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `candidate_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`,
		new.`first_name` || ' ' || new.`last_name` || ' ' ||
			coalesce((SELECT group_concat(value, ' ') FROM json_each(new.`other_names`)), ''),
		coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
			coalesce(new.`second_phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`second_phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
			CASE WHEN new.`phone` LIKE '+33%' THEN '0' || substr(new.`phone`, 4) ELSE '' END || ' ' ||
			CASE WHEN new.`second_phone` LIKE '+33%' THEN '0' || substr(new.`second_phone`, 4) ELSE '' END);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_search_delete` AFTER DELETE ON `candidates` BEGIN
	DELETE FROM `candidate_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `employer_search` USING fts5(`names`, `contact`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `employers_search_insert` AFTER INSERT ON `employers` BEGIN
	INSERT INTO `employer_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`name`, coalesce(new.`siret`, '') || ' ' || coalesce(new.`commune`, '') || ' ' || coalesce(new.`postal_code`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `employers_search_update` AFTER UPDATE OF `name`, `siret`, `commune`, `postal_code` ON `employers` BEGIN
	DELETE FROM `employer_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `employer_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`name`, coalesce(new.`siret`, '') || ' ' || coalesce(new.`commune`, '') || ' ' || coalesce(new.`postal_code`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `employers_search_delete` AFTER DELETE ON `employers` BEGIN
	DELETE FROM `employer_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `volunteer_search` USING fts5(`names`, `contact`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `volunteers_search_insert` AFTER INSERT ON `volunteers` BEGIN
	INSERT INTO `volunteer_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`first_name` || ' ' || new.`last_name`, coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
		CASE WHEN new.`phone` LIKE '+33%' THEN '0' || substr(new.`phone`, 4) ELSE '' END);
END;
--> statement-breakpoint
CREATE TRIGGER `volunteers_search_update` AFTER UPDATE OF `first_name`, `last_name`, `email`, `phone` ON `volunteers` BEGIN
	DELETE FROM `volunteer_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `volunteer_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`first_name` || ' ' || new.`last_name`, coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '') || ' ' ||
		CASE WHEN new.`phone` LIKE '+33%' THEN '0' || substr(new.`phone`, 4) ELSE '' END);
END;
--> statement-breakpoint
CREATE TRIGGER `volunteers_search_delete` AFTER DELETE ON `volunteers` BEGIN
	DELETE FROM `volunteer_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `partner_search` USING fts5(`names`, `contact`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `partners_search_insert` AFTER INSERT ON `partners` BEGIN
	INSERT INTO `partner_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`name`, coalesce(new.`commune`, '') || ' ' || coalesce(new.`email`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `partners_search_update` AFTER UPDATE OF `name`, `commune`, `email` ON `partners` BEGIN
	DELETE FROM `partner_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `partner_search` (`rowid`, `names`, `contact`) VALUES (new.`seq`, new.`name`, coalesce(new.`commune`, '') || ' ' || coalesce(new.`email`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `partners_search_delete` AFTER DELETE ON `partners` BEGIN
	DELETE FROM `partner_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
INSERT INTO `sectors` (`id`, `seed_key`, `created_at`, `updated_at`) VALUES
	('00000000-0000-7000-8000-000000000001', 'logistics', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000002', 'agri_food', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000003', 'construction', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000004', 'cleaning', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000005', 'elderly_care', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000006', 'health', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000007', 'hospitality', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000008', 'industry', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000009', 'retail', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z'),
	('00000000-0000-7000-8000-000000000010', 'temporary_work', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z');
