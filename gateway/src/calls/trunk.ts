// Trunks as the gateway runs them: an org's own carrier (published by control to the bus
// hash `trunks`) or the operator's default trunk from the environment.
import type { Config } from "@switchboard/shared/config";
import { computeHa1, type DigestAlgorithm } from "../sip/digest.ts";

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

export const DEFAULT_TRUNK_ID = "default";

/** The environment's trunk (SIP_TRUNK_*); null when nothing is configured. */
export function defaultTrunk(config: Config): TrunkSnapshot | null {
  if (config.sipTrunkInboundCidrs.length === 0 && config.sipTrunkOutboundUri === null) return null;
  const username = config.sipTrunkUsername;
  const password = config.sipTrunkPassword;
  return {
    id: DEFAULT_TRUNK_ID,
    org_id: null,
    name: "default",
    inbound_cidrs: config.sipTrunkInboundCidrs,
    inbound_auth: null,
    outbound_uri: config.sipTrunkOutboundUri,
    outbound_auth: username && password ? { username, password } : null,
    caller_id: { default_caller_id: null, allow_from_number: true },
    destination_prefixes: ["+"],
  };
}

export function trunkHa1(trunk: TrunkSnapshot, algorithm: DigestAlgorithm): string | null {
  if (!trunk.inbound_auth) return null;
  return algorithm === "MD5" ? trunk.inbound_auth.ha1_md5 : trunk.inbound_auth.ha1_sha256;
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

/** Toll-fraud guard: the destination must start with one of the trunk's allowed prefixes. */
export function destinationAllowed(trunk: TrunkSnapshot, e164: string): boolean {
  return trunk.destination_prefixes.some((prefix) =>
    e164.startsWith(prefix.startsWith("+") ? prefix : `+${prefix}`),
  );
}
