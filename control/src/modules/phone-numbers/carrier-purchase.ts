// Buying a number from a carrier (Twilio, Telnyx). The carrier's API is never called inside a
// database transaction: the number is bought first, then its row and first month's charge are
// written in one transaction, and if that write fails (402, a lost race, the database) the
// number is released at the carrier again, so a failed purchase leaves nothing bought, nothing
// charged and no row. A retry with the same Idempotency-Key replays the stored answer (app.ts).
import { ApiError, insufficientCredits } from "@switchboard/shared/errors";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { phoneNumbers } from "../../db/schema.ts";
import { getBalanceCents } from "../credits/ledger.ts";
import { orgRates } from "../orgs/service.ts";
import { parseE164 } from "./e164.ts";
import type { BuyInput } from "./model.ts";
import {
  type AnyNumberProvider,
  type AvailableNumber,
  CarrierError,
  type CarrierNumberProvider,
  type NumberSearch,
  type PurchaseOutcome,
} from "./providers/types.ts";
import type { PhoneNumberRow } from "./routing.ts";
import { assertAgentInOrg, type NumbersDeps, recordPurchase, wantedFrom } from "./service.ts";

export type CarrierNumbersDeps = Omit<NumbersDeps, "provider"> & { provider: CarrierNumberProvider };

/** How many of a search's numbers are tried when buying by area code. */
const AREA_CODE_CANDIDATES = 5;

function carrierFailed(error: CarrierError): ApiError {
  return new ApiError(
    502,
    "number_carrier_failed",
    `The carrier could not complete the purchase (${error.code}): ${error.message}. Nothing was charged.`,
  );
}

async function heldHere(db: Database, e164: string): Promise<boolean> {
  const [row] = await db
    .select({ id: phoneNumbers.id })
    .from(phoneNumbers)
    .where(eq(phoneNumbers.phoneNumber, e164));
  return row !== undefined;
}

/** The provider's search; a carrier's refusal is a 502 problem, not a 500. */
export async function searchNumbers(
  provider: AnyNumberProvider,
  db: Database,
  query: NumberSearch,
): Promise<AvailableNumber[]> {
  try {
    return await provider.search(db, query);
  } catch (error) {
    if (error instanceof CarrierError) {
      throw new ApiError(
        502,
        "number_carrier_failed",
        `The carrier could not search numbers (${error.code}): ${error.message}.`,
      );
    }
    throw error;
  }
}

async function candidates(deps: CarrierNumbersDeps, input: BuyInput): Promise<AvailableNumber[]> {
  const wanted = wantedFrom(input);
  if ("phoneNumber" in wanted) {
    if (await heldHere(deps.db, wanted.phoneNumber)) {
      throw new ApiError(409, "number_unavailable", "That number has already been bought.");
    }
    const { country } = parseE164(wanted.phoneNumber, "phone_number");
    return [{ phone_number: wanted.phoneNumber, country, region: null }];
  }
  const found = await searchNumbers(deps.provider, deps.db, {
    areaCode: wanted.areaCode,
    ...(wanted.country ? { country: wanted.country } : {}),
    limit: AREA_CODE_CANDIDATES,
  });
  const free: AvailableNumber[] = [];
  for (const number of found) if (!(await heldHere(deps.db, number.phone_number))) free.push(number);
  if (free.length === 0)
    throw new ApiError(404, "no_numbers_available", "No number is available in that area code.");
  return free;
}

/** A carrier refusal that means "someone else has it" (4xx other than auth): try the next one. */
function isUnavailable(error: CarrierError): boolean {
  return (
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.status !== 403 &&
    error.status !== 429
  );
}

async function purchaseFirst(
  provider: CarrierNumberProvider,
  numbers: AvailableNumber[],
  byPhoneNumber: boolean,
): Promise<{ number: AvailableNumber; outcome: PurchaseOutcome }> {
  let last: CarrierError | null = null;
  for (const number of numbers) {
    try {
      return { number, outcome: await provider.purchase(number.phone_number) };
    } catch (error) {
      if (!(error instanceof CarrierError)) throw error;
      if (!isUnavailable(error)) throw carrierFailed(error);
      last = error;
    }
  }
  if (byPhoneNumber) throw new ApiError(409, "number_unavailable", "That number is no longer available.");
  throw last ? carrierFailed(last) : new ApiError(404, "no_numbers_available", "No number is available.");
}

/** Releases a number the carrier sold us; an id the carrier no longer knows is already released. */
export async function releaseAtCarrier(provider: CarrierNumberProvider, e164: string): Promise<void> {
  try {
    const carrierId = await provider.carrierIdOf(e164);
    if (carrierId !== null) await provider.release(carrierId);
  } catch (error) {
    if (error instanceof CarrierError && error.status === 404) return;
    if (error instanceof CarrierError) {
      throw new ApiError(
        502,
        "number_carrier_failed",
        `The carrier could not release ${e164} (${error.code}): ${error.message}.`,
      );
    }
    throw error;
  }
}

export async function buyFromCarrier(
  deps: CarrierNumbersDeps,
  orgId: string,
  input: BuyInput,
  now: Date,
): Promise<PhoneNumberRow> {
  if (input.agent_id) await assertAgentInOrg(deps.db, orgId, input.agent_id);
  // Checked before buying so a short balance costs no carrier round trip; the charge itself
  // re-checks atomically (appendEntry) and a 402 there is compensated like any other failure.
  const { numberMonthlyCents } = await orgRates(deps.db, deps.config, orgId);
  if ((await getBalanceCents(deps.db, orgId)) < numberMonthlyCents) {
    throw insufficientCredits(
      `This needs ${numberMonthlyCents} cents of credit and the balance is lower. Add credits with POST /credits/purchase.`,
    );
  }
  const numbers = await candidates(deps, input);
  const { provider } = deps;
  const { number, outcome } = await purchaseFirst(provider, numbers, input.phone_number !== undefined);
  if ("pendingOrderId" in outcome) {
    // Charged now and `pending` until the carrier's order callback completes it (configured,
    // active) or fails it (removed, refunded): carrier-orders.ts.
    return deps.db.transaction((tx) =>
      recordPurchase(tx, deps, orgId, number, provider.name, input.agent_id ?? null, now, "pending"),
    );
  }
  const { carrierId } = outcome;
  try {
    await provider.configure(carrierId);
    return await deps.db.transaction((tx) =>
      recordPurchase(tx, deps, orgId, number, provider.name, input.agent_id ?? null, now),
    );
  } catch (error) {
    await provider.release(carrierId).catch((releaseError: unknown) => {
      // The operator pays for this number until it is released by hand; say which one.
      deps.log?.error(
        {
          carrier: provider.name,
          phone_number: number.phone_number,
          carrier_id: carrierId,
          err: releaseError,
        },
        "number bought at the carrier but not recorded, and releasing it failed",
      );
    });
    if (error instanceof CarrierError) throw carrierFailed(error);
    throw error;
  }
}
