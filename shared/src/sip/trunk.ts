// A trunk as control publishes it to the bus hash `trunks` and gateways run it: an org's own
// carrier, or (org_id null) the operator's default trunk.
import { computeHa1 } from "./digest-hash.ts";

export interface CallerIdRules {
  /** Replaces the caller id on outbound calls when set (E.164). */
  default_caller_id: string | null;
  /** Whether the dispatch command's from_number may be used as is. */
  allow_from_number: boolean;
}

/** One entry of the bus hash `trunks`, keyed by trunk id. */
export interface TrunkSnapshot {
  id: string;
  /** null for the operator's default trunk, which serves every org. */
  org_id: string | null;
  name: string;
  inbound_cidrs: string[];
  /** Inbound digest: username and HA1 hashes for the gateway's realm, never the password. */
  inbound_auth: { username: string; realm: string; ha1_md5: string; ha1_sha256: string } | null;
  outbound_uri: string | null;
  outbound_auth: { username: string; password: string } | null;
  caller_id: CallerIdRules;
  /** Destinations outbound calls may reach: E.164 prefixes ("+1", "+4420"); empty allows none. */
  destination_prefixes: string[];
}

export function inboundAuthFor(
  username: string,
  realm: string,
  password: string,
): TrunkSnapshot["inbound_auth"] {
  return {
    username,
    realm,
    ha1_md5: computeHa1("MD5", username, realm, password),
    ha1_sha256: computeHa1("SHA-256", username, realm, password),
  };
}
