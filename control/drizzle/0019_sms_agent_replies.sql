CREATE TABLE "sms_agent_replies" (
	"inbound_sms_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"agent_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"reply_sms_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_agent_replies" ADD CONSTRAINT "sms_agent_replies_inbound_sms_id_sms_messages_id_fk" FOREIGN KEY ("inbound_sms_id") REFERENCES "public"."sms_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_agent_replies_due_idx" ON "sms_agent_replies" USING btree ("status","next_attempt_at");