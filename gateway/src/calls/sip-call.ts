// One SIP call after its dialog exists: in-dialog requests (BYE, re-INVITE, INFO, NOTIFY),
// hang-up and blind transfer (REFER) from the application, and the end of the call.
import type { Agent } from "@switchboard/shared/agent";
import type { CallDirection, CallSmsOutcome, CallStatus } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import type { AmdSettings } from "@switchboard/shared/schemas/amd";
import { withAmd } from "../amd/amd-application.ts";
import { agentSttTranscription } from "../amd/transcript-feed.ts";
import { type CallControl, type RunningApplication, usageOf } from "../call-core/application.ts";
import { CallEnd } from "../call-core/call-end.ts";
import type { CallLease } from "../call-core/call-leases.ts";
import { centsPerMinuteFor, durationCap } from "../call-core/duration-cap.ts";
import { callOffered } from "../metrics/calls.ts";
import type { RtpSession } from "../rtp/session.ts";
import { buildAnswer, negotiateOffer } from "../sdp/offer-answer.ts";
import type { Dialog } from "../sip/dialog.ts";
import type { SipRequest } from "../sip/message.ts";
import type { ServerTransaction } from "../sip/transaction.ts";
import type { LegDialer } from "../warm-transfer/call-leg.ts";
import { BlindTransfer, type TransferOutcome } from "./blind-transfer.ts";
import { ALLOW, type CallDeps, warningHeader } from "./deps.ts";
import type { RegisteredCall } from "./registry.ts";
import { sipLegDialer } from "./transfer-leg.ts";

export interface SipCallInit {
  callId: string;
  orgId: string;
  agent: Agent;
  direction: CallDirection;
  fromNumber: string | null;
  toNumber: string | null;
  phoneNumberId: string | null;
  objective: string | null;
  metadata: Record<string, unknown>;
  /** Inbound calls: the INVITE's context headers (`X-*` and the allow-list), for prompts and tools. */
  sipHeaders?: Record<string, string>;
  dialog: Dialog;
  media: RtpSession;
  /** The call's place in its org's concurrent-call cap, released when the call ends. */
  lease?: CallLease;
  /** Outbound calls: answering-machine detection before the agent starts. */
  amd?: AmdSettings | null;
}

/** How long a send_sms tool call waits for control to have the carrier take the message. */
const SMS_OUTCOME_TIMEOUT_MS = 8000;

const APPLICATION_STOP_TIMEOUT_MS = 2000;

export type { TransferOutcome } from "./blind-transfer.ts";

export class SipCall implements RegisteredCall, CallControl {
  readonly callId: string;
  readonly orgId: string;
  readonly dialog: Dialog;
  readonly media: RtpSession;
  state: "early" | "answered" | "ended" = "early";
  /** The INVITE (initial or re-INVITE) whose 2xx waits for its ACK. */
  pendingInvite: ServerTransaction | null = null;
  /** Decides how the call ends from our side (cap, drain, the application, API, media). */
  readonly callEnd: CallEnd;
  private application: RunningApplication | null = null;
  private answeredAtMs: number | null = null;
  private sdpVersion = 1;
  private readonly blindTransfer: BlindTransfer;
  /** Warm transfer: the second leg, through the org's trunk or to a SIP URI. */
  readonly dialLeg: LegDialer;
  private endedPromise: Promise<void> | null = null;

  constructor(
    private readonly deps: CallDeps,
    readonly init: SipCallInit,
  ) {
    this.callId = init.callId;
    callOffered(init.callId, init.direction, "sip");
    this.orgId = init.orgId;
    this.dialog = init.dialog;
    this.media = init.media;
    // The agent's side of the call: the referrer (RFC 3892) and the warm transfer leg's caller.
    const ourNumber = init.direction === "outbound" ? init.fromNumber : init.toNumber;
    this.blindTransfer = new BlindTransfer(deps, init.dialog, ourNumber ?? "switchboard");
    this.dialLeg = sipLegDialer(deps, {
      callId: init.callId,
      orgId: init.orgId,
      fromNumber: ourNumber,
    });
    this.callEnd = new CallEnd({
      hangUp: (cause) => this.hangUpNow(cause),
      log: deps.log.child({ call_id: init.callId }),
    });
    // A caller who sends nothing more hears nothing either: no goodbye.
    this.media.onMediaTimeout(() => {
      this.callEnd.hangup("media_timeout").catch(() => {});
    });
  }

  get dialogKey(): string {
    return this.dialog.id;
  }

  /** SDP for our side; the version increases with every new description (RFC 3264 §8). */
  localDescription(selection: Parameters<typeof buildAnswer>[1]): Buffer {
    return Buffer.from(
      buildAnswer(
        {
          address: this.deps.mediaAddress,
          port: this.media.localPort,
          sessionId: this.sessionId,
          sessionVersion: this.sdpVersion++,
        },
        selection,
      ),
    );
  }

  private readonly sessionId = Math.floor(Date.now() / 1000);
  private turnsReported = 0;

