// A warm transfer's second leg over SIP: the INVITE to the destination (a number through the
// org's outbound trunk, a SIP URI straight to its host), its answer, refusal or ring timeout
// (CANCEL, RFC 3261 §9.1), and the answered leg's in-dialog requests until one side hangs up.
import { outboundSipHeaderFields } from "@switchboard/shared/sip/custom-headers";
import type { RtpSession } from "../rtp/session.ts";
import { buildAnswer, buildOffer, negotiateOffer } from "../sdp/offer-answer.ts";
import { Dialog } from "../sip/dialog.ts";
import type { SipRequest, SipResponse } from "../sip/message.ts";
import type { ClientTransaction, ServerTransaction } from "../sip/transaction.ts";
import type { CallLeg, DialLegOptions, DialLegResult, LegDialer } from "../warm-transfer/call-leg.ts";
import { ALLOW, type CallDeps, openMedia } from "./deps.ts";
import { buildCancel, OutboundInvite } from "./outbound-invite.ts";
import type { RegisteredCall } from "./registry.ts";
import { legRoute } from "./transfer-leg-route.ts";

const BYE_WAIT_T1_MULTIPLE = 64;

/** The call a leg belongs to: its id names the leg's recording (`<call_id>.transfer.wav`). */
export interface LegParent {
  callId: string;
  orgId: string;
  /** The caller ID the leg presents (the trunk's rules apply to numbers). */
  fromNumber: string | null;
}

export function sipLegDialer(deps: CallDeps, parent: LegParent): LegDialer {
  return (destination, options) => dialLeg(deps, parent, destination, options);
}

function refusalOutcome(status: number): "busy" | "no_answer" | "failed" {
  if (status === 486 || status === 600) return "busy";
  if (status === 408 || status === 480 || status === 487) return "no_answer";
  return "failed";
}

async function dialLeg(
  deps: CallDeps,
  parent: LegParent,
  destination: string,
  options: DialLegOptions,
): Promise<DialLegResult> {
  let extraHeaders: Array<[string, string]>;
  try {
    extraHeaders = outboundSipHeaderFields(options.sipHeaders);
  } catch (error) {
    return { ok: false, status: null, reason: (error as Error).message, outcome: "failed" };
  }
  const routed = await legRoute(deps, parent, destination, extraHeaders);
  if (!routed.ok) return { ok: false, status: null, reason: routed.reason, outcome: "failed" };
  const route = routed.route;
  const legId = `${parent.callId}.transfer`;
  let media: RtpSession;
  try {
    media = await openMedia(deps, legId, {
      codec: "PCMU",
      payloadType: 0,
      telephoneEventPayloadType: 101,
      remote: null,
    });
  } catch {
    return { ok: false, status: null, reason: "no media port", outcome: "failed" };
  }
  const offer = buildOffer({
    address: deps.mediaAddress,
    port: media.localPort,
    sessionId: Math.floor(Date.now() / 1000),
    sessionVersion: 1,
  });
  const invite = new OutboundInvite(deps, route, offer);
  const { promise, resolve } = Promise.withResolvers<DialLegResult>();
  let settled = false;
  let giveUp: "no_answer" | "failed" | null = null;
  let transaction: ClientTransaction | null = null;
  let cancelSent: ClientTransaction | null = null;

  const settle = (result: DialLegResult) => {
    if (settled) return;
    settled = true;
    clearTimeout(ringTimer);
    options.signal.removeEventListener("abort", onAbort);
    resolve(result);
  };
  const fail = (status: number | null, reason: string, outcome: "busy" | "no_answer" | "failed") => {
    media.close().catch(() => {});
    settle({ ok: false, status, reason, outcome });
  };
  const sendCancel = () => {
    if (transaction === null || transaction.state !== "proceeding" || cancelSent === transaction) return;
    cancelSent = transaction;
    deps.stack.sendRequest(buildCancel(transaction.request), route.peer);
  };
  // RFC 3261 §9.1: a CANCEL only once a provisional response came; before that, give up at once.
  const stopRinging = (outcome: "no_answer" | "failed") => {
    giveUp = outcome;
    if (transaction?.state === "proceeding") sendCancel();
    else fail(null, outcome === "no_answer" ? "no answer" : "cancelled", outcome);
  };
  const onAbort = () => stopRinging("failed");
  const ringTimer = setTimeout(() => stopRinging("no_answer"), options.ringTimeoutMs);
  options.signal.addEventListener("abort", onAbort, { once: true });

  const onResponse = (response: SipResponse) => {
    if (response.status < 200) {
      if (giveUp) sendCancel();
      return;
    }
    if (response.status === 401 || response.status === 407) {
      const retry = settled ? null : invite.answerChallenge(response);
      if (retry) {
        send(retry);
        return;
      }
    }
    if (response.status >= 300) {
      if (response.status === 487 && giveUp)
        fail(487, giveUp === "no_answer" ? "no answer" : "cancelled", giveUp);
      else fail(response.status, response.reason, refusalOutcome(response.status));
      return;
    }
    const leg = answered(deps, parent, invite.request, response, route.peer, media);
    // Answered as the CANCEL crossed it (RFC 3261 §9.1): hang up at once.
    if (settled || giveUp) {
      leg.hangup("transfer_cancelled").catch(() => {});
      settle({
        ok: false,
        status: null,
        reason: "answered after the transfer gave up",
        outcome: giveUp ?? "failed",
      });
      return;
    }
    if (!leg.negotiated) {
      leg.hangup("incompatible_media").catch(() => {});
      settle({ ok: false, status: 488, reason: "no common codec", outcome: "failed" });
      return;
    }
    settle({ ok: true, leg });
  };
  const send = (request: SipRequest) => {
    transaction = deps.stack.sendRequest(request, route.peer);
    transaction.onResponse(onResponse);
  };
  send(invite.request);
  return promise;
}

