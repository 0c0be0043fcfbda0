import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type DispatchCommand, Streams } from "@switchboard/shared/events";
import { addCredits, addNumber, createAgent, eventOf } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent, parseCallEvent } from "./events.ts";

const GROUP = "sip-headers-test";

describe("sip_headers on the call record", () => {
  let h: Harness;
  let agentId: string;

  beforeAll(async () => {
    h = await createHarness({ config: { outboundAllowedPrefixes: ["+1"] } });
    await h.ctx.bus.ensureGroup(Streams.dispatch, GROUP);
    agentId = await createAgent(h);
    await addNumber(h, { agentId });
    await addCredits(h, 1000);
  });
  afterAll(async () => {
    await h.close();
  });

  const place = (body: Record<string, unknown>, key: string) =>
    h.json<Record<string, unknown> & { id: string }>("POST", "/api/v1/calls/outbound", {
      body: { agent_id: agentId, to_number: "+14155550142", ...body },
      headers: { "Idempotency-Key": key },
    });

  test("an inbound call's headers from call.started are on GET /calls/{id}", async () => {
    const callId = `call_${crypto.randomUUID().replaceAll("-", "")}`;
    const headers = {
      "X-Customer-Id": "42",
      Diversion: "<sip:+14155550199@carrier.example>;reason=no-answer",
    };
    const started = eventOf(h, {
      type: "call.started",
      call_id: callId,
      direction: "inbound",
      agent_id: agentId,
      from_number: "+14155550111",
      to_number: "+14155550100",
      phone_number_id: null,
      answered_at: new Date().toISOString(),
      sip_headers: headers,
    });
    expect(await applyCallEvent(h.ctx, started)).toBe("applied");
    const detail = await h.json<Record<string, unknown>>("GET", `/api/v1/calls/${callId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.sip_headers).toEqual(headers);
  });

  test("a transfer's NOTIFY outcome from call.transfer is on the call; a malformed one is dropped", async () => {
    const callId = `call_${crypto.randomUUID().replaceAll("-", "")}`;
    const started = eventOf(h, {
      type: "call.started",
      call_id: callId,
      direction: "inbound",
      agent_id: agentId,
      from_number: "+14155550111",
      to_number: "+14155550100",
      phone_number_id: null,
      answered_at: new Date().toISOString(),
    });
    expect(await applyCallEvent(h.ctx, started)).toBe("applied");
    const before = await h.json<Record<string, unknown>>("GET", `/api/v1/calls/${callId}`);
    expect(before.body.transfer).toBeNull();
    expect(before.body.sip_headers).toBeNull();
    const transfer = eventOf(h, {
      type: "call.transfer",
      call_id: callId,
      target: "+14155550123",
      ok: false,
      status: 486,
      reason: "Busy Here",
    });
    expect(await applyCallEvent(h.ctx, transfer)).toBe("applied");
    const detail = await h.json<Record<string, unknown>>("GET", `/api/v1/calls/${callId}`);
    expect(detail.body.transfer).toMatchObject({
      target: "+14155550123",
      ok: false,
      status: 486,
      reason: "Busy Here",
    });
    expect(parseCallEvent(JSON.stringify({ ...transfer, ok: "yes" }))).toBeNull();
  });

  test("an outbound call's sip_headers are stored and sent in the dispatch command", async () => {
    const sent = { "X-Campaign-Id": "7", "User-to-User": "56a390f3;encoding=hex" };
    const placed = await place({ sip_headers: sent }, "sip-headers-1");
    expect(placed.status).toBe(201);
    expect(placed.body.sip_headers).toEqual(sent);
    const entries = await h.ctx.bus.readGroup(Streams.dispatch, GROUP, "reader", { count: 10, blockMs: 50 });
    const command = entries
      .map((entry) => JSON.parse(entry.data) as DispatchCommand)
      .find((one) => one.call_id === placed.body.id);
    expect(command?.sip_headers).toEqual(sent);
    const plain = await place({}, "sip-headers-2");
    expect(plain.body.sip_headers).toBeNull();
  });

  test("headers the stack owns, bad names, CR/LF and oversize values are refused with 422", async () => {
    const refused = [
      { Via: "SIP/2.0/UDP evil.example" },
      { "X-Bad Name": "1" },
      { "X-Injected": "1\r\nVia: SIP/2.0/UDP evil.example" },
      { "X-Long": "a".repeat(1025) },
    ];
    for (const [index, sip_headers] of refused.entries()) {
      const response = await place({ sip_headers }, `sip-headers-bad-${index}`);
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});
