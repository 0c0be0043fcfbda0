// POST /numbers (managed numbers) with NUMBER_PROVIDER=twilio: the number is bought from the
// carrier (the Twilio stand-in) in the area code, configured there, and answered by the agent
// created with it; a carrier failure leaves neither agent nor number and charges nothing; DELETE
// releases it at the carrier.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { startTwilioStandIn } from "@switchboard/stand-ins/twilio";
import { eq } from "drizzle-orm";
import { agents, phoneNumbers } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber } from "../../testing/numbers.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";

const PUBLIC_URL = "https://switchboard.example.com";
const twilio = startTwilioStandIn();
let h: Harness;

beforeAll(async () => {
  const base = loadConfig({});
  h = await createHarness({
    config: {
      carriers: {
        ...base.carriers,
        numberProvider: "twilio",
        publicUrl: PUBLIC_URL,
        twilioBaseUrl: twilio.url,
        twilioAccountSid: twilio.accountSid,
        twilioAuthToken: twilio.authToken,
      },
    },
  });
}, 90_000);
afterAll(async () => {
  await twilio.stop();
  await h.close();
});

async function fundedOrg() {
  const org = await h.newOrg();
  await credit(h.ctx, org.orgId, 5000, "purchase", "seed");
  return org;
}

test("a managed number is bought from the carrier with its agent, and released there", async () => {
  const org = await fundedOrg();
  const offered = randomUsNumber("628");
  twilio.numbers.available.push(offered);
  const created = await h.json<{ id: string; phone_number: string; agent_id: string; system_prompt: string }>(
    "POST",
    "/api/v1/numbers",
    { key: org.ownerKey, body: { area_code: "628", system_prompt: "You are the front desk." } },
  );
  expect(created.status).toBe(201);
  expect(created.body.phone_number).toBe(offered);
  expect(created.body.system_prompt).toBe("You are the front desk.");
  expect(twilio.numbers.bought).toContain(offered);
  const held = [...twilio.numbers.owned.values()].find((n) => n.phoneNumber === offered);
  expect(held?.smsUrl).toBe(`${PUBLIC_URL}/api/v1/carriers/twilio/sms`);
  const [agent] = await h.ctx.db.select().from(agents).where(eq(agents.id, created.body.agent_id));
  expect(agent?.name).toBe(offered);
  expect(await getBalanceCents(h.ctx.db, org.orgId)).toBeLessThan(5000);

  const released = await h.json("DELETE", `/api/v1/numbers/${created.body.id}`, { key: org.ownerKey });
  expect(released.status).toBe(204);
  expect(twilio.numbers.released).toContain(offered);
}, 60_000);

test("a carrier failure leaves no agent and no number and charges nothing", async () => {
  const org = await fundedOrg();
  twilio.numbers.available.push(randomUsNumber("629"));
  twilio.numbers.failNextPurchase({ status: 500, code: 20500, message: "Internal Server Error" });
  const refused = await h.json("POST", "/api/v1/numbers", {
    key: org.ownerKey,
    body: { area_code: "629", system_prompt: "Hi" },
  });
  expect(refused.status).toBe(502);
  expect(await h.ctx.db.select().from(agents).where(eq(agents.orgId, org.orgId))).toEqual([]);
  expect(await h.ctx.db.select().from(phoneNumbers).where(eq(phoneNumbers.orgId, org.orgId))).toEqual([]);
  expect(await getBalanceCents(h.ctx.db, org.orgId)).toBe(5000);
}, 60_000);
