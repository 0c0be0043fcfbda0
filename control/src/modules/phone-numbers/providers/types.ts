import type { Database } from "../../../db/client.ts";

export interface AvailableNumber {
  phone_number: string;
  country: string;
  region: string | null;
}

export interface NumberSearch {
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** Leading national digits, e.g. "415". */
  areaCode?: string;
  /** Digits anywhere in the number. */
  contains?: string;
  limit: number;
}

export type NumberWanted = { phoneNumber: string } | { country?: string; areaCode: string };

export type ReserveResult =
  | { ok: true; number: AvailableNumber }
  | { ok: false; reason: "unknown" | "taken" | "none_available" };

/**
 * The operator's inventory. `reserve` runs inside the purchase transaction and must be atomic:
 * two orgs can never both get one number.
 */
export interface NumberProvider {
  readonly kind: "inventory";
  readonly name: string;
  search(db: Database, query: NumberSearch): Promise<AvailableNumber[]>;
  reserve(tx: Database, orgId: string, wanted: NumberWanted): Promise<ReserveResult>;
  release(tx: Database, phoneNumber: string): Promise<void>;
}

/**
 * A carrier that sells numbers through its API (twilio.ts, telnyx.ts). Its calls never run
 * inside a database transaction: the purchase buys first, then records the number, and
 * releases it at the carrier again if recording fails (service.ts).
 */
export interface CarrierNumberProvider {
  readonly kind: "carrier";
  readonly name: "twilio" | "telnyx";
  search(db: Database, query: NumberSearch): Promise<AvailableNumber[]>;
  /**
   * Buys the number: the carrier's id for it, or the id of an order the carrier has not
   * completed yet (its completion arrives as a callback). Throws CarrierError when refused.
   */
  purchase(e164: string): Promise<PurchaseOutcome>;
  /** Points the number's voice at the deployment's SIP trunk and its SMS at our callback URL. */
  configure(carrierId: string): Promise<void>;
  /** The carrier's id of a number the account holds, or null. */
  carrierIdOf(e164: string): Promise<string | null>;
  release(carrierId: string): Promise<void>;
}

export type PurchaseOutcome = { carrierId: string } | { pendingOrderId: string };

export type AnyNumberProvider = NumberProvider | CarrierNumberProvider;

/** The carrier refused or could not be reached; `status` is its HTTP status (0: unreachable). */
export class CarrierError extends Error {
  constructor(
    readonly carrier: string,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
