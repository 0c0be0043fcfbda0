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
 * Where numbers come from. `reserve` runs inside the purchase transaction and must be atomic:
 * two orgs can never both get one number. A carrier provider (Telnyx, Twilio) orders the
 * number through its API there and releases it again if the transaction rolls back.
 */
export interface NumberProvider {
  readonly name: string;
  search(db: Database, query: NumberSearch): Promise<AvailableNumber[]>;
  reserve(tx: Database, orgId: string, wanted: NumberWanted): Promise<ReserveResult>;
  release(tx: Database, phoneNumber: string): Promise<void>;
}
