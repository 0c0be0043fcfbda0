// The send_sms tool's requests as a gateway writes them (call.sms events): texted from the
// call's number to the caller through the Twilio stand-in, charged per segment once however
// often the event arrives, refused uncharged without credits or to an opted-out caller, the
// outcome published for the gateway, and the message in GET /sms with the call's id.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { Channels } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import type { CallSmsOutcome } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { startTwilioStandIn } from "@switchboard/stand-ins/twilio";
import { eq } from "drizzle-orm";
import { creditLedger, smsMessages, smsOptOuts } from "../../db/schema.ts";
import { addCredits, addNumber, createAgent, eventOf } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent, applyCallEvents } from "../calls/events.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { CallSmsSender, STRANDED_AFTER_MS, settleStranded } from "./call-sms-sender.ts";

const CALLER = "+14155550173";
const twilio = startTwilioStandIn();
let h: Harness;
let number: { id: string; phoneNumber: string };
let agentId: string;
const outcomes: CallSmsOutcome[] = [];
let sender: CallSmsSender;

beforeAll(async () => {
  const base = loadConfig({});
  h = await createHarness({
    config: {
      carriers: {
        ...base.carriers,
        smsCarrier: "twilio",
        twilioBaseUrl: twilio.url,
        twilioAccountSid: twilio.accountSid,
        twilioAuthToken: twilio.authToken,
        smsCentsPerSegment: 3,
      },
    },
  });
  await h.ctx.bus.subscribe(Channels.smsOutcomes, (message) => outcomes.push(JSON.parse(message)));
  sender = new CallSmsSender(h.ctx);
  agentId = await createAgent(h);
  number = await addNumber(h, { agentId });
}, 90_000);
afterAll(async () => {
  await twilio.stop();
  await h.close();
});

async function inboundCall(): Promise<string> {
  const callId = newId("call");
  const started = eventOf(h, {
    type: "call.started",
    call_id: callId,
    direction: "inbound",
    agent_id: agentId,
    from_number: CALLER,
    to_number: number.phoneNumber,
    phone_number_id: number.id,
    answered_at: new Date().toISOString(),
  });
  expect(await applyCallEvent(h.ctx, started)).toBe("applied");
  return callId;
}

const smsEvent = (callId: string, body: string, to: string | null = null) =>
  eventOf(h, { type: "call.sms", call_id: callId, sms_id: newId("sms"), to, body });

async function outcomeOf(smsId: string): Promise<CallSmsOutcome> {
  while (await sender.runOnce()) {}
  return waitFor("the outcome on the bus", async () => outcomes.find((outcome) => outcome.sms_id === smsId));
}

test("the caller is texted from the call's number, charged once though the event came twice", async () => {
  await addCredits(h, 100);
  const callId = await inboundCall();
  const event = smsEvent(callId, "Our address is 1 Main Street.");
  const redelivered = { ...event, event_id: newId("evt") };
  expect(await applyCallEvents(h.ctx, [event, redelivered])).toEqual(["applied", "applied"]);
  const smsId = (event as { sms_id: string }).sms_id;

  const outcome = await outcomeOf(smsId);
  expect(outcome).toEqual({ sms_id: smsId, status: "sent", error_code: null, segments: 1, cost_cents: 3 });
  const sent = twilio.sent.filter((message) => message.body === "Our address is 1 Main Street.");
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ from: number.phoneNumber, to: CALLER });
  const charges = await h.ctx.db.select().from(creditLedger).where(eq(creditLedger.reference, smsId));
  expect(charges.map((row) => [row.kind, row.amountCents])).toEqual([["sms_usage", -3]]);

  const listed = await h.json<{ data: Array<Record<string, unknown>> }>(
    "GET",
    "/api/v1/sms?direction=outbound",
  );
  const message = listed.body.data.find((row) => row.id === smsId);
  expect(message).toMatchObject({
    from: number.phoneNumber,
    to: CALLER,
    cost_cents: 3,
    phone_number_id: number.id,
    metadata: { call_id: callId, agent_id: agentId },
  });
});

test("without credits the message is refused: failed, nothing charged, nothing sent", async () => {
  const balance = await getBalanceCents(h.ctx.db, h.orgId);
  await h.ctx.db.transaction(async (tx) => {
    const { appendEntry } = await import("../credits/ledger.ts");
    if (balance > 0)
      await appendEntry(tx, h.ctx, {
        orgId: h.orgId,
        kind: "adjustment",
        amountCents: -balance,
        reference: newId("txn"),
      });
  });
  const sentBefore = twilio.sent.length;
  const callId = await inboundCall();
  const event = smsEvent(callId, "This should not go out.");
  expect(await applyCallEvent(h.ctx, event)).toBe("applied");
  const smsId = (event as { sms_id: string }).sms_id;
  expect((await outcomeOf(smsId)).error_code).toBe("insufficient_credits");
  const stored = await h.json<Record<string, unknown>>("GET", `/api/v1/sms/${smsId}`);
  expect(stored.body).toMatchObject({ status: "failed", error_code: "insufficient_credits", cost_cents: 0 });
  expect(twilio.sent.length).toBe(sentBefore);
  expect(await getBalanceCents(h.ctx.db, h.orgId)).toBe(0);
});

