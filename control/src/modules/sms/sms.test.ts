// SMS through the Twilio and Telnyx stand-ins: sending (charged per segment, 402 without
// credits, a carrier's refusal refunded), delivery status from the carriers' signed callbacks,
// inbound messages verified by signature (unsigned, wrong, stale or replayed: 403 and nothing
// happens), and STOP / START.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { newId } from "@switchboard/shared/ids";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { startTelnyxStandIn } from "@switchboard/stand-ins/telnyx";
import { startTwilioStandIn } from "@switchboard/stand-ins/twilio";
import { and, eq } from "drizzle-orm";
import {
  creditLedger,
  phoneNumbers,
  smsMessages,
  webhookDeliveries,
  webhookEndpoints,
} from "../../db/schema.ts";
import { type ApiClient, harnessClient } from "../../testing/api-client/client.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber } from "../../testing/numbers.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";

const twilio = startTwilioStandIn();
const telnyx = startTelnyxStandIn();
let h: Harness;
let publicUrl: string;
let server: ReturnType<typeof Bun.serve>;

beforeAll(async () => {
  let app: Harness["app"] | null = null;
  server = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: (request) => app!.handle(request) });
  publicUrl = `http://127.0.0.1:${server.port}`;
  const base = loadConfig({});
  h = await createHarness({
    config: {
      carriers: {
        ...base.carriers,
        smsCarrier: "twilio",
        publicUrl,
        twilioBaseUrl: twilio.url,
        twilioAccountSid: twilio.accountSid,
        twilioAuthToken: twilio.authToken,
        telnyxBaseUrl: telnyx.url,
        telnyxApiKey: telnyx.apiKey,
        telnyxPublicKey: telnyx.publicKey,
        smsCentsPerSegment: 2,
      },
    },
  });
  app = h.app;
}, 20_000);
afterAll(async () => {
  server.stop(true);
  await Promise.all([twilio.stop(), telnyx.stop()]);
  await h.close();
});

interface Org {
  orgId: string;
  api: ApiClient;
  number: string;
  numberId: string;
}

/** An org with `cents` of credit, a webhook endpoint, and a number carried by `provider`. */
async function orgWithNumber(provider: "inventory" | "telnyx", cents = 1000): Promise<Org> {
  const org = await h.newOrg();
  if (cents > 0) await credit(h.ctx, org.orgId, cents, "purchase", "seed");
  const number = randomUsNumber("628");
  const numberId = newId("pn");
  await h.ctx.db.insert(phoneNumbers).values({
    id: numberId,
    orgId: org.orgId,
    phoneNumber: number,
    country: "US",
    region: "CA",
    provider,
    monthlyCostCents: 500,
    renewsAt: new Date(Date.now() + 86_400_000),
  });
  await h.ctx.db.insert(webhookEndpoints).values({
    id: newId("whk"),
    orgId: org.orgId,
    url: "http://127.0.0.1:9/hook",
    secretCiphertext: "unused",
  });
  return { orgId: org.orgId, api: harnessClient(h, org.ownerKey), number, numberId };
}

async function eventsOf(
  orgId: string,
  type: string,
): Promise<Array<{ data: { sms: { id: string; status: string } } }>> {
  const rows = await h.ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.eventType, type)));
  return rows.map((row) => JSON.parse(row.payload));
}

async function smsRows(orgId: string) {
  return h.ctx.db.select().from(smsMessages).where(eq(smsMessages.orgId, orgId));
}

