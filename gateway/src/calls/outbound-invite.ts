// What an outbound call dials: the trunk and destination a dispatch command resolves to, and
// the INVITE (RFC 3261 §8.1.1) with its CANCEL (§9.1) and the credentials a challenge asks for.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { Agent } from "@switchboard/shared/agent";
import type { DispatchCommand } from "@switchboard/shared/events";
import { outboundSipHeaderFields } from "@switchboard/shared/sip/custom-headers";
import type { TrunkSnapshot } from "@switchboard/shared/sip/trunk";
import { parseUri, socketHost, uriHost } from "@switchboard/shared/sip/uri";
import { newTag, USER_AGENT } from "../sip/dialog.ts";
import { authorizationHeader, pickChallenge } from "../sip/digest.ts";
import { formatVia, SipHeaders } from "../sip/headers.ts";
import type { SipRequest, SipResponse } from "../sip/message.ts";
import { newBranch } from "../sip/transaction.ts";
import type { SipPeer, TransportName } from "../sip/transport.ts";
import { ALLOW, type CallDeps } from "./deps.ts";
import { normalizeE164 } from "./numbers.ts";
import { destinationAllowed } from "./trunk.ts";

type SipUri = NonNullable<ReturnType<typeof parseUri>>;

/** Where a dispatch command goes, once everything it names was found. */
export interface OutboundRoute {
  agent: Agent;
  trunk: TrunkSnapshot;
  trunkUri: SipUri;
  peer: SipPeer;
  toNumber: string;
  fromNumber: string | null;
  /** The tenant's headers for the INVITE (`sip_headers` of the call), checked again here. */
  extraHeaders: Array<[string, string]>;
}

/** What an INVITE needs of its route (a warm transfer's leg has no agent, and no trunk for a SIP URI). */
export type InviteRoute = Pick<
  OutboundRoute,
  "trunkUri" | "peer" | "toNumber" | "fromNumber" | "extraHeaders"
> & {
  trunk: Pick<TrunkSnapshot, "outbound_auth">;
};

/** The route, or the hang-up cause of a call that cannot be dialled. */
export async function resolveRoute(
  deps: CallDeps,
  command: DispatchCommand,
): Promise<{ ok: true; route: OutboundRoute } | { ok: false; cause: string }> {
  const fail = (cause: string) => ({ ok: false as const, cause });
  const agent = await deps.directory.agent(command.agent_id);
  if (!agent) return fail("agent_not_found");
  const trunk = await deps.directory.outboundTrunk(command.org_id, command.trunk_id);
  if (!trunk?.outbound_uri) return fail("no_outbound_trunk");
  const toNumber = normalizeE164(command.to_number);
  if (!toNumber) return fail("invalid_destination");
  if (!destinationAllowed(trunk, toNumber)) return fail("destination_not_allowed");
  let extraHeaders: Array<[string, string]>;
  try {
    extraHeaders = outboundSipHeaderFields(command.sip_headers);
  } catch {
    return fail("invalid_sip_headers");
  }
  const trunkUri = parseUri(trunk.outbound_uri);
  if (!trunkUri || trunkUri.scheme === "tel") return fail("bad_trunk_uri");
  const transport = (trunkUri.params.get("transport") ?? "udp").toUpperCase() as TransportName;
  let address = socketHost(trunkUri.host);
  if (!isIP(address)) {
    try {
      address = (await lookup(address)).address;
    } catch {
      return fail("trunk_unresolvable");
    }
  }
  const peer: SipPeer = {
    transport: transport === "TCP" ? "TCP" : "UDP",
    address,
    port: trunkUri.port ?? 5060,
  };
  return {
    ok: true,
    route: {
      agent,
      trunk,
      trunkUri,
      peer,
      toNumber,
      fromNumber: callerId(trunk, command.from_number),
      extraHeaders,
    },
  };
}

function callerId(trunk: TrunkSnapshot, requested: string | null): string | null {
  const normalized = normalizeE164(requested);
  if (normalized && trunk.caller_id.allow_from_number) return normalized;
  return trunk.caller_id.default_caller_id ?? normalized;
}

