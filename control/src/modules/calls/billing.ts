// Per-second metering: a call is charged once, when it ends, referencing its id in the ledger,
// at the org's own per-minute rate (shared/src/rates.ts), the one the gateway capped it with;
// a realtime call adds its model's tokens at the operator's REALTIME_TOKEN_PRICES.
import type { Config } from "@switchboard/shared/config";
import type { CallDirection } from "@switchboard/shared/events";
import { callCostCents, centsPerMinuteFor, type Rates } from "@switchboard/shared/rates";
import { type RealtimeUsage, realtimeCostCents } from "@switchboard/shared/realtime";
import type { Database } from "../../db/client.ts";
import { appendEntry, getBalanceCents } from "../credits/ledger.ts";

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

/**
 * Debits the call's cost inside `tx` (the transaction that ends the call), at most what the
 * balance holds: the gateway caps a call's length by the balance, so a shortfall is a few
 * seconds of rounding. Returns the cents actually charged.
 */
export async function chargeCall(
  tx: Database,
  config: RatesConfig,
  call: { id: string; orgId: string; direction: CallDirection },
  costCents: number,
): Promise<number> {
  if (costCents <= 0) return 0;
  const balance = await getBalanceCents(tx, call.orgId);
  const charged = Math.min(costCents, Math.max(0, balance));
  if (charged <= 0) return 0;
  const { entry } = await appendEntry(
    tx,
    { config },
    {
      orgId: call.orgId,
      kind: "call_usage",
      amountCents: -charged,
      reference: call.id,
      description: `${call.direction} call ${call.id}`,
    },
  );
  return -entry.amountCents;
}
