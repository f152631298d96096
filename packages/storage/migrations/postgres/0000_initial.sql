-- References are unqualified so that the tables can live in any schema (DATABASE_SCHEMA).
CREATE TABLE "credentials" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint
);
--> statement-breakpoint
CREATE TABLE "events" (
	"session_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" text NOT NULL,
	"command_id" text,
	"payload" text NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "events_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL,
	"retention_days" integer
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"session_id" text NOT NULL,
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"person_id" text NOT NULL,
	CONSTRAINT "identities_session_id_provider_subject_pk" PRIMARY KEY("session_id","provider","subject")
);
--> statement-breakpoint
CREATE TABLE "session_links" (
	"provider" text NOT NULL,
	"external_id" text NOT NULL,
	"session_id" text NOT NULL,
	CONSTRAINT "session_links_provider_external_id_pk" PRIMARY KEY("provider","external_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text,
	"group_name" text NOT NULL,
	"template_key" text NOT NULL,
	"created_at" bigint NOT NULL,
	"head_seq" integer DEFAULT 0 NOT NULL,
	"join_token_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"session_id" text PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"state" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_links" ADD CONSTRAINT "session_links_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credentials_session" ON "credentials" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "sessions_group" ON "sessions" USING btree ("group_id","created_at");