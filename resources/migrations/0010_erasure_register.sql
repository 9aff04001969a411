CREATE TABLE `erasure_register` (
	`candidate_id` text PRIMARY KEY NOT NULL,
	`erased_at` text NOT NULL,
	`account_id` text,
	`reason` text NOT NULL
);
--> statement-breakpoint
-- A row deleted from the candidates' search index takes its words out of the index's pages at
-- once, instead of leaving them there until the next merge of segments (an erased name must not
-- stay readable in the file).
INSERT INTO `candidate_search` (`candidate_search`, `rank`) VALUES ('secure-delete', 1);
