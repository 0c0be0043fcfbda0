CREATE TABLE "trunks" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"inbound_cidrs" jsonb NOT NULL,
	"inbound_username" text,
	"inbound_ha1_md5" text,
	"inbound_ha1_sha256" text,
	"inbound_realm" text,
	"outbound_uri" text,
	"outbound_username" text,
	"outbound_password_encrypted" text,
	"caller_id" jsonb NOT NULL,
	"destination_countries" jsonb NOT NULL,
	"destination_prefixes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trunks_inbound_username_unique" UNIQUE("inbound_username")
);
--> statement-breakpoint
ALTER TABLE "trunks" ADD CONSTRAINT "trunks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trunks_org_idx" ON "trunks" USING btree ("org_id","id");