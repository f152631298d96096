CREATE TABLE `identities` (
	`session_id` text NOT NULL,
	`provider` text NOT NULL,
	`subject` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `provider`, `subject`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `session_links` (
	`provider` text NOT NULL,
	`external_id` text NOT NULL,
	`session_id` text NOT NULL,
	PRIMARY KEY(`provider`, `external_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
