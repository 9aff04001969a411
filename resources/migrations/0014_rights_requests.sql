CREATE TABLE `partner_erasure_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`association_name` text NOT NULL,
	`candidate_ids` text DEFAULT '[]' NOT NULL,
	`erased_on` text NOT NULL,
	`received_at` text NOT NULL,
	`decided_at` text,
	`decision` text,
	`decline_reason` text
);
--> statement-breakpoint
CREATE TABLE `rights_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`kind` text NOT NULL,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`requester` text NOT NULL,
	`recorded_by` text,
	`created_at` text NOT NULL,
	`answered_on` text,
	`answered_by` text
);
--> statement-breakpoint
CREATE INDEX `rights_requests_open_idx` ON `rights_requests` (`answered_on`,`received_on`);--> statement-breakpoint
CREATE INDEX `rights_requests_candidate_idx` ON `rights_requests` (`candidate_id`);