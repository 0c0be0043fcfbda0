// One outbound call from its dispatch command to the callee's answer, as a state machine:
//
//   resolving -> leasing -> inviting -> (challenged ->) ringing -> answered
//
// Before `answered` the call can end instead: `failed` (refused before dialling, or a final
// response: busy, no_answer, failed), `canceled` (an API cancel: CANCEL, then 487) or
// `timed_out` (the ring timeout: CANCEL, then 487; or no provisional response by then). Each
// transition is one method below; an answered call goes on as a SipCall.
import type { CallStatus, DispatchCommand } from "@switchboard/shared/events";
import type { CallLease } from "../call-core/call-leases.ts";
import { callOffered } from "../metrics/calls.ts";
import type { RtpSession } from "../rtp/session.ts";
import { buildOffer, negotiateOffer } from "../sdp/offer-answer.ts";
import { Dialog, dialogId } from "../sip/dialog.ts";
import type { SipRequest, SipResponse } from "../sip/message.ts";
import type { ClientTransaction } from "../sip/transaction.ts";
import type { SipPeer } from "../sip/transport.ts";
import { type CallDeps, openMedia } from "./deps.ts";
import { buildCancel, OutboundInvite, type OutboundRoute, resolveRoute } from "./outbound-invite.ts";
import { SipCall } from "./sip-call.ts";

export type OutboundState =
  | "resolving"
  | "leasing"
  | "inviting"
  | "challenged"
  | "ringing"
  | "answered"
  | "failed"
  | "canceled"
  | "timed_out";

type Ended = "failed" | "canceled" | "timed_out";

const SETTLED = new Set<OutboundState>(["answered", "failed", "canceled", "timed_out"]);

/** Hangup causes of an outbound call refused before dialling: its org's cap, this gateway's ceiling. */
export const OUTBOUND_REFUSAL_CAUSES = {
  org_cap: "concurrency_limit",
  gateway_ceiling: "gateway_call_limit",
} as const;

/** RFC 3261 final responses to what the call became. */
export function statusForFailure(status: number): CallStatus {
  if (status === 486 || status === 600) return "busy";
  if (status === 408 || status === 480 || status === 487) return "no_answer";
  return "failed";
}

/** What an outbound call needs of the gateway's outbound side. */
export interface OutboundHost {
  /** The call's INVITE is out (`call`), or it no longer rings (null). */
  dialling(callId: string, call: OutboundCall | null): void;
  /** Keeps the dialog's ACK for retransmissions of its 2xx (RFC 3261 §13.2.2.4), until forgotten. */
  keepAck(key: string, ack: SipRequest, peer: SipPeer): void;
  forgetAck(key: string): void;
  reAck(response: SipResponse): void;
  /** Hangs up an answered call (an API cancel that crossed its 2xx). */
  hangUpAnswered(callId: string): void;
}

export class OutboundCall {
  state: OutboundState = "resolving";
  private route: OutboundRoute | null = null;
  private lease: CallLease | null = null;
  private media: RtpSession | null = null;
  private invite: OutboundInvite | null = null;
  private transaction: ClientTransaction | null = null;
  private ringTimer: ReturnType<typeof setTimeout> | null = null;
  private rang = false;
  private cancelledByApi = false;
  private cancelledAtRingTimeout = false;
  /** The INVITE transaction a CANCEL went to. */
  private cancelled: ClientTransaction | null = null;

  constructor(
    private readonly deps: CallDeps,
    private readonly command: DispatchCommand,
    private readonly host: OutboundHost,
  ) {}

  get callId(): string {
    return this.command.call_id;
  }

  private get settled(): boolean {
    return SETTLED.has(this.state);
  }

  /** Runs the call until its INVITE is out (or it ended before); its responses do the rest. */
  async start(): Promise<void> {
    const resolved = await resolveRoute(this.deps, this.command);
    if (!resolved.ok) return this.end("failed", "failed", resolved.cause);
    this.route = resolved.route;
    await this.takeLease();
  }

  /** API cancel: CANCEL once a provisional response arrived (RFC 3261 §9.1), else on the first. */
  cancel(): void {
    if (this.settled) return;
    this.cancelledByApi = true;
    this.sendCancel();
  }

  /** resolving -> leasing: the call's place in its org's cap, then its media port. */
  private async takeLease(): Promise<void> {
    this.moveTo("leasing");
    // Over the cap the call fails at once (the API's caller decides whether to try again).
    const admission = await this.deps.leases.acquire(this.command.org_id, this.callId);
    if (!admission.ok) return this.end("failed", "failed", OUTBOUND_REFUSAL_CAUSES[admission.refusal]);
    this.lease = admission.lease;
    try {
      this.media = await openMedia(this.deps, this.callId, {
        codec: "PCMU",
        payloadType: 0,
        telephoneEventPayloadType: 101,
        remote: null,
      });
    } catch {
      return this.end("failed", "failed", "no_media_port");
    }
    this.dial(this.media);
  }

  /** leasing -> inviting: the INVITE goes out and the ring timeout starts. */
  private dial(media: RtpSession): void {
    const { deps } = this;
    const offer = buildOffer({
      address: deps.mediaAddress,
      port: media.localPort,
      sessionId: Math.floor(Date.now() / 1000),
      sessionVersion: 1,
    });
    this.invite = new OutboundInvite(deps, this.route!, offer);
    this.moveTo("inviting");
    // Its setup time runs from the INVITE to the answer.
    callOffered(this.callId, "outbound", "sip");
    this.host.dialling(this.callId, this);
    this.send(this.invite.request);
    this.ringTimer = setTimeout(() => this.ringTimeout(), deps.config.sipOutboundRingTimeoutMs);
  }