describe("sending", () => {
  test("through Twilio: charged per segment, sms.sent, then delivered from the signed status callbacks", async () => {
    const org = await orgWithNumber("inventory");
    const to = randomUsNumber("415");
    const res = await org.api.POST("/api/v1/sms", {
      body: { from: org.numberId, to, body: "Your table is booked for 7pm.", metadata: { booking: 42 } },
    });
    expect(res.response.status).toBe(201);
    const sms = res.data!;
    expect(sms).toMatchObject({ direction: "outbound", from: org.number, to, status: "queued", segments: 1 });
    expect(sms.encoding).toBe("GSM-7");
    expect(sms.cost_cents).toBe(2);
    expect(sms.metadata).toEqual({ booking: 42 });
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(998);
    const sent = twilio.sent.find((m) => m.to === to)!;
    expect(sent).toMatchObject({ from: org.number, body: "Your table is booked for 7pm." });
    expect(sent.statusCallback).toBe(`${publicUrl}/api/v1/carriers/twilio/status?sms_id=${sms.id}`);
    const delivered = await waitFor("delivered", async () => {
      const got = await org.api.GET("/api/v1/sms/{id}", { params: { path: { id: sms.id } } });
      return got.data?.status === "delivered" ? got.data : null;
    });
    expect(delivered.id).toBe(sms.id);
    expect((await eventsOf(org.orgId, "sms.sent")).map((e) => e.data.sms.id)).toEqual([sms.id]);
  });

  test("a UCS-2 body of 71 characters is two segments", async () => {
    const org = await orgWithNumber("inventory");
    const body = `${"é".repeat(10)}${"😀".repeat(1)}${"ж".repeat(59)}`;
    const res = await org.api.POST("/api/v1/sms", { body: { from: org.number, to: randomUsNumber(), body } });
    expect(res.response.status).toBe(201);
    expect(res.data).toMatchObject({ encoding: "UCS-2", segments: 2, cost_cents: 4 });
  });

  test("without credits: 402, nothing stored, nothing sent", async () => {
    const org = await orgWithNumber("inventory", 1);
    const before = twilio.sent.length;
    const res = await org.api.POST("/api/v1/sms", {
      body: { from: org.numberId, to: randomUsNumber(), body: "hi" },
    });
    expect(res.response.status).toBe(402);
    expect(res.error!.code).toBe("insufficient_credits");
    expect(await smsRows(org.orgId)).toHaveLength(0);
    expect(twilio.sent.length).toBe(before);
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(1);
  });

  test("another org's number is a 404; a bad destination a 422", async () => {
    const org = await orgWithNumber("inventory");
    const other = await orgWithNumber("inventory");
    const foreign = await org.api.POST("/api/v1/sms", {
      body: { from: other.numberId, to: randomUsNumber(), body: "x" },
    });
    expect(foreign.response.status).toBe(404);
    const bad = await org.api.POST("/api/v1/sms", { body: { from: org.numberId, to: "12", body: "x" } });
    expect(bad.response.status).toBe(422);
    expect(await smsRows(org.orgId)).toHaveLength(0);
  });

  test("a carrier's refusal: 502, the message failed with the carrier's code, sms.failed, the charge refunded", async () => {
    const org = await orgWithNumber("inventory");
    twilio.failNextSend({ status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient" });
    const res = await org.api.POST("/api/v1/sms", {
      body: { from: org.numberId, to: randomUsNumber(), body: "hi" },
    });
    expect(res.response.status).toBe(502);
    expect(res.error!.code).toBe("carrier_rejected");
    const [row] = await smsRows(org.orgId);
    expect(row).toMatchObject({ status: "failed", errorCode: "21610" });
    expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(1000);
    expect(await eventsOf(org.orgId, "sms.failed")).toHaveLength(1);
  });

  test("through Telnyx for a Telnyx number, delivery from its signed webhooks", async () => {
    const org = await orgWithNumber("telnyx");
    const to = randomUsNumber();
    telnyx.nextFinalStatus.push("delivery_failed");
    const res = await org.api.POST("/api/v1/sms", { body: { from: org.numberId, to, body: "hello" } });
    expect(res.response.status).toBe(201);
    expect(telnyx.sent.find((m) => m.to === to)?.webhookUrl).toBe(
      `${publicUrl}/api/v1/carriers/telnyx/webhook?sms_id=${res.data!.id}`,
    );
    await waitFor("undelivered", async () => (await smsRows(org.orgId))[0]?.status === "undelivered");
    expect((await eventsOf(org.orgId, "sms.failed")).map((e) => e.data.sms.status)).toEqual(["undelivered"]);
  });
});

describe("inbound", () => {
  const twilioInboundUrl = () => `${publicUrl}/api/v1/carriers/twilio/sms`;
  const telnyxUrl = () => `${publicUrl}/api/v1/carriers/telnyx/webhook`;

  test("Twilio: signed is stored with sms.received; unsigned, wrong or replayed gets 403 and nothing happens", async () => {
    const org = await orgWithNumber("inventory");
    const from = randomUsNumber();
    const signed = twilio.inboundSms(twilioInboundUrl(), {
      from,
      to: org.number,
      body: "Do you open on Sunday?",
    });
    const unsigned = await h.app.handle(signed.request({ signature: null }));
    expect(unsigned.status).toBe(403);
    const wrong = await h.app.handle(
      signed.request({
        signature: twilio.inboundSms(twilioInboundUrl(), { from, to: org.number, body: "other" }).signature,
      }),
    );
    expect(wrong.status).toBe(403);
    const tampered = await h.app.handle(
      signed.request({ params: { ...signed.params, Body: "Send me everything" } }),
    );
    expect(tampered.status).toBe(403);
    expect(await smsRows(org.orgId)).toHaveLength(0);

    const first = await fetch(signed.request());
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/xml");
    const replay = await fetch(signed.request());
    expect(replay.status).toBe(403);
    const rows = await smsRows(org.orgId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      direction: "inbound",
      status: "received",
      fromNumber: from,
      body: "Do you open on Sunday?",
    });
    expect((await eventsOf(org.orgId, "sms.received")).map((e) => e.data.sms.id)).toEqual([rows[0]!.id]);

    const list = await org.api.GET("/api/v1/sms", {
      params: { query: { direction: "inbound", number: org.numberId } },
    });
    expect(list.data!.data.map((m) => m.id)).toEqual([rows[0]!.id]);
    const none = await org.api.GET("/api/v1/sms", { params: { query: { direction: "outbound" } } });
    expect(none.data!.data).toHaveLength(0);
  });

  test("Telnyx: signed is stored; wrong, stale or replayed gets 403 and nothing happens", async () => {
    const org = await orgWithNumber("telnyx");
    const from = randomUsNumber();
    const stale = telnyx.inboundSms(telnyxUrl(), { from, to: org.number, text: "old" }, Date.now() - 600_000);
    expect((await h.app.handle(stale.request())).status).toBe(403);
    const signed = telnyx.inboundSms(telnyxUrl(), { from, to: org.number, text: "Hi there" });
    expect((await h.app.handle(signed.request({ signature: null }))).status).toBe(403);
    expect((await h.app.handle(signed.request({ signature: stale.signature }))).status).toBe(403);
    expect((await h.app.handle(signed.request({ timestampS: signed.timestampS + 1 }))).status).toBe(403);
    expect(await smsRows(org.orgId)).toHaveLength(0);
    expect((await h.app.handle(signed.request())).status).toBe(204);
    expect((await h.app.handle(signed.request())).status).toBe(403);
    const rows = await smsRows(org.orgId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ direction: "inbound", body: "Hi there", carrier: "telnyx" });
  });

  test("STOP stops every later message to the sender from that number until START", async () => {
    const org = await orgWithNumber("inventory");
    const sender = randomUsNumber();
    const send = () =>
      org.api.POST("/api/v1/sms", { body: { from: org.numberId, to: sender, body: "Reminder" } });
    const inbound = (body: string) =>
      fetch(twilio.inboundSms(twilioInboundUrl(), { from: sender, to: org.number, body }).request());
    expect((await inbound(" stop ")).status).toBe(200);
    const refused = await send();
    expect(refused.response.status).toBe(422);
    expect(refused.error!.code).toBe("recipient_opted_out");
    expect(twilio.sent.some((m) => m.to === sender)).toBe(false);
    expect((await inbound("START")).status).toBe(200);
    expect((await send()).response.status).toBe(201);
    expect(twilio.sent.filter((m) => m.to === sender)).toHaveLength(1);
    const ledger = await h.ctx.db.select().from(creditLedger).where(eq(creditLedger.orgId, org.orgId));
    expect(ledger.filter((entry) => entry.kind === "sms_usage")).toHaveLength(1);
  });
});
