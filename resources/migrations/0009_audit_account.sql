ALTER TABLE `audit_log` ADD `account_id` text;--> statement-breakpoint
CREATE INDEX `audit_log_account_idx` ON `audit_log` (`account_id`,`at`);