// A Telnyx number order that stays pending at purchase: the number is `pending` (charged, no
// route, so no calls) until Telnyx's signed number_order.complete completes it (configured at
// the carrier, active, routed) or fails it (gone, the first month refunded). The same event
// again is refused as a replay.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { startTelnyxStandIn } from "@switchboard/stand-ins/telnyx";
import { eq } from "drizzle-orm";
import { phoneNumbers } from "../../db/schema.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber } from "../../testing/numbers.ts";
import { credit, getBalanceCents } from "../credits/ledger.ts";

const PUBLIC_URL = "https://switchboard.example.com";
const WEBHOOK_URL = `${PUBLIC_URL}/api/v1/carriers/telnyx/webhook`;
const CONNECTION_ID = "1684641123236054244";
const telnyx = startTelnyxStandIn();
let h: Harness;

beforeAll(async () => {
  const base = loadConfig({});
  h = await createHarness({
    config: {
      carriers: {
        ...base.carriers,
        numberProvider: "telnyx",
        publicUrl: PUBLIC_URL,
        telnyxBaseUrl: telnyx.url,
        telnyxApiKey: telnyx.apiKey,
        telnyxPublicKey: telnyx.publicKey,
        telnyxConnectionId: CONNECTION_ID,
      },
    },
  });
}, 90_000);
afterAll(async () => {
  await telnyx.stop();
  await h.close();
});

async function pendingPurchase() {
  const org = await h.newOrg();
  await credit(h.ctx, org.orgId, 5000, "purchase", "seed");
  const wanted = randomUsNumber("628");
  telnyx.numbers.available.push(wanted);
  telnyx.numbers.pendNextOrder();
  const bought = await h.json<{ id: string; status: string }>("POST", "/api/v1/phone-numbers", {
    key: org.ownerKey,
    body: { phone_number: wanted },
  });
  expect(bought.status).toBe(201);
  expect(bought.body.status).toBe("pending");
  expect(await h.ctx.bus.hashGet(Hashes.numberRoutes, wanted)).toBeNull();
  const charged = await getBalanceCents(h.ctx.db, org.orgId);
  expect(charged).toBeLessThan(5000);
  return { ...org, wanted, id: bought.body.id, orderId: telnyx.numbers.pendingOrders.at(-1)! };
}

test("a pending order completed by Telnyx's event makes the number active, configured and routed", async () => {
  const { wanted, id, orderId, ownerKey } = await pendingPurchase();
  const event = telnyx.orderEvent(WEBHOOK_URL, orderId, "success");
  expect((await h.app.handle(event.request())).status).toBe(204);
  const number = await h.json<{ status: string }>("GET", `/api/v1/phone-numbers/${id}`, { key: ownerKey });
  expect(number.body.status).toBe("active");
  const held = [...telnyx.numbers.owned.values()].find((n) => n.phoneNumber === wanted);
  expect(held?.connectionId).toBe(CONNECTION_ID);
  expect(JSON.parse((await h.ctx.bus.hashGet(Hashes.numberRoutes, wanted))!)).toMatchObject({
    phone_number_id: id,
    status: "active",
  });
  expect((await h.app.handle(event.request())).status).toBe(403);
}, 60_000);

test("a pending order Telnyx fails removes the number and refunds its first month", async () => {
  const { wanted, id, orderId, orgId } = await pendingPurchase();
  const event = telnyx.orderEvent(WEBHOOK_URL, orderId, "failure");
  expect((await h.app.handle(event.request())).status).toBe(204);
  expect(await h.ctx.db.select().from(phoneNumbers).where(eq(phoneNumbers.id, id))).toEqual([]);
  expect(await getBalanceCents(h.ctx.db, orgId)).toBe(5000);
  expect(await h.ctx.bus.hashGet(Hashes.numberRoutes, wanted)).toBeNull();
}, 60_000);
