CREATE TABLE "call_erasures" (
	"call_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"recording_erased_at" timestamp with time zone,
	"transcript_erased_at" timestamp with time zone,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"recordings_removed" integer DEFAULT 0 NOT NULL,
	"transcripts_removed" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "retention" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "redaction" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "call_erasures" ADD CONSTRAINT "call_erasures_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_erasures_org_idx" ON "call_erasures" USING btree ("org_id","call_id");