/** The INVITEs of one call: the first, and the one answering a digest challenge. */
export class OutboundInvite {
  private readonly requestUri: string;
  private readonly callId: string;
  private readonly fromTag: string;
  private seq = 1;
  private authenticated = false;
  /** The INVITE last sent. */
  request: SipRequest;

  constructor(
    private readonly deps: CallDeps,
    private readonly route: InviteRoute,
    private readonly offer: string,
  ) {
    const { trunkUri, toNumber } = route;
    this.requestUri = `sip:${toNumber}@${trunkUri.host}${trunkUri.port ? `:${trunkUri.port}` : ""}${
      trunkUri.params.has("transport") ? `;transport=${trunkUri.params.get("transport")}` : ""
    }`;
    this.callId = `${crypto.randomUUID()}@${socketHost(deps.local.host)}`;
    this.fromTag = newTag();
    this.request = this.build(null);
  }

  /**
   * RFC 3261 §22.2: the INVITE again with credentials for a 401/407, once per call; null when
   * the trunk has none, they were sent already, or the challenge is unusable.
   */
  answerChallenge(response: SipResponse): SipRequest | null {
    const auth = this.route.trunk.outbound_auth;
    if (this.authenticated || !auth) return null;
    const proxy = response.status === 407;
    const challenge = pickChallenge(
      response.headers.getAll(proxy ? "proxy-authenticate" : "www-authenticate"),
    );
    if (!challenge) return null;
    this.authenticated = true;
    this.seq += 1;
    this.request = this.build([
      proxy ? "Proxy-Authorization" : "Authorization",
      authorizationHeader({
        challenge,
        method: "INVITE",
        uri: this.requestUri,
        username: auth.username,
        password: auth.password,
      }),
    ]);
    return this.request;
  }

  private build(authorization: [string, string] | null): SipRequest {
    const { deps, route } = this;
    const { peer, toNumber, trunkUri } = route;
    const headers = new SipHeaders();
    headers.append(
      "via",
      formatVia({
        transport: peer.transport,
        host: deps.local.host,
        port: deps.local.port,
        params: new Map<string, string | null>([
          ["branch", newBranch()],
          ["rport", null],
        ]),
      }),
    );
    headers.append("max-forwards", "70");
    headers.append("from", `<sip:${route.fromNumber ?? "anonymous"}@${deps.local.host}>;tag=${this.fromTag}`);
    headers.append("to", `<sip:${toNumber}@${uriHost(trunkUri.host)}>`);
    headers.append("call-id", this.callId);
    headers.append("cseq", `${this.seq} INVITE`);
    headers.append(
      "contact",
      `<sip:switchboard@${deps.local.host}:${deps.local.port};transport=${peer.transport.toLowerCase()}>`,
    );
    headers.append("allow", ALLOW);
    headers.append("user-agent", USER_AGENT);
    if (authorization) headers.append(authorization[0], authorization[1]);
    for (const [name, value] of route.extraHeaders) headers.append(name, value);
    headers.append("content-type", "application/sdp");
    return {
      kind: "request",
      method: "INVITE",
      uri: this.requestUri,
      headers,
      body: Buffer.from(this.offer),
    };
  }
}

/** RFC 3261 §9.1: CANCEL copies the INVITE's Request-URI, top Via, Call-ID, From, To, CSeq number. */
export function buildCancel(invite: SipRequest): SipRequest {
  const headers = new SipHeaders();
  headers.append("via", invite.headers.get("via")!);
  for (const route of invite.headers.getAll("route")) headers.append("route", route);
  headers.append("max-forwards", "70");
  headers.append("from", invite.headers.get("from")!);
  headers.append("to", invite.headers.get("to")!);
  headers.append("call-id", invite.headers.get("call-id")!);
  headers.append("cseq", `${(invite.headers.get("cseq") ?? "1").trim().split(/\s+/)[0]} CANCEL`);
  return { kind: "request", method: "CANCEL", uri: invite.uri, headers, body: Buffer.alloc(0) };
}
