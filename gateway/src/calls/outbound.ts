// Outbound calls: dispatch commands from the bus -> INVITE the trunk (digest on 401/407)
// -> ringing -> answer, or busy / no_answer / failed from the final response.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { RunningConsumer } from "@switchboard/shared/bus/consumer";
import { startConsumer } from "@switchboard/shared/bus/consumer";
import type { Bus, StreamEntry, Unsubscribe } from "@switchboard/shared/bus/contract";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { type CallStatus, type DispatchCommand, Streams } from "@switchboard/shared/events";
import type { TrunkSnapshot } from "@switchboard/shared/sip/trunk";
import { parseUri, socketHost, uriHost } from "@switchboard/shared/sip/uri";
import type { CallLease } from "../call-core/call-leases.ts";
import { buildOffer, negotiateOffer } from "../sdp/offer-answer.ts";
import { Dialog, dialogId, headerTag, newTag, USER_AGENT } from "../sip/dialog.ts";
import { authorizationHeader, pickChallenge } from "../sip/digest.ts";
import { formatVia, SipHeaders } from "../sip/headers.ts";
import type { SipRequest, SipResponse } from "../sip/message.ts";
import { type ClientTransaction, newBranch } from "../sip/transaction.ts";
import type { SipPeer, TransportName } from "../sip/transport.ts";
import { ALLOW, type CallDeps, openMedia } from "./deps.ts";
import { normalizeE164 } from "./numbers.ts";
import { SipCall } from "./sip-call.ts";
import { destinationAllowed } from "./trunk.ts";

const DISPATCH_GROUP = "gateways";

/** Hangup causes of an outbound call refused before dialling: its org's cap, this gateway's ceiling. */
const OUTBOUND_REFUSAL_CAUSES = {
  org_cap: "concurrency_limit",
  gateway_ceiling: "gateway_call_limit",
} as const;

/** RFC 3261 final responses to what the call became. */
export function statusForFailure(status: number): CallStatus {
  if (status === 486 || status === 600) return "busy";
  if (status === 408 || status === 480 || status === 487) return "no_answer";
  return "failed";
}

export class OutboundCalls {
  private consumer: RunningConsumer | null = null;
  /** Calls this gateway already started: dispatch is at-least-once. */
  private readonly started = new Set<string>();
  /** Established outbound dialogs, for re-ACKing retransmitted 2xx. */
  private readonly acks = new Map<string, { ack: SipRequest; peer: SipPeer }>();
  /** Calls still ringing on this gateway -> cancels them (API cancel). */
  private readonly ringing = new Map<string, () => void>();
  private unsubscribeCancel: Unsubscribe | null = null;

  constructor(
    private readonly deps: CallDeps,
    private readonly bus: Bus,
    private readonly gatewayId: string,
  ) {}

  start(): void {
    this.bus
      .subscribe(Channels.callCancel, (callId) => this.cancel(callId))
      .then((unsubscribe) => {
        this.unsubscribeCancel = unsubscribe;
      })
      .catch((error) => this.deps.log.error({ err: error }, "call cancel subscription failed"));
    this.consumer = startConsumer(
      this.bus,
      {
        stream: Streams.dispatch,
        group: DISPATCH_GROUP,
        consumer: this.gatewayId,
        blockMs: 500,
        onError: (error) => this.deps.log.error({ err: error }, "dispatch command failed"),
      },
      (entry) => this.handleEntry(entry),
    );
  }

  async stop(): Promise<void> {
    await this.unsubscribeCancel?.();
    await this.consumer?.stop();
  }

  /** Drain: no more dispatch commands are taken; cancels of calls already here still arrive. */
  async stopTakingCalls(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.stop();
  }

  /** Calls whose INVITE is out, not yet answered or failed. */
  get ringingCount(): number {
    return this.ringing.size;
  }

  /** API cancel: CANCEL a call still ringing here, or hang up one this gateway answered. */
  private cancel(callId: string): void {
    const ringing = this.ringing.get(callId);
    if (ringing) {
      ringing();
      return;
    }
    const answered = this.deps.registry.all().find((call) => call.callId === callId);
    if (answered) answered.hangup("api_hangup").catch(() => {});
  }

  private async handleEntry(entry: StreamEntry): Promise<void> {
    let command: DispatchCommand;
    try {
      command = JSON.parse(entry.data) as DispatchCommand;
    } catch {
      this.deps.log.warn({ entry: entry.id }, "unreadable dispatch command dropped");
      return;
    }
    if (!command.call_id || !command.org_id || this.started.has(command.call_id)) return;
    this.started.add(command.call_id);
    if (await this.bus.hashGet(Hashes.canceledCalls, command.call_id)) {
      await this.bus.hashDelete(Hashes.canceledCalls, command.call_id);
      await this.deps.events.write({
        type: "call.ended",
        call_id: command.call_id,
        org_id: command.org_id,
        status: "canceled",
        hangup_cause: "api_cancel",
        ended_at: new Date().toISOString(),
        duration_s: 0,
      });
      return;
    }
    // The call runs on; the entry is acked once the INVITE is on its way.
    await this.place(command);
  }

