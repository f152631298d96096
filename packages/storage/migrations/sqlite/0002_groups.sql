CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`retention_days` integer
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `group_id` text REFERENCES groups(id);--> statement-breakpoint
CREATE INDEX `sessions_group` ON `sessions` (`group_id`,`created_at`);--> statement-breakpoint
-- Every session stored before groups existed starts its own group, named as it was.
INSERT INTO `groups` (`id`, `name`, `created_at`) SELECT `id`, `group_name`, `created_at` FROM `sessions`;--> statement-breakpoint
UPDATE `sessions` SET `group_id` = `id` WHERE `group_id` IS NULL;
