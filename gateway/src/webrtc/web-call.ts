// One browser call from answered offer to hang-up: events to the bus, the media application
// on a CallContext with direction "web", and live transcript and call events to the page.
import type { Agent } from "@switchboard/shared/agent";
import type { CallStatus, TranscriptTurn } from "@switchboard/shared/events";
import type { Logger } from "@switchboard/shared/logger";
import type { CallControl, MediaApplication, RunningApplication } from "../call-core/application.ts";
import { CallEnd } from "../call-core/call-end.ts";
import type { CallEventWriter } from "../call-core/call-events.ts";
import type { DurationCap } from "../call-core/duration-cap.ts";
import type { RecordingPublisher } from "../call-core/recording-upload.ts";
import type { WebRtcCallAudio } from "./call-audio.ts";
import type { WebRtcPeer } from "./peer.ts";

interface WebCallInit {
  callId: string;
  orgId: string;
  agent: Agent;
  metadata: Record<string, unknown>;
  peer: WebRtcPeer;
  audio: WebRtcCallAudio;
  /** The agent's maximum and what the balance pays for (call-core/duration-cap.ts). */
  durationCap: DurationCap;
}

interface WebCallDeps {
  events: CallEventWriter;
  log: Logger;
  application: MediaApplication;
  /** A call whose ICE/DTLS has not completed by then fails. */
  connectTimeoutMs: number;
  /** Moves a finished recording to its final home (S3 when configured); returns its location. */
  publishRecording: RecordingPublisher;
}

/** What the page receives on the data channel (JSON, one message each). */
export type PageMessage =
  | { type: "call.started"; call_id: string; agent_id: string; codec: string }
  | { type: "transcript"; index: number; turn: TranscriptTurn }
  | { type: "call.ended"; call_id: string; status: CallStatus; hangup_cause: string };

export class WebCall implements CallControl {
  readonly callId: string;
  readonly orgId: string;
  state: "connecting" | "answered" | "ended" = "connecting";
  /** Decides how the call ends from our side (cap, drain, the application). */
  readonly callEnd: CallEnd;
  private application: RunningApplication | null = null;
  private answeredAtMs: number | null = null;
  private turnIndex = 0;
  private connectTimer: ReturnType<typeof setTimeout> | null = null;
  private ending: Promise<void> | null = null;
  private readonly endedHandlers: (() => void)[] = [];

  constructor(
    private readonly deps: WebCallDeps,
    readonly init: WebCallInit,
  ) {
    this.callId = init.callId;
    this.orgId = init.orgId;
    this.callEnd = new CallEnd({
      hangUp: (cause) => this.end("completed", cause),
      log: deps.log.child({ call_id: init.callId }),
    });
    init.peer.onPayload((payload) => init.audio.receivePayload(payload));
    init.peer.onState((state) => {
      if (state === "connected") this.answered().catch(() => {});
      else if (state === "failed") this.end(this.state === "answered" ? "completed" : "failed", "ice_failed");
      else if (state === "closed")
        this.end(this.state === "answered" ? "completed" : "canceled", "caller_hangup");
    });
    init.peer.onMessage((text) => this.handlePageMessage(text));
    this.connectTimer = setTimeout(() => {
      if (this.state === "connecting") this.end("failed", "ice_timeout");
    }, deps.connectTimeoutMs);
  }

  onEnded(handler: () => void): void {
    this.endedHandlers.push(handler);
  }

  /** Hangs up now (the application's hang-up): CallEnd decides. */
  hangup(cause: string): Promise<void> {
    return this.callEnd.hangup(cause);
  }

  async transfer(_target: string): Promise<{ ok: boolean; status: number | null; reason: string }> {
    return { ok: false, status: null, reason: "browser calls cannot be transferred" };
  }