  /** Places the call; resolves once the INVITE was sent (or the call failed before that). */
  async place(command: DispatchCommand): Promise<void> {
    const { deps } = this;
    const fail = (cause: string) =>
      deps.events.write({
        type: "call.ended",
        call_id: command.call_id,
        org_id: command.org_id,
        status: "failed",
        hangup_cause: cause,
        ended_at: new Date().toISOString(),
        duration_s: 0,
      });
    const agent = await deps.directory.agent(command.agent_id);
    if (!agent) return fail("agent_not_found");
    const trunk = deps.directory.outboundTrunk(command.org_id, command.trunk_id);
    if (!trunk?.outbound_uri) return fail("no_outbound_trunk");
    const toNumber = normalizeE164(command.to_number);
    if (!toNumber) return fail("invalid_destination");
    if (!destinationAllowed(trunk, toNumber)) return fail("destination_not_allowed");
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
    const fromNumber = callerId(trunk, command.from_number);
    // Over the cap the call fails at once (the API's caller decides whether to try again).
    const admission = await deps.leases.acquire(command.org_id, command.call_id);
    if (!admission.ok) return fail(OUTBOUND_REFUSAL_CAUSES[admission.refusal]);
    const { lease } = admission;

    let media: Awaited<ReturnType<typeof openMedia>>;
    try {
      media = await openMedia(deps, command.call_id, {
        codec: "PCMU",
        payloadType: 0,
        telephoneEventPayloadType: 101,
        remote: null,
      });
    } catch {
      await lease.release();
      return fail("no_media_port");
    }
    const offer = buildOffer({
      address: deps.mediaAddress,
      port: media.localPort,
      sessionId: Math.floor(Date.now() / 1000),
      sessionVersion: 1,
    });
    const requestUri = `sip:${toNumber}@${trunkUri.host}${trunkUri.port ? `:${trunkUri.port}` : ""}${
      trunkUri.params.has("transport") ? `;transport=${trunkUri.params.get("transport")}` : ""
    }`;
    const callIdHeader = `${crypto.randomUUID()}@${socketHost(deps.local.host)}`;
    const fromTag = newTag();
    let seq = 1;
    const fromUser = fromNumber ?? "anonymous";
    const buildInvite = (authorization: [string, string] | null): SipRequest => {
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
      headers.append("from", `<sip:${fromUser}@${deps.local.host}>;tag=${fromTag}`);
      headers.append("to", `<sip:${toNumber}@${uriHost(trunkUri.host)}>`);
      headers.append("call-id", callIdHeader);
      headers.append("cseq", `${seq} INVITE`);
      headers.append(
        "contact",
        `<sip:switchboard@${deps.local.host}:${deps.local.port};transport=${peer.transport.toLowerCase()}>`,
      );
      headers.append("allow", ALLOW);
      headers.append("user-agent", USER_AGENT);
      if (authorization) headers.append(authorization[0], authorization[1]);
      headers.append("content-type", "application/sdp");
      return { kind: "request", method: "INVITE", uri: requestUri, headers, body: Buffer.from(offer) };
    };

    let invite = buildInvite(null);
    let authenticated = false;
    let ringing = false;
    let settled = false;
    let transaction: ClientTransaction;
    let ringTimer: ReturnType<typeof setTimeout> | null = null;
    let cancelledAtRingTimeout = false;
    let cancelledByApi = false;
    const sendCancel = () => deps.stack.sendRequest(buildCancel(transaction.request), peer);
    this.ringing.set(command.call_id, () => {
      cancelledByApi = true;
      // RFC 3261 §9.1: CANCEL only once a provisional response arrived; else on the first one.
      if (transaction.state === "proceeding") sendCancel();
    });
    const finishFailed = async (status: CallStatus, cause: string) => {
      if (settled) return;
      settled = true;
      this.ringing.delete(command.call_id);
      if (ringTimer) clearTimeout(ringTimer);
      await lease.release();
      await media.close().catch(() => {});
      await deps.events.write({
        type: "call.ended",
        call_id: command.call_id,
        org_id: command.org_id,
        status,
        hangup_cause: cause,
        ended_at: new Date().toISOString(),
        duration_s: 0,
      });
    };

    const onResponse = (response: SipResponse): void => {
      if (settled) {
        if (response.status >= 200 && response.status < 300) this.reAck(response);
        return;
      }
      if (response.status < 200) {
        if (cancelledByApi && transaction.state === "proceeding") sendCancel();
        if (!ringing && response.status > 100) {
          ringing = true;
          deps.events
            .write({
              type: "call.status",
              call_id: command.call_id,
              org_id: command.org_id,
              status: "ringing",
            })
            .catch(() => {});
        }
        return;
      }
      if ((response.status === 401 || response.status === 407) && !authenticated && trunk.outbound_auth) {
        const challenge = pickChallenge(
          response.headers.getAll(response.status === 401 ? "www-authenticate" : "proxy-authenticate"),
        );
        if (challenge) {
          authenticated = true;
          seq += 1;
          invite = buildInvite([
            response.status === 401 ? "Authorization" : "Proxy-Authorization",
            authorizationHeader({
              challenge,
              method: "INVITE",
              uri: requestUri,
              username: trunk.outbound_auth.username,
              password: trunk.outbound_auth.password,
            }),
          ]);
          transaction = deps.stack.sendRequest(invite, peer);
          transaction.onResponse(onResponse);
          return;
        }
      }
      if (response.status >= 300) {
        if (cancelledByApi && response.status === 487) {
          finishFailed("canceled", "api_cancel").catch(() => {});
          return;
        }
        const cause =
          cancelledAtRingTimeout && response.status === 487 ? "ring_timeout" : `sip_${response.status}`;
        finishFailed(statusForFailure(response.status), cause).catch(() => {});
        return;
      }
      settled = true;
      this.ringing.delete(command.call_id);
      if (ringTimer) clearTimeout(ringTimer);
      this.answered(command, agent, invite, response, peer, media, lease, fromNumber, toNumber)
        .then(() => {
          // The callee answered as the CANCEL crossed it (RFC 3261 §9.1): hang up at once.
          if (cancelledByApi) this.cancel(command.call_id);
        })
        .catch((error) => {
          lease.release().catch(() => {});
          deps.log.error({ err: error, call_id: command.call_id }, "outbound answer handling failed");
        });
    };

    transaction = deps.stack.sendRequest(invite, peer);
    transaction.onResponse(onResponse);
    ringTimer = setTimeout(() => {
      if (settled) return;
      // RFC 3261 §9.1: CANCEL only after a provisional response; else timer B ends it.
      if (transaction.state === "proceeding") {
        cancelledAtRingTimeout = true;
        deps.stack.sendRequest(buildCancel(transaction.request), peer);
      } else finishFailed("no_answer", "ring_timeout").catch(() => {});
    }, deps.config.sipOutboundRingTimeoutMs);
  }

