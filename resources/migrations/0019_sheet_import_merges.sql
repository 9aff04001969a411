-- What an import did to each record, in columns of their own: created it, or merged into it with
-- the fields it filled (what undo empties again), where the record type said `merged:<type>:<fields>`.
ALTER TABLE `sheet_import_records` ADD `kind` text DEFAULT 'created' NOT NULL;--> statement-breakpoint
ALTER TABLE `sheet_import_records` ADD `filled_fields` text;--> statement-breakpoint
-- Field names are identifiers (no comma, no quote): the list becomes a JSON array as it is.
UPDATE `sheet_import_records` SET
	`kind` = 'merged',
	`record_type` = substr(`record_type`, 8, instr(substr(`record_type`, 8), ':') - 1),
	`filled_fields` = '["' || replace(substr(`record_type`, 8 + instr(substr(`record_type`, 8), ':')), ',', '","') || '"]'
WHERE `record_type` LIKE 'merged:%';
