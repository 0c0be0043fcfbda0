import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hashes } from "@switchboard/shared/bus/topics";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { eq, inArray } from "drizzle-orm";
import { reconcileBusState } from "../bus-state/reconcile.ts";
import { numberInventory, webhookDeliveries } from "../db/schema.ts";
import { credit } from "../modules/credits/ledger.ts";
import { emitWebhookEvent } from "../modules/webhooks/emit.ts";
import { createHarness, type Harness } from "../testing/harness.ts";
import { randomUsNumber } from "../testing/numbers.ts";
import { type Receiver, startReceiver } from "../testing/webhook-receiver.ts";
import { type BillingBackground, startBillingBackground } from "./background.ts";

const stocked = [randomUsNumber(), randomUsNumber("212")];
let h: Harness;
let receiver: Receiver;
let background: BillingBackground | null = null;
beforeAll(async () => {
  h = await createHarness({ config: { numberInventory: stocked.join(",") } });
  receiver = startReceiver();
});
afterAll(async () => {
  await background?.stop();
  receiver.stop();
  await h.close();
});

describe("control's background work for numbers, credits and webhooks", () => {
  test("start loads NUMBER_INVENTORY and delivers the outbox; with control's bus rebuild, routes and balances are back", async () => {
    const org = await h.newOrg();
    await credit(h.ctx, org.orgId, 1200, "purchase", "seed");
    await h.ctx.bus.hashDelete(Hashes.creditBalances, org.orgId);
    const bought = await h.json<{ phone_number: string }>("POST", "/api/v1/phone-numbers", {
      key: org.ownerKey,
      body: { phone_number: randomUsNumber() },
    });
    expect(bought.status).toBe(404);

    background = await startBillingBackground(h.ctx);
    await reconcileBusState(h.ctx);
    const rows = await h.ctx.db
      .select()
      .from(numberInventory)
      .where(inArray(numberInventory.phoneNumber, stocked));
    expect(rows.map((r) => r.phoneNumber).sort()).toEqual([...stocked].sort());
    expect(await h.ctx.bus.hashGet(Hashes.creditBalances, org.orgId)).toBe("1200");

    const owned = await h.json<{ id: string }>("POST", "/api/v1/phone-numbers", {
      key: org.ownerKey,
      body: { phone_number: stocked[0] },
    });
    expect(owned.status).toBe(201);
    await h.ctx.bus.hashDelete(Hashes.numberRoutes, stocked[0]!);
    await background.stop();
    background = await startBillingBackground(h.ctx);
    await reconcileBusState(h.ctx);
    expect(JSON.parse((await h.ctx.bus.hashGet(Hashes.numberRoutes, stocked[0]!))!)).toMatchObject({
      org_id: org.orgId,
      phone_number_id: owned.body.id,
    });

    await h.json("POST", "/api/v1/webhooks", { key: org.ownerKey, body: { url: receiver.url } });
    const [id] = await emitWebhookEvent(h.ctx.db, org.orgId, "call.ended", { call_id: "call_bg" });
    await waitFor("the delivery at the receiver", () => receiver.received.length >= 1, { timeoutMs: 20_000 });
    expect(receiver.received[0]!.headers["webhook-id"]).toBe(id!);
    await waitFor("the delivery marked succeeded", async () => {
      const [row] = await h.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id!));
      return row!.status === "succeeded";
    });
  }, 60_000);
});
