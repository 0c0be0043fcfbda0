// Where a warm transfer's leg goes: an E.164 number through the org's outbound trunk (its
// destination prefixes and caller-ID rules apply, its credentials answer a challenge), or a SIP
// URI straight to its host, which the outbound URL guard checks like any tenant-supplied address.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { checkAddresses, resolveHost, UnsafeUrlError } from "@switchboard/shared/net/resolve";
import { parseUri, socketHost } from "@switchboard/shared/sip/uri";
import type { SipPeer, TransportName } from "../sip/transport.ts";
import type { CallDeps } from "./deps.ts";
import { normalizeE164 } from "./numbers.ts";
import type { InviteRoute } from "./outbound-invite.ts";
import { destinationAllowed } from "./trunk.ts";

type Routed = { ok: true; route: InviteRoute } | { ok: false; reason: string };

export async function legRoute(
  deps: CallDeps,
  parent: { orgId: string; fromNumber: string | null },
  destination: string,
  extraHeaders: Array<[string, string]>,
): Promise<Routed> {
  const trimmed = destination.trim();
  if (/^sips?:/i.test(trimmed)) return sipUriRoute(deps, parent, trimmed, extraHeaders);
  const toNumber = normalizeE164(trimmed);
  if (!toNumber) return { ok: false, reason: "not a phone number or SIP URI" };
  const trunk = await deps.directory.outboundTrunk(parent.orgId, null);
  if (!trunk?.outbound_uri) return { ok: false, reason: "no outbound trunk" };
  if (!destinationAllowed(trunk, toNumber))
    return { ok: false, reason: "destination not allowed by the trunk" };
  const trunkUri = parseUri(trunk.outbound_uri);
  if (!trunkUri || trunkUri.scheme === "tel") return { ok: false, reason: "bad trunk uri" };
  const peer = await peerOf(trunkUri, async (host) => (isIP(host) ? host : (await lookup(host)).address));
  if (!peer) return { ok: false, reason: "trunk unresolvable" };
  const fromNumber =
    trunk.caller_id.allow_from_number && parent.fromNumber
      ? parent.fromNumber
      : (trunk.caller_id.default_caller_id ?? parent.fromNumber);
  return { ok: true, route: { trunk, trunkUri, peer, toNumber, fromNumber, extraHeaders } };
}

async function sipUriRoute(
  deps: CallDeps,
  parent: { fromNumber: string | null },
  destination: string,
  extraHeaders: Array<[string, string]>,
): Promise<Routed> {
  const uri = parseUri(destination);
  if (!uri || uri.scheme === "tel" || !uri.user)
    return { ok: false, reason: "a SIP URI needs a user and a host" };
  const policy = { allowPrivate: deps.config.allowPrivateUrls };
  const peer = await peerOf(uri, async (host) => {
    const addresses = await resolveHost(new URL(`http://${uri.host}/`), policy);
    checkAddresses(addresses, policy);
    return addresses[0] ?? host;
  }).catch((error: unknown) => {
    if (error instanceof UnsafeUrlError) return error;
    throw error;
  });
  if (peer instanceof UnsafeUrlError) return { ok: false, reason: `destination refused: ${peer.message}` };
  if (!peer) return { ok: false, reason: "destination unresolvable" };
  // Never the trunk's credentials to a host the tenant named.
  return {
    ok: true,
    route: {
      trunk: { outbound_auth: null },
      trunkUri: uri,
      peer,
      toNumber: uri.user,
      fromNumber: parent.fromNumber,
      extraHeaders,
    },
  };
}

async function peerOf(
  uri: NonNullable<ReturnType<typeof parseUri>>,
  resolveAddress: (host: string) => Promise<string>,
): Promise<SipPeer | null> {
  const transport = (uri.params.get("transport") ?? "udp").toUpperCase() as TransportName;
  let address: string;
  try {
    address = await resolveAddress(socketHost(uri.host));
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw error;
    return null;
  }
  return { transport: transport === "TCP" ? "TCP" : "UDP", address, port: uri.port ?? 5060 };
}
