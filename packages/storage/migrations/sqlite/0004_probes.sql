CREATE TABLE `probes` (
	`id` text PRIMARY KEY NOT NULL,
	`nonce` integer NOT NULL,
	`at` integer NOT NULL
);
