CREATE TABLE "provider_credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"base_url" text,
	"api_key_ciphertext" text,
	"api_key_prefix" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "rates" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "signing_secret_ciphertext" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "signing_secret_prefix" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "previous_signing_secret_ciphertext" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "previous_signing_secret_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_credentials" ADD CONSTRAINT "provider_credentials_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_credentials_org_idx" ON "provider_credentials" USING btree ("org_id","id");