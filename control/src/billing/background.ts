// What control runs besides the API for numbers, credits and webhooks: the operator's
// NUMBER_INVENTORY loaded, routes kept in line with deleted agents, the webhook outbox worker
// and the renewal scheduler. (The routing table and balances are rebuilt with the rest of what
// control publishes: control/src/bus-state.)
import { Channels } from "@switchboard/shared/bus/topics";
import type { ControlContext } from "../context.ts";
import { addToInventory, parseInventorySpec } from "../modules/phone-numbers/inventory-loader.ts";
import { RenewalScheduler } from "../modules/phone-numbers/renewal.ts";
import { refreshRoutesForAgent } from "../modules/phone-numbers/routing.ts";
import { WebhookDeliveryWorker } from "../modules/webhooks/worker.ts";

export interface BillingBackground {
  webhooks: WebhookDeliveryWorker;
  renewals: RenewalScheduler;
  stop(): Promise<void>;
}

export async function startBillingBackground(ctx: ControlContext): Promise<BillingBackground> {
  if (ctx.config.numberInventory) {
    const added = await addToInventory(ctx.db, parseInventorySpec(ctx.config.numberInventory));
    ctx.log.info({ added }, "number inventory loaded");
  }

  const webhooks = new WebhookDeliveryWorker({
    db: ctx.db,
    config: ctx.config,
    log: ctx.log.child({ component: "webhooks" }),
  });
  const renewals = new RenewalScheduler(
    { db: ctx.db, bus: ctx.bus, config: ctx.config },
    ctx.log.child({ component: "renewals" }),
  );
  const unsubscribe = await ctx.bus.subscribe(Channels.agentInvalidated, (agentId) => {
    refreshRoutesForAgent(ctx.db, ctx.bus, agentId).catch((error) =>
      ctx.log.error({ err: error, agentId }, "refreshing routes after an agent change failed"),
    );
  });
  webhooks.start();
  renewals.start();
  return {
    webhooks,
    renewals,
    async stop() {
      await unsubscribe();
      await renewals.stop();
      await webhooks.stop();
    },
  };
}
