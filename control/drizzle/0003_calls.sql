CREATE TABLE "call_events_seen" (
	"event_id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_turns" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"org_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"role" text NOT NULL,
	"text" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"interrupted" boolean DEFAULT false NOT NULL,
	"latency" jsonb,
	"total_ms" integer
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"direction" text NOT NULL,
	"status" text NOT NULL,
	"agent_id" text,
	"from_number" text,
	"to_number" text,
	"phone_number_id" text,
	"objective" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gateway_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_s" double precision,
	"cost_cents" integer,
	"hangup_cause" text,
	"recording_path" text,
	"recording_bytes" bigint,
	"dispatched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_turns" ADD CONSTRAINT "call_turns_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_turns_call_idx" ON "call_turns" USING btree ("call_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_org_idx" ON "calls" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "calls_org_started_idx" ON "calls" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_open_idx" ON "calls" USING btree ("status","gateway_id");