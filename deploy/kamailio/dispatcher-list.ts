// The files Kamailio's edge reads (deploy/kamailio/kamailio.cfg): the dispatcher list of
// gateways (set 1) and the permissions address list of trunks (group 1).
import type { Gateway } from "../../shared/src/schemas/gateway.ts";

export const GATEWAY_SET = 1;
export const TRUNK_GROUP = 1;

// Dispatcher destination flags (README.dispatcher §6.1).
const INACTIVE = 1;
const PROBING = 8;

/** A gateway's dispatcher URI: SIP over UDP at its announced address. */
export function gatewayUri(sipAddress: string): string {
  return `sip:${sipAddress}`;
}

/**
 * One line per gateway, `1 sip:host:port flags priority duid=<id>`, all probed with OPTIONS;
 * a draining gateway is written inactive, so it leaves rotation at the reload and its
 * pings (503) keep it out.
 */
export function renderDispatcherList(
  gateways: Array<Pick<Gateway, "id" | "sip_address" | "draining">>,
): string {
  const lines = [...gateways]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((gateway) => {
      const flags = PROBING | (gateway.draining ? INACTIVE : 0);
      return `${GATEWAY_SET} ${gatewayUri(gateway.sip_address)} ${flags} 0 duid=${gateway.id}`;
    });
  return `# Written from the gateways' announcements; do not edit.\n${lines.join("\n")}\n`;
}

/** `1 <address> <mask>` per trusted trunk CIDR (a bare address is a /32 or /128). */
export function renderTrunkList(cidrs: string[]): string {
  const lines = cidrs.map((cidr) => {
    const [address, mask] = cidr.split("/");
    const bits = mask ?? (address!.includes(":") ? "128" : "32");
    return `${TRUNK_GROUP} ${address} ${bits} 0 trunk`;
  });
  return `# Trunk addresses allowed to send requests to the edge.\n${lines.join("\n")}\n`;
}

export type DestinationState = "active" | "inactive" | "trying" | "disabled";

/** URI -> state from `kamcmd dispatcher.list` (FLAGS: first letter A, I, T or D). */
export function parseDispatcherStates(listing: string): Map<string, DestinationState> {
  const states = new Map<string, DestinationState>();
  const names: Record<string, DestinationState> = { A: "active", I: "inactive", T: "trying", D: "disabled" };
  for (const match of listing.matchAll(/URI:\s*(\S+)\s+FLAGS:\s*([AITD])/g)) {
    states.set(match[1]!, names[match[2]!]!);
  }
  return states;
}
