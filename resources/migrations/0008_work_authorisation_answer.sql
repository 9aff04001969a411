ALTER TABLE `placements` ADD `employer_applying` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `recruitments` ADD `employer_applying` integer DEFAULT false NOT NULL;