// An org's own Twilio account (ORG_CARRIER_CREDENTIALS): with a `twilio` provider credential
// its number search, purchase, release and SMS go through its account (a second Twilio
// stand-in) while other orgs keep the platform's, and inbound messages to its numbers verify
// with its auth token. Without the operator's allowance the credential is refused.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { startTwilioStandIn } from "@switchboard/stand-ins/twilio";
import { eq } from "drizzle-orm";
import { smsMessages } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber } from "../../testing/numbers.ts";
import { rejection } from "../../testing/rejection.ts";
import { credit } from "../credits/ledger.ts";
import { createCredential } from "../provider-credentials/service.ts";

const PUBLIC_URL = "https://switchboard.example.com";
const platform = startTwilioStandIn();
const own = startTwilioStandIn();
let h: Harness;

beforeAll(async () => {
  const base = loadConfig({});
  h = await createHarness({
    config: {
      // The org's stand-in is on loopback.
      allowPrivateUrls: true,
      carriers: {
        ...base.carriers,
        numberProvider: "twilio",
        smsCarrier: "twilio",
        orgCarrierCredentials: true,
        publicUrl: PUBLIC_URL,
        twilioBaseUrl: platform.url,
        twilioAccountSid: platform.accountSid,
        twilioAuthToken: platform.authToken,
      },
    },
  });
}, 90_000);
afterAll(async () => {
  await Promise.all([platform.stop(), own.stop()]);
  await h.close();
});

async function fundedOrg() {
  const org = await h.newOrg();
  await credit(h.ctx, org.orgId, 5000, "purchase", "seed");
  return org;
}

async function buy(key: string, areaCode: string, available: string[]) {
  const wanted = randomUsNumber(areaCode);
  available.push(wanted);
  const found = await h.json<{ data: Array<{ phone_number: string }> }>(
    "GET",
    `/api/v1/phone-numbers/search?country=US&area_code=${areaCode}&limit=50`,
    { key },
  );
  expect(found.body.data.map((n) => n.phone_number)).toContain(wanted);
  const bought = await h.json<{ id: string; phone_number: string }>("POST", "/api/v1/phone-numbers", {
    key,
    body: { phone_number: wanted },
  });
  expect(bought.status).toBe(201);
  return bought.body;
}

test("an org with its own Twilio account buys, texts, hears back and releases through it", async () => {
  const org = await fundedOrg();
  const credential = await h.json("POST", "/api/v1/provider-credentials", {
    key: org.ownerKey,
    body: { provider: "twilio", api_key: `${own.accountSid}:${own.authToken}`, base_url: own.url },
  });
  expect(credential.status).toBe(201);
  const number = await buy(org.ownerKey, "628", own.numbers.available);
  expect(own.numbers.bought).toContain(number.phone_number);
  expect(platform.numbers.bought).not.toContain(number.phone_number);

  const customer = randomUsNumber("415");
  const sent = await h.json<{ id: string }>("POST", "/api/v1/sms", {
    key: org.ownerKey,
    body: { from: number.id, to: customer, body: "Your table is ready." },
  });
  expect(sent.status).toBe(201);
  expect(own.sent.map((m) => [m.from, m.to])).toContainEqual([number.phone_number, customer]);
  expect(platform.sent.some((m) => m.to === customer)).toBe(false);

  const smsUrl = `${PUBLIC_URL}/api/v1/carriers/twilio/sms`;
  const reply = { from: customer, to: number.phone_number, body: "Thanks!" };
  expect((await h.app.handle(platform.inboundSms(smsUrl, reply).request())).status).toBe(403);
  expect((await h.app.handle(own.inboundSms(smsUrl, reply).request())).status).toBe(200);
  const stored = await h.ctx.db.select().from(smsMessages).where(eq(smsMessages.fromNumber, customer));
  expect(stored.map((row) => row.body)).toEqual(["Thanks!"]);

  const released = await h.json("DELETE", `/api/v1/phone-numbers/${number.id}`, { key: org.ownerKey });
  expect(released.status).toBe(204);
  expect(own.numbers.released).toContain(number.phone_number);
}, 60_000);

test("an org without its own account keeps the platform's", async () => {
  const org = await fundedOrg();
  const number = await buy(org.ownerKey, "629", platform.numbers.available);
  expect(platform.numbers.bought).toContain(number.phone_number);
  expect(own.numbers.bought).not.toContain(number.phone_number);
}, 60_000);

test("a carrier credential is refused unless the operator allows it, and must be SID:token", async () => {
  const org = await h.newOrg();
  const config = { ...h.ctx.config, carriers: { ...h.ctx.config.carriers, orgCarrierCredentials: false } };
  const input = { provider: "twilio" as const, api_key: `${own.accountSid}:${own.authToken}` };
  // Caught, not `expect(...).rejects`: see rejection() in testing/rejection.ts.
  expect(await rejection(createCredential(h.ctx.db, config, org.orgId, input))).toMatchObject({
    status: 422,
  });
  const malformed = await h.json("POST", "/api/v1/provider-credentials", {
    key: org.ownerKey,
    body: { provider: "twilio", api_key: "not-a-sid" },
  });
  expect(malformed.status).toBe(422);
});