/** ACKs the 2xx and registers the leg for its in-dialog requests. */
function answered(
  deps: CallDeps,
  parent: LegParent,
  invite: SipRequest,
  response: SipResponse,
  peer: Parameters<typeof Dialog.asClient>[2],
  media: RtpSession,
): SipTransferLeg {
  const dialog = Dialog.asClient(invite, response, peer, deps.local);
  deps.stack.send(dialog.createRequest("ACK", { seq: dialog.localSeq }), peer);
  const negotiated = negotiateOffer(response.body.toString("utf8"));
  if (negotiated.ok && negotiated.selection.remote)
    media.setRemote(negotiated.selection.remote.address, negotiated.selection.remote.port);
  const leg = new SipTransferLeg(deps, parent, dialog, media, negotiated.ok);
  deps.legs.add(leg);
  return leg;
}

export class SipTransferLeg implements CallLeg, RegisteredCall {
  readonly callId: string;
  readonly orgId: string;
  ended = false;
  private readonly endedHandlers: ((cause: string) => void)[] = [];
  private closing: Promise<void> | null = null;
  private sdpVersion = 2;

  constructor(
    private readonly deps: CallDeps,
    parent: LegParent,
    private readonly dialog: Dialog,
    private readonly media: RtpSession,
    readonly negotiated: boolean,
  ) {
    this.callId = `${parent.callId}.transfer`;
    this.orgId = parent.orgId;
    media.onMediaTimeout(() => {
      this.hangup("media_timeout").catch(() => {});
    });
  }

  get audio(): RtpSession {
    return this.media;
  }

  get dialogKey(): string {
    return this.dialog.id;
  }

  onEnded(handler: (cause: string) => void): void {
    this.endedHandlers.push(handler);
  }

  handleAck(_request: SipRequest): void {}

  handleRequest(request: SipRequest, transaction: ServerTransaction): void {
    if (!this.dialog.acceptRemoteSeq(request)) {
      transaction.reply(500, { reason: "CSeq Out of Order" });
      return;
    }
    switch (request.method) {
      case "BYE":
        transaction.reply(200);
        this.finish("destination_hangup").catch(() => {});
        return;
      case "INFO":
        transaction.reply(200);
        this.receiveInfoDigit(request);
        return;
      case "INVITE":
        this.answerReinvite(request, transaction);
        return;
      case "OPTIONS":
        transaction.reply(200, { headers: [["Allow", ALLOW]] });
        return;
      default:
        transaction.reply(405, { headers: [["Allow", ALLOW]] });
    }
  }

  /** SIP INFO DTMF (application/dtmf-relay), joined to the RFC 4733 digits. */
  private receiveInfoDigit(request: SipRequest): void {
    const digit = /Signal\s*=\s*([0-9*#A-Da-d])/.exec(request.body.toString("utf8"))?.[1];
    if (digit) this.media.receiveDtmf(digit);
  }

  /** A session refresh or hold from the destination: the same media, its new address. */
  private answerReinvite(request: SipRequest, transaction: ServerTransaction): void {
    const negotiated = negotiateOffer(request.body.toString("utf8"));
    if (!negotiated.ok) {
      transaction.reply(488);
      return;
    }
    const { selection } = negotiated;
    if (selection.remote) this.media.setRemote(selection.remote.address, selection.remote.port);
    this.media.setHold(selection.remote === null || selection.direction !== "sendrecv");
    const answer = buildAnswer(
      {
        address: this.deps.mediaAddress,
        port: this.media.localPort,
        sessionId: Math.floor(Date.now() / 1000),
        sessionVersion: this.sdpVersion++,
      },
      selection,
    );
    transaction.reply(200, {
      headers: [
        ["Contact", this.dialog.contact],
        ["Content-Type", "application/sdp"],
      ],
      body: Buffer.from(answer),
    });
  }

  /** BYE, then the media closes; the destination's BYE ends it the same way. */
  async hangup(cause: string): Promise<void> {
    if (this.ended) return this.closing ?? undefined;
    const bye = this.deps.stack.sendRequest(this.dialog.createRequest("BYE"), this.dialog.peer);
    const finishing = this.finish(cause);
    await Promise.race([
      bye.finalResponse(),
      Bun.sleep(BYE_WAIT_T1_MULTIPLE * this.deps.stack.timers.t1Ms),
    ]).catch(() => {});
    await finishing;
  }

  private finish(cause: string): Promise<void> {
    if (this.closing) return this.closing;
    this.ended = true;
    this.deps.legs.remove(this);
    for (const handler of this.endedHandlers) handler(cause);
    this.closing = this.media
      .close()
      .then(async (recording) => {
        if (recording) await this.deps.publishRecording(this.callId, recording.path);
      })
      .catch((error) =>
        this.deps.log.warn({ err: error, call_id: this.callId }, "transfer leg close failed"),
      );
    return this.closing;
  }
}