  /** The call is answered: events, the duration cap, the media application. */
  async answered(): Promise<void> {
    if (this.state !== "early") return;
    this.state = "answered";
    this.answeredAtMs = Date.now();
    const { init, deps } = this;
    await deps.events.write({
      type: "call.started",
      call_id: this.callId,
      org_id: this.orgId,
      direction: init.direction,
      agent_id: init.agent.id,
      from_number: init.fromNumber,
      to_number: init.toNumber,
      phone_number_id: init.phoneNumberId,
      answered_at: new Date(this.answeredAtMs).toISOString(),
      ...(init.sipHeaders && Object.keys(init.sipHeaders).length > 0 ? { sip_headers: init.sipHeaders } : {}),
    });
    const cap = durationCap(
      init.agent.max_duration_s,
      await deps.directory.balanceCents(this.orgId),
      centsPerMinuteFor(await deps.directory.rates(this.orgId, deps.config), init.direction),
    );
    this.callEnd.startCap(cap);
    try {
      const application = init.amd?.enabled
        ? withAmd(deps.application, init.amd, {
            onVerdict: (verdict) => {
              deps.events
                .write({
                  type: "call.amd",
                  call_id: this.callId,
                  org_id: this.orgId,
                  answered_by: verdict.answeredBy,
                  decision_ms: verdict.decisionMs,
                  evidence: verdict.evidence,
                })
                .catch(() => {});
            },
            sinceAnswerMs: () => Date.now() - (this.answeredAtMs ?? Date.now()),
            transcription: agentSttTranscription(deps.config, deps.log),
          })
        : deps.application;
      this.application = await application.start({
        callId: this.callId,
        orgId: this.orgId,
        agent: init.agent,
        direction: init.direction,
        fromNumber: init.fromNumber,
        toNumber: init.toNumber,
        objective: init.objective,
        metadata: init.metadata,
        sipHeaders: init.sipHeaders,
        audio: this.media,
        control: this,
        reporter: {
          transfer: (outcome) => this.writeTransfer(outcome.target, outcome),
          turn: (turn) => {
            const index = this.turnsReported++;
            deps.events
              .write({ type: "call.turn", call_id: this.callId, org_id: this.orgId, index, turn })
              .catch(() => {});
          },
          doNotCall: (reason) => {
            deps.events
              .write({ type: "call.do_not_call", call_id: this.callId, org_id: this.orgId, reason })
              .catch(() => {});
          },
          sendSms: (request, signal) => this.requestSms(request, signal),
        },
      });
      this.callEnd.attach(this.application);
    } catch (error) {
      deps.log.error({ err: error, call_id: this.callId }, "media application failed to start");
      await this.hangup("application_error");
    }
  }

  /** The send_sms tool: control sends it; the outcome is awaited for a few seconds. */
  private async requestSms(
    request: { to: string | null; body: string },
    signal: AbortSignal,
  ): Promise<CallSmsOutcome | null> {
    const smsId = newId("sms");
    const outcome = this.deps.smsOutcomes.wait(smsId, SMS_OUTCOME_TIMEOUT_MS, signal);
    await this.deps.events.write({
      type: "call.sms",
      call_id: this.callId,
      org_id: this.orgId,
      sms_id: smsId,
      to: request.to,
      body: request.body,
    });
    return outcome;
  }

  handleAck(_request: SipRequest): void {
    this.pendingInvite?.acknowledge();
    this.pendingInvite = null;
  }

  /** An in-dialog request (not ACK) from the peer. */
  handleRequest(request: SipRequest, transaction: ServerTransaction): void {
    if (!this.dialog.acceptRemoteSeq(request)) {
      transaction.reply(500, { reason: "CSeq Out of Order" });
      return;
    }
    switch (request.method) {
      case "BYE":
        transaction.reply(200);
        this.end("completed", this.init.direction === "outbound" ? "callee_hangup" : "caller_hangup").catch(
          () => {},
        );
        return;
      case "INVITE":
        this.handleReinvite(request, transaction);
        return;
      case "INFO":
        this.handleInfo(request, transaction);
        return;
      case "NOTIFY":
        transaction.reply(200);
        this.blindTransfer.handleNotify(request);
        return;
      case "OPTIONS":
        transaction.reply(200, { headers: [["Allow", ALLOW]] });
        return;
      default:
        transaction.reply(405, { headers: [["Allow", ALLOW]] });
    }
  }

  private handleReinvite(request: SipRequest, transaction: ServerTransaction): void {
    if (this.pendingInvite) {
      transaction.reply(491); // RFC 3261 §14.2: an INVITE is already in progress.
      return;
    }
    if (request.body.length === 0) {
      transaction.reply(488, { headers: [warningHeader(399, this.deps.local.host, "SDP offer required")] });
      return;
    }
    const negotiated = negotiateOffer(request.body.toString("utf8"));
    if (!negotiated.ok) {
      transaction.reply(488, { headers: [warningHeader(305, this.deps.local.host, negotiated.reason)] });
      return;
    }
    const { selection } = negotiated;
    const onHold =
      selection.remote === null || selection.direction === "sendonly" || selection.direction === "inactive";
    if (selection.remote) this.media.setRemote(selection.remote.address, selection.remote.port);
    this.media.setHold(onHold);
    this.deps.log.debug({ call_id: this.callId, on_hold: onHold }, "re-INVITE");
    transaction.reply(200, {
      headers: [
        ["Contact", this.dialog.contact],
        ["Content-Type", "application/sdp"],
        ["Allow", ALLOW],
      ],
      body: this.localDescription(selection),
    });
    this.pendingInvite = transaction;
    transaction.onTerminate(() => {
      if (this.pendingInvite === transaction) this.pendingInvite = null;
    });
  }

