-- What an import's duplicate check reads of every file (services/duplicates.ts), in an index of
-- its own: its pages hold only these columns, and the files a check may name come first (not
-- merged, not anonymised), so the check reads a fifth of the pages the table holds.
CREATE INDEX `candidates_duplicate_keys_idx` ON `candidates` (`merged_into_id`,`anonymised_at`,`birth_date`,`phone`,`second_phone`,`email`,`first_name`,`last_name`,`other_names`,`id`);
