CREATE TABLE "host_grants" (
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"access_token" text NOT NULL,
	"refresh_token" text,
	"scope" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "host_grants_provider_subject_pk" PRIMARY KEY("provider","subject")
);
--> statement-breakpoint
CREATE TABLE "pending_oauth" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"verifier" text NOT NULL,
	"browser_hash" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pending_oauth_expiry" ON "pending_oauth" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "identities_subject" ON "identities" USING btree ("provider","subject");