  /** SIP INFO DTMF (application/dtmf-relay and application/dtmf). */
  private handleInfo(request: SipRequest, transaction: ServerTransaction): void {
    transaction.reply(200);
    const type = (request.headers.get("content-type") ?? "").toLowerCase();
    const body = request.body.toString("utf8");
    let digit: string | null = null;
    if (type.startsWith("application/dtmf-relay"))
      digit = /Signal\s*=\s*([0-9*#A-Da-d])/.exec(body)?.[1] ?? null;
    else if (type.startsWith("application/dtmf")) digit = /^\s*([0-9*#A-Da-d])/.exec(body)?.[1] ?? null;
    // Joined to the RFC 4733 digits the RTP session receives.
    if (digit) this.media.receiveDtmf(digit);
  }

  /** Hangs up now (the application's, an API's or the transfer's hang-up): CallEnd decides. */
  hangup(cause: string): Promise<void> {
    return this.callEnd.hangup(cause);
  }

  /** BYE once answered; before that the call fails. */
  private async hangUpNow(cause: string): Promise<void> {
    if (this.state === "ended") return;
    if (this.state === "answered") {
      const bye = this.dialog.createRequest("BYE");
      const transaction = this.deps.stack.sendRequest(bye, this.dialog.peer);
      const ending = this.end("completed", cause);
      await Promise.race([transaction.finalResponse(), Bun.sleep(64 * this.deps.stack.timers.t1Ms)]);
      await ending;
      return;
    }
    await this.end("failed", cause);
  }

  /**
   * Blind transfer (RFC 3515): REFER with Referred-By (RFC 3892), then wait for the final
   * sipfrag NOTIFY; BYE on success. The outcome goes on the call record (`call.transfer`).
   */
  async transfer(
    target: string,
    options: { sipHeaders?: Record<string, string> } = {},
  ): Promise<TransferOutcome> {
    const outcome: TransferOutcome =
      this.state === "answered"
        ? await this.blindTransfer.refer(target, options.sipHeaders)
        : { ok: false, status: null, reason: "call not answered" };
    await this.writeTransfer(target, outcome);
    if (outcome.ok) await this.hangup("transferred");
    return outcome;
  }

  /** A transfer's outcome (blind or warm) on the call record. */
  private async writeTransfer(target: string, outcome: TransferOutcome): Promise<void> {
    await this.deps.events
      .write({
        type: "call.transfer",
        call_id: this.callId,
        org_id: this.orgId,
        target,
        ok: outcome.ok,
        status: outcome.status,
        reason: outcome.reason,
      })
      .catch((error) =>
        this.deps.log.warn({ err: error, call_id: this.callId }, "call.transfer not written"),
      );
  }

  /** Ends the call once: stops the application and media, writes the final events. */
  end(status: CallStatus, cause: string): Promise<void> {
    if (!this.endedPromise) {
      this.endedPromise = this.finish(status, cause);
      this.deps.registry.trackEnd(this.endedPromise);
    }
    return this.endedPromise;
  }

  private async finish(status: CallStatus, cause: string): Promise<void> {
    this.state = "ended";
    this.callEnd.close();
    this.blindTransfer.callEnded();
    this.deps.registry.remove(this);
    this.init.lease?.release().catch(() => {});
    const { deps } = this;
    // An application that hangs up from inside its own work must not hold the call open.
    const stopping = this.application
      ?.stop()
      .catch((error) => deps.log.warn({ err: error }, "application stop failed"));
    await Promise.race([stopping, Bun.sleep(APPLICATION_STOP_TIMEOUT_MS)]);
    const recording = await this.media.close().catch(() => null);
    const endedAtMs = Date.now();
    const durationS = this.answeredAtMs === null ? 0 : Math.round((endedAtMs - this.answeredAtMs) / 100) / 10;
    await deps.events.write({
      type: "call.ended",
      call_id: this.callId,
      org_id: this.orgId,
      status,
      hangup_cause: cause,
      ended_at: new Date(endedAtMs).toISOString(),
      duration_s: durationS,
      ...usageOf(this.application),
    });
    if (recording && this.answeredAtMs !== null) {
      await deps.events.write({
        type: "call.recording",
        call_id: this.callId,
        org_id: this.orgId,
        path: await deps.publishRecording(this.callId, recording.path),
        duration_s: recording.durationS,
        bytes: recording.bytes,
      });
    }
  }
}
