// A caller who says a card number and an e-mail address: with the org's redaction on, both are
// masked in the stored transcript, the API's call record and the webhook's payload.
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { CallEvent } from "@switchboard/shared/events";
import { eq } from "drizzle-orm";
import { callTurns, webhookDeliveries } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvents } from "../calls/events.ts";

const ADMIN_KEY = `sk_admin_${crypto.randomUUID().replaceAll("-", "")}`;
const CARD = "4111 1111 1111 1111";
const EMAIL = "jane.doe@example.com";
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ config: { adminApiKey: ADMIN_KEY } });
}, 30_000);

afterAll(async () => {
  await h?.close();
});

function events(orgId: string, callId: string): CallEvent[] {
  const base = (type: string) => ({
    event_id: `evt_${Bun.randomUUIDv7().replaceAll("-", "")}`,
    call_id: callId,
    org_id: orgId,
    gateway_id: "gateway-test",
    occurred_at: new Date().toISOString(),
    type,
  });
  const at = new Date().toISOString();
  return [
    {
      ...base("call.started"),
      direction: "inbound",
      agent_id: "agt_test",
      from_number: "+14155550123",
      to_number: "+14155550100",
      phone_number_id: null,
      answered_at: at,
    },
    {
      ...base("call.turn"),
      index: 0,
      turn: {
        role: "user",
        text: `My card is ${CARD} and my email is ${EMAIL}.`,
        started_at: at,
        ended_at: at,
        interrupted: false,
        latency: null,
      },
    },
    {
      ...base("call.ended"),
      status: "completed",
      hangup_cause: "caller_hangup",
      ended_at: at,
      duration_s: 12,
    },
  ] as CallEvent[];
}

test("card numbers and e-mails are masked before the turn is stored, so the API and webhooks never see them", async () => {
  const patched = await h.json<{ redaction: unknown }>("PATCH", `/api/v1/admin/orgs/${h.orgId}`, {
    key: ADMIN_KEY,
    body: { redaction: { entities: ["card_number", "email"] } },
  });
  expect(patched.status).toBe(200);
  expect(patched.body.redaction).toEqual({ entities: ["card_number", "email"], patterns: [] });
  const badPattern = await h.json<{ errors: { field: string }[] }>("PATCH", `/api/v1/admin/orgs/${h.orgId}`, {
    key: ADMIN_KEY,
    body: { redaction: { entities: [], patterns: ["(unclosed"] } },
  });
  expect(badPattern.status).toBe(422);
  expect(badPattern.body.errors[0]?.field).toBe("redaction.patterns.0");
  const hook = await h.json("POST", "/api/v1/webhooks", {
    body: { url: "http://127.0.0.1:9/hooks", events: ["call.transcript.ready"] },
  });
  expect(hook.status).toBe(201);

  const callId = `call_${Bun.randomUUIDv7().replaceAll("-", "")}`;
  await applyCallEvents({ db: h.ctx.db, bus: h.ctx.bus, config: h.ctx.config }, events(h.orgId, callId));

  const [stored] = await h.ctx.db.select().from(callTurns).where(eq(callTurns.callId, callId));
  expect(stored?.text).toBe("My card is [card_number] and my email is [email].");
  const detail = await h.json<{ transcript: { text: string }[] }>("GET", `/api/v1/calls/${callId}`);
  expect(detail.body.transcript.map((turn) => turn.text)).toEqual([stored!.text]);
  const queued = await h.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, h.orgId));
  const transcriptReady = queued.find((delivery) => delivery.eventType === "call.transcript.ready");
  expect(transcriptReady?.payload).toContain("[card_number]");
  for (const delivery of queued) {
    expect(delivery.payload).not.toContain(CARD);
    expect(delivery.payload).not.toContain(EMAIL);
  }
});

test("an org without redaction stores its turns as heard", async () => {
  const other = await h.newOrg();
  const callId = `call_${Bun.randomUUIDv7().replaceAll("-", "")}`;
  await applyCallEvents({ db: h.ctx.db, bus: h.ctx.bus, config: h.ctx.config }, events(other.orgId, callId));
  const [stored] = await h.ctx.db.select().from(callTurns).where(eq(callTurns.callId, callId));
  expect(stored?.text).toContain(CARD);
});
