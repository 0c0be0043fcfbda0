import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import { ApiError, notFound } from "@switchboard/shared/errors";
import type { ForwardingMode } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import type { Logger } from "@switchboard/shared/logger";
import type { Rates } from "@switchboard/shared/rates";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agents, phoneNumbers } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { appendEntry, publishBalance } from "../credits/ledger.ts";
import { orgRates } from "../orgs/service.ts";
import { buyFromCarrier, releaseAtCarrier } from "./carrier-purchase.ts";
import { parseE164 } from "./e164.ts";
import type { BuyInput, ForwardingInput, PhoneNumberResponse } from "./model.ts";
import type { AnyNumberProvider, AvailableNumber, NumberProvider, NumberWanted } from "./providers/types.ts";
import { type PhoneNumberRow, publishRoute, removeRoute } from "./routing.ts";

export interface NumbersDeps {
  db: Database;
  bus: Bus;
  /** The platform's default rates (an org's own apply where set) and the low-balance threshold. */
  config: Rates & Pick<Config, "creditsLowThresholdCents">;
  provider: AnyNumberProvider;
  /** Where a failed compensation (a carrier number bought, not recorded, not released) is told. */
  log?: Logger;
}

/** The purchase's writes for the inventory, whose claim runs in the same transaction. */
export type InventoryNumbersDeps = Omit<NumbersDeps, "provider"> & { provider: NumberProvider };

/** Calendar month later, clamped to the month's last day (Jan 31 -> Feb 28/29). */
export function addMonth(from: Date): Date {
  const next = new Date(from.getTime());
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}

export function presentPhoneNumber(row: PhoneNumberRow): PhoneNumberResponse {
  return {
    id: row.id,
    phone_number: row.phoneNumber,
    country: row.country,
    region: row.region,
    status: row.status,
    agent_id: row.agentId,
    forwarding: row.forwarding ?? null,
    monthly_cost_cents: row.monthlyCostCents,
    renews_at: row.renewsAt.toISOString(),
    created_at: row.createdAt.toISOString(),
  };
}

export async function getPhoneNumberRow(db: Database, orgId: string, id: string): Promise<PhoneNumberRow> {
  const [row] = await db
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.id, id)));
  if (!row) throw notFound("Phone number");
  return row;
}

export async function listPhoneNumbers(
  db: Database,
  orgId: string,
  page: PageRequest,
): Promise<PhoneNumberRow[]> {
  return selectPage(
    db.select().from(phoneNumbers).$dynamic(),
    phoneNumbers.id,
    eq(phoneNumbers.orgId, orgId),
    page,
  );
}

export async function assertAgentInOrg(db: Database, orgId: string, agentId: string): Promise<void> {
  const [agent] = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, agentId)));
  if (!agent) throw notFound("Agent");
}

export function wantedFrom(input: BuyInput): NumberWanted {
  if (input.phone_number !== undefined && input.area_code !== undefined) {
    throw new ApiError(422, "validation_failed", "Send phone_number or area_code, not both.", [
      { field: "phone_number", message: "cannot be combined with area_code" },
    ]);
  }
  if (input.phone_number !== undefined)
    return { phoneNumber: parseE164(input.phone_number, "phone_number").e164 };
  if (input.area_code !== undefined) {
    return { areaCode: input.area_code, ...(input.country ? { country: input.country.toUpperCase() } : {}) };
  }
  throw new ApiError(422, "validation_failed", "Send phone_number (from search) or area_code.", [
    { field: "phone_number", message: "phone_number or area_code is required" },
  ]);
}

/**
 * Buys a number: claims it from the provider, charges the first month and creates the
 * resource in one transaction, so a 402 or a lost race leaves nothing behind.
 */
export async function buyPhoneNumber(
  deps: NumbersDeps,
  orgId: string,
  input: BuyInput,
  now = new Date(),
): Promise<PhoneNumberRow> {
  const { provider } = deps;
  const row =
    provider.kind === "carrier"
      ? await buyFromCarrier({ ...deps, provider }, orgId, input, now)
      : await deps.db.transaction(async (tx) =>
          buyPhoneNumberIn(tx, { ...deps, provider }, orgId, input, now),
        );
  await publishBoughtNumber(deps, row);
  return row;
}

/**
 * The purchase's writes inside the caller's transaction `tx`: the number claimed, created and
 * its first month charged. Publish with publishBoughtNumber once `tx` has committed.
 */