  /** Ends the call once: stops the application, media and peer, and reports the outcome. */
  end(status: CallStatus, hangupCause: string): Promise<void> {
    if (this.ending) return this.ending;
    this.ending = this.finish(status, hangupCause);
    return this.ending;
  }

  private async answered(): Promise<void> {
    if (this.state !== "connecting") return;
    this.state = "answered";
    this.answeredAtMs = Date.now();
    if (this.connectTimer) clearTimeout(this.connectTimer);
    const { init, deps } = this;
    await this.deps.events.write({
      type: "call.started",
      call_id: this.callId,
      org_id: this.orgId,
      direction: "web",
      agent_id: init.agent.id,
      from_number: null,
      to_number: null,
      phone_number_id: null,
      answered_at: new Date(this.answeredAtMs).toISOString(),
    });
    this.send({
      type: "call.started",
      call_id: this.callId,
      agent_id: init.agent.id,
      codec: init.audio.codec.name,
    });
    this.callEnd.startCap(init.durationCap);
    try {
      const running = await deps.application.start({
        callId: this.callId,
        orgId: this.orgId,
        agent: init.agent,
        direction: "web",
        fromNumber: null,
        toNumber: null,
        objective: null,
        metadata: init.metadata,
        audio: init.audio,
        control: this,
        reporter: { turn: (turn) => this.reportTurn(turn) },
      });
      if ((this.state as WebCall["state"]) === "ended") await running.stop();
      else {
        this.application = running;
        this.callEnd.attach(running);
      }
    } catch (error) {
      deps.log.error({ err: error, call_id: this.callId }, "media application failed to start");
      await this.end("failed", "application_error");
    }
  }

  private reportTurn(turn: TranscriptTurn): void {
    const index = this.turnIndex++;
    this.send({ type: "transcript", index, turn });
    this.deps.events
      .write({ type: "call.turn", call_id: this.callId, org_id: this.orgId, index, turn })
      .catch(() => {});
  }

  private handlePageMessage(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message === null || typeof message !== "object") return;
    const { type, digit } = message as { type?: unknown; digit?: unknown };
    if (type === "hangup") this.end("completed", "caller_hangup").catch(() => {});
    else if (type === "dtmf" && typeof digit === "string") this.init.audio.receiveDtmf(digit);
  }

  private async finish(status: CallStatus, hangupCause: string): Promise<void> {
    const wasAnswered = this.state === "answered";
    this.state = "ended";
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.callEnd.close();
    const { init } = this;
    try {
      await this.application?.stop();
    } catch (error) {
      this.deps.log.warn({ err: error, call_id: this.callId }, "media application stop failed");
    }
    const finalStatus: CallStatus = wasAnswered ? status : status === "completed" ? "canceled" : status;
    this.send({ type: "call.ended", call_id: this.callId, status: finalStatus, hangup_cause: hangupCause });
    const recording = await init.audio.close().catch(() => null);
    // Let the call.ended message leave before the SCTP association goes.
    await Bun.sleep(50);
    await init.peer.close();
    const endedAtMs = Date.now();
    await this.deps.events.write({
      type: "call.ended",
      call_id: this.callId,
      org_id: this.orgId,
      status: finalStatus,
      hangup_cause: hangupCause,
      ended_at: new Date(endedAtMs).toISOString(),
      duration_s: this.answeredAtMs === null ? 0 : Math.round((endedAtMs - this.answeredAtMs) / 1000),
    });
    if (recording) {
      await this.deps.events.write({
        type: "call.recording",
        call_id: this.callId,
        org_id: this.orgId,
        path: await this.deps.publishRecording(this.callId, recording.path),
        duration_s: recording.durationS,
        bytes: recording.bytes,
      });
    }
    this.deps.log.info(
      { call_id: this.callId, status: finalStatus, hangup_cause: hangupCause },
      "web call ended",
    );
    for (const handler of this.endedHandlers) handler();
  }

  private send(message: PageMessage): void {
    this.init.peer.sendMessage(message);
  }
}
