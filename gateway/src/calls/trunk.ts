// Trunks as the gateway runs them: an org's own carrier (published by control to the bus
// hash `trunks`, shared/src/sip/trunk.ts) or the operator's default trunk from the environment.
import type { Config } from "@switchboard/shared/config";
import type { DigestAlgorithm } from "@switchboard/shared/sip/digest-hash";
import type { TrunkSnapshot } from "@switchboard/shared/sip/trunk";

const DEFAULT_TRUNK_ID = "default";

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

/** Toll-fraud guard: the destination must start with one of the trunk's allowed prefixes. */
export function destinationAllowed(trunk: TrunkSnapshot, e164: string): boolean {
  return trunk.destination_prefixes.some((prefix) =>
    e164.startsWith(prefix.startsWith("+") ? prefix : `+${prefix}`),
  );
}
