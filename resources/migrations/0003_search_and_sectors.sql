-- Candidates' search now covers the other forms of their names and the second phone (French
-- numbers, stored as +33…, also under their national form 06…); employers,
-- volunteers and partners get the same accent-folding index (see 0001_candidate_search).
-- The seeded sectors have the same ids in every installation, so exchanged records agree on them.
DROP TRIGGER `candidates_search_insert`;
--> statement-breakpoint
DROP TRIGGER `candidates_search_update`;
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
