ALTER TABLE `sessions` ADD `join_token_expires_at` integer;--> statement-breakpoint
-- A participant link stored before links expired lasts like one made now: 30 days from its session's
-- creation. The facilitator makes a new one from the panel (docs/SECURITY.md).
UPDATE `sessions` SET `join_token_expires_at` = `created_at` + 2592000000 WHERE `join_token_expires_at` IS NULL;