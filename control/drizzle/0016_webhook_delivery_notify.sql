-- Wakes the webhook workers when deliveries are queued: a NOTIFY is sent only when the
-- inserting transaction commits (once per channel and payload per transaction), so a worker
-- never claims a row it cannot yet see. The workers still poll when no notice arrives.
CREATE FUNCTION "notify_webhook_deliveries_queued"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('webhook_deliveries_queued', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "webhook_deliveries_queued" AFTER INSERT ON "webhook_deliveries" FOR EACH STATEMENT EXECUTE FUNCTION "notify_webhook_deliveries_queued"();