export async function buyPhoneNumberIn(
  tx: Database,
  deps: InventoryNumbersDeps,
  orgId: string,
  input: BuyInput,
  now = new Date(),
): Promise<PhoneNumberRow> {
  const wanted = wantedFrom(input);
  if (input.agent_id) await assertAgentInOrg(tx, orgId, input.agent_id);
  const reserved = await deps.provider.reserve(tx, orgId, wanted);
  if (!reserved.ok) {
    if (reserved.reason === "taken") {
      throw new ApiError(409, "number_unavailable", "That number has already been bought.");
    }
    if (reserved.reason === "unknown") throw notFound("Phone number in the available inventory");
    throw new ApiError(404, "no_numbers_available", "No number is available in that area code.");
  }
  return recordPurchase(tx, deps, orgId, reserved.number, deps.provider.name, input.agent_id ?? null, now);
}

/** Creates the number's row and charges its first month (402 when short), inside `tx`. */
export async function recordPurchase(
  tx: Database,
  deps: Pick<NumbersDeps, "config">,
  orgId: string,
  number: AvailableNumber,
  provider: string,
  agentId: string | null,
  now: Date,
  status: "active" | "pending" = "active",
): Promise<PhoneNumberRow> {
  const { numberMonthlyCents } = await orgRates(tx, deps.config, orgId);
  const id = newId("pn");
  const [created] = await tx
    .insert(phoneNumbers)
    .values({
      id,
      orgId,
      phoneNumber: number.phone_number,
      country: number.country,
      region: number.region,
      provider,
      status,
      agentId,
      monthlyCostCents: numberMonthlyCents,
      renewsAt: addMonth(now),
    })
    .returning();
  if (numberMonthlyCents > 0) {
    await appendEntry(tx, deps, {
      orgId,
      kind: "number_purchase",
      amountCents: -numberMonthlyCents,
      reference: id,
      description: `First month of ${number.phone_number}`,
    });
  }
  return created!;
}

/** A bought number's route and the org's new balance, for the gateways. */
export async function publishBoughtNumber(
  deps: Pick<NumbersDeps, "db" | "bus">,
  row: PhoneNumberRow,
): Promise<void> {
  await publishRoute(deps.bus, row);
  await publishBalance(deps.db, deps.bus, row.orgId);
}

export async function attachAgent(
  deps: Pick<NumbersDeps, "db" | "bus">,
  orgId: string,
  id: string,
  agentId: string | null,
): Promise<PhoneNumberRow> {
  await getPhoneNumberRow(deps.db, orgId, id);
  if (agentId !== null) await assertAgentInOrg(deps.db, orgId, agentId);
  const [row] = await deps.db
    .update(phoneNumbers)
    .set({ agentId, updatedAt: new Date() })
    .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.id, id)))
    .returning();
  if (!row) throw notFound("Phone number");
  await publishRoute(deps.bus, row);
  return row;
}

export async function setForwarding(
  deps: Pick<NumbersDeps, "db" | "bus">,
  orgId: string,
  id: string,
  input: ForwardingInput,
): Promise<PhoneNumberRow> {
  const current = await getPhoneNumberRow(deps.db, orgId, id);
  let forwarding: { forward_to: string; mode: ForwardingMode } | null = null;
  if (input.forward_to !== null) {
    const target = parseE164(input.forward_to, "forward_to").e164;
    if (target === current.phoneNumber) {
      throw new ApiError(422, "validation_failed", "A number cannot forward to itself.", [
        { field: "forward_to", message: "is this number itself" },
      ]);
    }
    forwarding = { forward_to: target, mode: input.mode ?? "no_agent" };
  }
  const [row] = await deps.db
    .update(phoneNumbers)
    .set({ forwarding, updatedAt: new Date() })
    .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.id, id)))
    .returning();
  if (!row) throw notFound("Phone number");
  await publishRoute(deps.bus, row);
  return row;
}

/**
 * Gives the number back to the provider; its route disappears at once. No refund. A carrier's
 * number is released at the carrier first: if that fails the row stays and a retry finishes.
 */
export async function releasePhoneNumber(deps: NumbersDeps, orgId: string, id: string): Promise<void> {
  const { provider } = deps;
  if (provider.kind === "carrier") {
    const row = await getPhoneNumberRow(deps.db, orgId, id);
    if (row.provider === provider.name) await releaseAtCarrier(provider, row.phoneNumber);
  }
  const released = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(phoneNumbers)
      .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.id, id)))
      .returning();
    if (!row) throw notFound("Phone number");
    if (provider.kind === "inventory") await provider.release(tx, row.phoneNumber);
    return row;
  });
  await removeRoute(deps.bus, released.phoneNumber);
}
