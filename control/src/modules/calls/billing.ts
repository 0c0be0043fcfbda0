// Per-second metering: a call is charged once, when it ends, referencing its id in the ledger,
// at the org's own per-minute rate (shared/src/rates.ts), the one the gateway capped it with;
// a realtime call adds its model's tokens at the operator's REALTIME_TOKEN_PRICES.
import type { Config } from "@switchboard/shared/config";
import type { CallDirection } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { callCostCents, centsPerMinuteFor, type Rates } from "@switchboard/shared/rates";
import { type RealtimeUsage, realtimeCostCents } from "@switchboard/shared/realtime";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { rowsOf } from "../../db/rows-of.ts";
import { autoRecharges, creditBalances, creditLedger } from "../../db/schema.ts";
import { queueLowBalanceOnCrossing } from "../credits/ledger.ts";

/** The platform's default rates, token prices and the low-balance threshold the ledger needs. */
export type RatesConfig = Rates & Pick<Config, "creditsLowThresholdCents" | "realtimeTokenPrices">;

/** The call's cost by the shared rating rule, at the direction's rate. */
export function costOfCallCents(
  rates: Pick<Rates, "inboundCentsPerMinute" | "outboundCentsPerMinute" | "webCentsPerMinute">,
  direction: CallDirection,
  durationS: number,
): number {
  return callCostCents(centsPerMinuteFor(rates, direction), durationS);
}

/** The whole charge of an ended call: its minutes, plus its model tokens when it ran realtime. */
export function chargeOfCallCents(
  rates: Pick<Rates, "inboundCentsPerMinute" | "outboundCentsPerMinute" | "webCentsPerMinute">,
  prices: Config["realtimeTokenPrices"],
  call: { direction: CallDirection; durationS: number; usage: RealtimeUsage | null },
): number {
  const minutes = costOfCallCents(rates, call.direction, call.durationS);
  return minutes + (call.usage ? realtimeCostCents(prices, call.usage) : 0);
}

/** A call charged twice at once: the transaction must not commit the second balance move. */
class CallChargedConcurrently extends Error {}

interface ChargeRow {
  charged_cents: unknown;
  balance_cents: unknown;
  low_balance_threshold_cents: unknown;
  entry_id: unknown;
}

/**
 * Debits the call's cost inside `tx` (the transaction that ends the call), at most what the
 * balance holds: the gateway caps a call's length by the balance, so a shortfall is a few
 * seconds of rounding. Returns the cents actually charged.
 *
 * One statement does what the ledger's appendEntry does in five: it locks the org's balance
 * row, skips a call already in the ledger (kind call_usage, referencing the call), moves the
 * balance, appends the entry with the balance after it, and marks an auto-recharge due when
 * the charge crosses its threshold (as markRechargeDue). Only crossing below the low-balance
 * threshold takes a second statement, the `credits.low` webhook.
 */
export async function chargeCall(
  tx: Database,
  config: RatesConfig,
  call: { id: string; orgId: string; direction: CallDirection },
  costCents: number,
): Promise<number> {
  if (costCents <= 0) return 0;
  const result = await tx.execute(sql`
    with held as (
      select balance_cents from ${creditBalances} where org_id = ${call.orgId} for update
    ), charge as (
      select least(${costCents}::bigint, greatest(0, balance_cents)) as cents from held
      where not exists (
        select 1 from ${creditLedger}
        where org_id = ${call.orgId} and kind = 'call_usage' and reference = ${call.id}
      )
    ), moved as (
      update ${creditBalances} as b
      set balance_cents = b.balance_cents - c.cents, updated_at = now()
      from charge as c
      where b.org_id = ${call.orgId} and c.cents > 0
      returning b.balance_cents, b.low_balance_threshold_cents, c.cents
    ), entry as (
      insert into ${creditLedger} (id, org_id, kind, amount_cents, balance_after_cents, reference, description)
      select ${newId("txn")}, ${call.orgId}, 'call_usage', -cents, balance_cents, ${call.id},
        ${`${call.direction} call ${call.id}`}
      from moved
      on conflict do nothing
      returning id
    ), recharge as (
      update ${autoRecharges} as a
      set pending_charge_id = ${newId("pay")}, updated_at = now()
      from moved as m
      where a.org_id = ${call.orgId} and a.enabled and a.pending_charge_id is null
        and a.stripe_payment_method_id is not null
        and a.threshold_cents > m.balance_cents and a.threshold_cents <= m.balance_cents + m.cents
    )
    select m.cents as charged_cents, m.balance_cents, m.low_balance_threshold_cents, e.id as entry_id
    from moved as m left join entry as e on true`);
  const [row] = rowsOf<ChargeRow>(result);
  if (!row) return 0;
  if (row.entry_id === null || row.entry_id === undefined)
    throw new CallChargedConcurrently(`call ${call.id} was charged by another transaction`);
  const chargedCents = Number(row.charged_cents);
  const afterCents = Number(row.balance_cents);
  const threshold =
    row.low_balance_threshold_cents === null
      ? config.creditsLowThresholdCents
      : Number(row.low_balance_threshold_cents);
  await queueLowBalanceOnCrossing(
    tx,
    call.orgId,
    afterCents + chargedCents,
    afterCents,
    threshold,
    String(row.entry_id),
  );
  return chargedCents;
}
