// Per-second metering: a call is charged once, when it ends, referencing its id in the ledger,
// at the org's own per-minute rate (shared/src/rates.ts), the one the gateway capped it with.
import type { Config } from "@switchboard/shared/config";
import type { CallDirection } from "@switchboard/shared/events";
import { callCostCents, centsPerMinuteFor, type Rates } from "@switchboard/shared/rates";
import type { Database } from "../../db/client.ts";
import { appendEntry, getBalanceCents } from "../credits/ledger.ts";

/** The platform's default rates and the low-balance threshold the ledger needs. */
export type RatesConfig = Rates & Pick<Config, "creditsLowThresholdCents">;

/** The call's cost by the shared rating rule, at the direction's rate. */
export function costOfCallCents(
  rates: Pick<Rates, "inboundCentsPerMinute" | "outboundCentsPerMinute" | "webCentsPerMinute">,
  direction: CallDirection,
  durationS: number,
): number {
  return callCostCents(centsPerMinuteFor(rates, direction), durationS);
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