test("a caller who texted STOP to the number is not texted; a web call texts nothing", async () => {
  await addCredits(h, 100);
  await h.ctx.db
    .insert(smsOptOuts)
    .values({ ourNumber: number.phoneNumber, theirNumber: "+14155550174", orgId: h.orgId });
  const callId = await inboundCall();
  const event = smsEvent(callId, "Hello", "+14155550174");
  expect(await applyCallEvent(h.ctx, event)).toBe("applied");
  expect((await outcomeOf((event as { sms_id: string }).sms_id)).error_code).toBe("recipient_opted_out");

  const webCallId = newId("call");
  await applyCallEvent(
    h.ctx,
    eventOf(h, {
      type: "call.started",
      call_id: webCallId,
      direction: "web",
      agent_id: agentId,
      from_number: null,
      to_number: null,
      phone_number_id: null,
      answered_at: new Date().toISOString(),
    }),
  );
  const web = smsEvent(webCallId, "Hello", CALLER);
  expect(await applyCallEvent(h.ctx, web)).toBe("applied");
  const missing = await h.json("GET", `/api/v1/sms/${(web as { sms_id: string }).sms_id}`);
  expect(missing.status).toBe(404);
});

test("the catalogue lists send_sms as available only where a number can text", async () => {
  const listed = await h.json<{ data: Array<{ name: string; available: boolean }> }>(
    "GET",
    `/api/v1/tools/built-ins?phone_number_id=${number.id}`,
  );
  expect(listed.status).toBe(200);
  expect(listed.body.data.find((tool) => tool.name === "send_sms")?.available).toBe(true);

  const other = await h.newOrg();
  const none = await h.json<{
    data: Array<{ name: string; available: boolean; unavailable_reason: string }>;
  }>("GET", "/api/v1/tools/built-ins", { key: other.ownerKey });
  const sms = none.body.data.find((tool) => tool.name === "send_sms");
  expect(sms).toMatchObject({ available: false, unavailable_reason: "the org has no phone number" });
  expect(none.body.data.find((tool) => tool.name === "end_call")?.available).toBe(true);
  const foreign = await h.json("GET", `/api/v1/tools/built-ins?phone_number_id=${number.id}`, {
    key: other.ownerKey,
  });
  expect(foreign.status).toBe(404);
});

test("a charged message whose sender died before the carrier took it is failed and refunded, not sent late", async () => {
  await addCredits(h, 100);
  const callId = await inboundCall();
  const event = smsEvent(callId, "Lost in a crash.");
  expect(await applyCallEvent(h.ctx, event)).toBe("applied");
  const smsId = (event as { sms_id: string }).sms_id;
  // The sender charged it and died before the carrier call.
  await h.ctx.db
    .update(smsMessages)
    .set({ carrier: "twilio", costCents: 3, toNumber: CALLER })
    .where(eq(smsMessages.id, smsId));
  const { appendEntry } = await import("../credits/ledger.ts");
  await h.ctx.db.transaction((tx) =>
    appendEntry(tx, h.ctx, { orgId: h.orgId, kind: "sms_usage", amountCents: -3, reference: smsId }),
  );
  const balance = await getBalanceCents(h.ctx.db, h.orgId);
  expect(await settleStranded(h.ctx)).toBe(0);
  expect(await settleStranded(h.ctx, Date.now() + STRANDED_AFTER_MS + 1000)).toBe(1);
  const stored = await h.json<Record<string, unknown>>("GET", `/api/v1/sms/${smsId}`);
  expect(stored.body).toMatchObject({ status: "failed", error_code: "not_sent" });
  expect(await getBalanceCents(h.ctx.db, h.orgId)).toBe(balance + 3);
  expect(twilio.sent.some((message) => message.body === "Lost in a crash.")).toBe(false);
});

test("a started sender is woken by the commit that records the call's message; its poll is far off", async () => {
  const woken = new CallSmsSender(h.ctx, 120_000);
  woken.start();
  try {
    expect(await woken.wokenByCommits()).toBe(true);
    await addCredits(h, 100);
    const event = smsEvent(await inboundCall(), "Woken by the commit.");
    expect(await applyCallEvent(h.ctx, event)).toBe("applied");
    const smsId = (event as { sms_id: string }).sms_id;
    const outcome = await waitFor(
      "the outcome on the bus",
      () => outcomes.find((candidate) => candidate.sms_id === smsId),
      { timeoutMs: 10_000 },
    );
    expect(outcome.status).toBe("sent");
    expect(twilio.sent.filter((message) => message.body === "Woken by the commit.")).toHaveLength(1);
  } finally {
    await woken.stop();
  }
});