  private async answered(
    command: DispatchCommand,
    agent: NonNullable<Awaited<ReturnType<CallDeps["directory"]["agent"]>>>,
    invite: SipRequest,
    response: SipResponse,
    peer: SipPeer,
    media: Awaited<ReturnType<typeof openMedia>>,
    lease: CallLease,
    fromNumber: string | null,
    toNumber: string,
  ): Promise<void> {
    const { deps } = this;
    const dialog = Dialog.asClient(invite, response, peer, deps.local);
    const ack = dialog.createRequest("ACK", { seq: dialog.localSeq });
    const ackKey = dialogId(dialog.callId, dialog.localTag);
    this.acks.set(ackKey, { ack, peer });
    deps.stack.send(ack, peer);
    const negotiated = negotiateOffer(response.body.toString("utf8"));
    const call = new SipCall(deps, {
      callId: command.call_id,
      orgId: command.org_id,
      agent,
      direction: "outbound",
      fromNumber,
      toNumber,
      phoneNumberId: null,
      objective: command.objective ?? null,
      metadata: command.metadata ?? {},
      dialog,
      media,
      lease,
    });
    if (!negotiated.ok) {
      deps.registry.add(call);
      call.state = "answered";
      await call.hangup("incompatible_media");
      this.acks.delete(ackKey);
      return;
    }
    if (negotiated.selection.remote)
      media.setRemote(negotiated.selection.remote.address, negotiated.selection.remote.port);
    deps.registry.add(call);
    setTimeout(() => this.acks.delete(ackKey), 64 * deps.stack.timers.t1Ms);
    await call.answered();
  }

  /** RFC 3261 §13.2.2.4: every retransmission of the 2xx gets the same ACK. */
  private reAck(response: SipResponse): void {
    const tag = headerTag(response.headers.get("from"));
    if (!tag) return;
    const entry = this.acks.get(dialogId(response.headers.get("call-id") ?? "", tag));
    if (entry) this.deps.stack.send(entry.ack, entry.peer);
  }

  handleStrayResponse(response: SipResponse, _peer: SipPeer): void {
    if (
      response.status >= 200 &&
      response.status < 300 &&
      /INVITE/i.test(response.headers.get("cseq") ?? "")
    ) {
      this.reAck(response);
    }
  }
}

function callerId(trunk: TrunkSnapshot, requested: string | null): string | null {
  const normalized = normalizeE164(requested);
  if (normalized && trunk.caller_id.allow_from_number) return normalized;
  return trunk.caller_id.default_caller_id ?? normalized;
}

/** RFC 3261 §9.1: CANCEL copies the INVITE's Request-URI, top Via, Call-ID, From, To, CSeq number. */
function buildCancel(invite: SipRequest): SipRequest {
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
