ALTER TABLE "agents" ADD COLUMN "realtime" jsonb;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "usage" jsonb;