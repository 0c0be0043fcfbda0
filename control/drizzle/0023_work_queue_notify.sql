-- Wakes the workers of three queues when their work arrives, as 0016 does for webhook
-- deliveries: a NOTIFY on the channel named by the trigger's argument, sent only when the
-- writing transaction commits (once per channel per transaction). The workers then poll
-- seldom, and an idle platform runs few statements.
--   sms_messages_queued: a call's message to check, charge and hand to the carrier;
--   sms_agent_replies_queued: an inbound message for the agent to answer;
--   campaigns_changed: a campaign created, started, paused, resumed or ended.
CREATE FUNCTION "notify_work_queued"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "sms_messages_queued" AFTER INSERT ON "sms_messages" FOR EACH STATEMENT EXECUTE FUNCTION "notify_work_queued"('sms_messages_queued');
--> statement-breakpoint
CREATE TRIGGER "sms_agent_replies_queued" AFTER INSERT ON "sms_agent_replies" FOR EACH STATEMENT EXECUTE FUNCTION "notify_work_queued"('sms_agent_replies_queued');
--> statement-breakpoint
CREATE TRIGGER "campaigns_changed" AFTER INSERT OR UPDATE OF "status" ON "campaigns" FOR EACH STATEMENT EXECUTE FUNCTION "notify_work_queued"('campaigns_changed');