  private send(invite: SipRequest): void {
    const transaction = this.deps.stack.sendRequest(invite, this.route!.peer);
    this.transaction = transaction;
    transaction.onResponse((response) => this.onResponse(response));
  }

  private onResponse(response: SipResponse): void {
    if (this.settled) {
      if (response.status >= 200 && response.status < 300) this.host.reAck(response);
      return;
    }
    const retry =
      response.status === 401 || response.status === 407 ? this.invite!.answerChallenge(response) : null;
    if (response.status < 200) this.provisional(response);
    else if (retry) this.challenged(retry);
    else if (response.status >= 300) this.refused(response);
    else this.answered(response);
  }

  /** inviting | challenged -> ringing, on the first provisional response past 100 Trying. */
  private provisional(response: SipResponse): void {
    if (this.cancelledByApi) this.sendCancel();
    if (response.status === 100 || this.state === "ringing") return;
    this.moveTo("ringing");
    if (this.rang) return;
    this.rang = true;
    this.deps.events
      .write({ type: "call.status", call_id: this.callId, org_id: this.command.org_id, status: "ringing" })
      .catch(() => {});
  }

  /** -> challenged: the INVITE again, with the trunk's credentials (RFC 3261 §22.2). */
  private challenged(invite: SipRequest): void {
    this.moveTo("challenged");
    this.send(invite);
  }

  /** -> canceled (our API CANCEL), timed_out (our ring-timeout CANCEL) or failed, on a final refusal. */
  private refused(response: SipResponse): void {
    const terminated = response.status === 487;
    if (terminated && this.cancelledByApi) this.end("canceled", "canceled", "api_cancel").catch(() => {});
    else if (terminated && this.cancelledAtRingTimeout)
      this.end("timed_out", "no_answer", "ring_timeout").catch(() => {});
    else this.end("failed", statusForFailure(response.status), `sip_${response.status}`).catch(() => {});
  }

  /** The ring timeout: CANCEL a ringing INVITE (its 487 ends the call); unanswered by then, give up. */
  private ringTimeout(): void {
    if (this.settled) return;
    if (this.transaction?.state === "proceeding") {
      this.cancelledAtRingTimeout = true;
      this.sendCancel();
    } else {
      this.end("timed_out", "no_answer", "ring_timeout").catch(() => {});
    }
  }

  /** RFC 3261 §9.1: a CANCEL only once the INVITE got a provisional response, and one per INVITE. */
  private sendCancel(): void {
    const transaction = this.transaction;
    if (transaction === null || transaction.state !== "proceeding" || this.cancelled === transaction) return;
    this.cancelled = transaction;
    this.deps.stack.sendRequest(buildCancel(transaction.request), this.route!.peer);
  }

  /** -> answered: ACK, and the call goes on as a SipCall. */
  private answered(response: SipResponse): void {
    this.settle("answered");
    this.connect(response)
      .then(() => {
        // The callee answered as the CANCEL crossed it (RFC 3261 §9.1): hang up at once.
        if (this.cancelledByApi) this.host.hangUpAnswered(this.callId);
      })
      .catch((error) => {
        this.lease?.release().catch(() => {});
        this.deps.log.error({ err: error, call_id: this.callId }, "outbound answer handling failed");
      });
  }

  private async connect(response: SipResponse): Promise<void> {
    const { deps, command } = this;
    const route = this.route!;
    const media = this.media!;
    const dialog = Dialog.asClient(this.invite!.request, response, route.peer, deps.local);
    const ack = dialog.createRequest("ACK", { seq: dialog.localSeq });
    const ackKey = dialogId(dialog.callId, dialog.localTag);
    this.host.keepAck(ackKey, ack, route.peer);
    deps.stack.send(ack, route.peer);
    const negotiated = negotiateOffer(response.body.toString("utf8"));
    const call = new SipCall(deps, {
      callId: command.call_id,
      orgId: command.org_id,
      agent: route.agent,
      direction: "outbound",
      fromNumber: route.fromNumber,
      toNumber: route.toNumber,
      phoneNumberId: null,
      objective: command.objective ?? null,
      metadata: command.metadata ?? {},
      sipHeaders: command.sip_headers ?? undefined,
      dialog,
      media,
      lease: this.lease!,
      amd: command.amd ?? null,
    });
    if (!negotiated.ok) {
      deps.registry.add(call);
      call.state = "answered";
      await call.hangup("incompatible_media");
      this.host.forgetAck(ackKey);
      return;
    }
    if (negotiated.selection.remote)
      media.setRemote(negotiated.selection.remote.address, negotiated.selection.remote.port);
    deps.registry.add(call);
    setTimeout(() => this.host.forgetAck(ackKey), 64 * deps.stack.timers.t1Ms);
    await call.answered();
  }

  /** -> failed | canceled | timed_out: frees what the call held and reports its end. */
  private async end(state: Ended, status: CallStatus, cause: string): Promise<void> {
    if (this.settled) return;
    this.settle(state);
    await this.lease?.release();
    await this.media?.close().catch(() => {});
    await this.deps.events.write({
      type: "call.ended",
      call_id: this.callId,
      org_id: this.command.org_id,
      status,
      hangup_cause: cause,
      ended_at: new Date().toISOString(),
      duration_s: 0,
    });
  }

  private settle(state: "answered" | Ended): void {
    this.moveTo(state);
    this.host.dialling(this.callId, null);
    if (this.ringTimer) clearTimeout(this.ringTimer);
  }

  private moveTo(next: OutboundState): void {
    this.deps.log.debug({ call_id: this.callId, from: this.state, to: next }, "outbound call");
    this.state = next;
  }
}
