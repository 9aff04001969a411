-- Full-text search over candidates' names and contact details. unicode61 with
-- remove_diacritics 2 folds accents and case, so "helene" finds "Hélène". The index is
-- keyed on candidates.seq (an INTEGER PRIMARY KEY, stable across VACUUM) and kept in step
-- by triggers, so every write path (forms, imports, merges) updates it.
CREATE VIRTUAL TABLE `candidate_search` USING fts5(
	`names`,
	`contact`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `candidates_search_insert` AFTER INSERT ON `candidates` BEGIN
	INSERT INTO `candidate_search` (`rowid`, `names`, `contact`) VALUES (
		new.`seq`,
		new.`first_name` || ' ' || new.`last_name`,
		coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' ||
			replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '')
	);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_search_update` AFTER UPDATE OF `first_name`, `last_name`, `email`, `phone` ON `candidates` BEGIN
	DELETE FROM `candidate_search` WHERE `rowid` = old.`seq`;
	INSERT INTO `candidate_search` (`rowid`, `names`, `contact`) VALUES (
		new.`seq`,
		new.`first_name` || ' ' || new.`last_name`,
		coalesce(new.`email`, '') || ' ' || coalesce(new.`phone`, '') || ' ' ||
			replace(replace(replace(replace(replace(replace(coalesce(new.`phone`, ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', '')
	);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_search_delete` AFTER DELETE ON `candidates` BEGIN
	DELETE FROM `candidate_search` WHERE `rowid` = old.`seq`;
END;
