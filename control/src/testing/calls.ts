// Fixtures for the calls tests: an org with credits, an active agent, a number, a webhook
// endpoint, and gateway call events shaped exactly as the gateway writes them.
import type { CallEvent, TranscriptTurn } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { eq } from "drizzle-orm";
import { creditLedger, phoneNumbers, webhookDeliveries } from "../db/schema.ts";
import { credit } from "../modules/credits/ledger.ts";
import type { Harness } from "./harness.ts";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EventBody = DistributiveOmit<CallEvent, "event_id" | "occurred_at" | "org_id" | "gateway_id"> & {
  gateway_id?: string;
};

export async function addCredits(h: Harness, amountCents: number, orgId = h.orgId): Promise<void> {
  await credit(h.ctx, orgId, amountCents, "adjustment", newId("txn"), "test credits");
}

export async function createAgent(h: Harness, body: Record<string, unknown> = {}): Promise<string> {
  const response = await h.json<{ id: string }>("POST", "/api/v1/agents", {
    body: { name: "Zara", ...body },
  });
  if (response.status !== 201) throw new Error(`agent not created: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

let numberCounter = 0;

/** A number owned by the org (+1 415 555 01xx range is valid in libphonenumber's plan). */
export async function addNumber(
  h: Harness,
  options: { agentId?: string | null; status?: "active" | "suspended"; orgId?: string } = {},
): Promise<{ id: string; phoneNumber: string }> {
  numberCounter += 1;
  const suffix = String((Date.now() + numberCounter) % 10_000).padStart(4, "0");
  const phoneNumber = `+1628${String(200 + (numberCounter % 700)).padStart(3, "0")}${suffix}`;
  const id = newId("pn");
  await h.ctx.db.insert(phoneNumbers).values({
    id,
    orgId: options.orgId ?? h.orgId,
    phoneNumber,
    country: "US",
    provider: "inventory",
    status: options.status ?? "active",
    agentId: options.agentId ?? null,
    monthlyCostCents: 500,
    renewsAt: new Date(Date.now() + 30 * 86_400_000),
  });
  return { id, phoneNumber };
}

export async function addWebhookEndpoint(h: Harness): Promise<void> {
  const response = await h.json("POST", "/api/v1/webhooks", { body: { url: "http://127.0.0.1:9/hook" } });
  if (response.status !== 201) throw new Error(`webhook not created: ${JSON.stringify(response.body)}`);
}

export async function webhookTypes(h: Harness, orgId = h.orgId): Promise<string[]> {
  const rows = await h.ctx.db
    .select({ type: webhookDeliveries.eventType })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.orgId, orgId));
  return rows.map((row) => row.type).sort();
}

export async function callCharges(h: Harness, callId: string): Promise<number[]> {
  const rows = await h.ctx.db
    .select({ amount: creditLedger.amountCents })
    .from(creditLedger)
    .where(eq(creditLedger.reference, callId));
  return rows.map((row) => row.amount);
}

export function eventOf(h: Harness, body: EventBody, orgId = h.orgId): CallEvent {
  return {
    gateway_id: "gw-test",
    ...body,
    event_id: newId("evt"),
    org_id: orgId,
    occurred_at: new Date().toISOString(),
  } as CallEvent;
}

export function agentTurn(
  startedAtMs: number,
  totalMs: number,
  text = "Hello, how can I help?",
): TranscriptTurn {
  return {
    role: "agent",
    text,
    started_at: new Date(startedAtMs).toISOString(),
    ended_at: new Date(startedAtMs + 1500).toISOString(),
    interrupted: false,
    latency: {
      endpointing_ms: 300,
      stt_ms: 80,
      llm_first_token_ms: 200,
      tts_first_byte_ms: 90,
      first_packet_ms: 5,
      total_ms: totalMs,
    },
  };
}

export function userTurn(startedAtMs: number, text = "I would like to book a table"): TranscriptTurn {
  return {
    role: "user",
    text,
    started_at: new Date(startedAtMs).toISOString(),
    ended_at: new Date(startedAtMs + 1200).toISOString(),
    interrupted: false,
    latency: null,
  };
}

/** The events of one answered inbound call, in the order a gateway writes them. */
export function inboundCallEvents(
  h: Harness,
  options: { callId: string; agentId: string; answeredAtMs: number; durationS: number; gatewayId?: string },
): CallEvent[] {
  const gateway_id = options.gatewayId ?? "gw-test";
  const { callId, answeredAtMs } = options;
  return [
    eventOf(h, { type: "call.status", call_id: callId, status: "ringing", gateway_id }),
    eventOf(h, {
      type: "call.started",
      call_id: callId,
      direction: "inbound",
      agent_id: options.agentId,
      from_number: "+14155550199",
      to_number: "+16282000001",
      phone_number_id: null,
      answered_at: new Date(answeredAtMs).toISOString(),
      gateway_id,
    }),
    eventOf(h, {
      type: "call.turn",
      call_id: callId,
      index: 0,
      turn: agentTurn(answeredAtMs + 100, 700),
      gateway_id,
    }),
    eventOf(h, {
      type: "call.turn",
      call_id: callId,
      index: 1,
      turn: userTurn(answeredAtMs + 3000),
      gateway_id,
    }),
    eventOf(h, {
      type: "call.turn",
      call_id: callId,
      index: 2,
      turn: agentTurn(answeredAtMs + 4500, 900, "Sure, for how many?"),
      gateway_id,
    }),
    eventOf(h, {
      type: "call.ended",
      call_id: callId,
      status: "completed",
      hangup_cause: "caller_hangup",
      ended_at: new Date(answeredAtMs + options.durationS * 1000).toISOString(),
      duration_s: options.durationS,
      gateway_id,
    }),
  ];
}
