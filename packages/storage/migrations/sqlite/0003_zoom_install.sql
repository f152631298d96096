CREATE TABLE `host_grants` (
	`provider` text NOT NULL,
	`subject` text NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text,
	`scope` text NOT NULL,
	`expires_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `subject`)
);
--> statement-breakpoint
CREATE TABLE `pending_oauth` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`verifier` text NOT NULL,
	`browser_hash` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pending_oauth_expiry` ON `pending_oauth` (`expires_at`);--> statement-breakpoint
CREATE INDEX `identities_subject` ON `identities` (`provider`,`subject`);