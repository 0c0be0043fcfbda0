// What a browser call does the same way whichever transport carries it (a WHIP peer or a
// LiveKit room): the application's hang-up through CallEnd, an end carried out once,
// call.started and call.ended with the recording on the bus, the media application on a
// CallContext with direction "web", and the live transcript and call events to the page.
import type { Agent } from "@switchboard/shared/agent";
import type { CallStatus, TranscriptTurn } from "@switchboard/shared/events";
import type { Logger } from "@switchboard/shared/logger";
import type { LegParent } from "../calls/transfer-leg.ts";
import type { CallAudio } from "../media/call-audio.ts";
import type { RecordingInfo } from "../media/wav-recorder.ts";
import { callOffered } from "../metrics/calls.ts";
import type { LegDialer } from "../warm-transfer/call-leg.ts";
import { type CallControl, type MediaApplication, type RunningApplication, usageOf } from "./application.ts";
import { CallEnd } from "./call-end.ts";
import type { CallEventWriter } from "./call-events.ts";
import type { DurationCap } from "./duration-cap.ts";
import type { RecordingPublisher } from "./recording-upload.ts";

/** What the page receives (JSON, one message each). */
export type PageMessage =
  | { type: "call.started"; call_id: string; agent_id: string; codec: string }
  | { type: "transcript"; index: number; turn: TranscriptTurn }
  | { type: "call.ended"; call_id: string; status: CallStatus; hangup_cause: string };

export interface BrowserCallDeps {
  events: CallEventWriter;
  log: Logger;
  application: MediaApplication;
  /** Moves a finished recording to its final home (S3 when configured); returns its location. */
  publishRecording: RecordingPublisher;
  now?: () => number;
  /** Warm transfer's second leg, placed by the gateway's SIP side; absent: no warm transfer. */
  legDialer?: (parent: LegParent) => LegDialer | null;
}

export interface BrowserCallIdentity {
  callId: string;
  orgId: string;
  agent: Agent;
}

interface BrowserCallTraits {
  /** Names the transport in the end's log line ("web", "livekit"). */
  transport: string;
  /** Why the application's transfer is refused. */
  transferRefusal: string;
  /** Whether a call that ended before it was answered still writes call.ended. */
  reportsUnansweredEnd: boolean;
}

export abstract class BrowserCall implements CallControl {
  readonly callId: string;
  readonly orgId: string;
  /** Decides how the call ends from our side (cap, drain, the application). */
  readonly callEnd: CallEnd;
  protected readonly log: Logger;
  private answeredAtMs: number | null = null;
  private application: RunningApplication | null = null;
  private turnIndex = 0;
  private ending: Promise<void> | null = null;
  private readonly endedHandlers: (() => void)[] = [];
  /** Warm transfer: the second leg through the SIP side (a browser call has none of its own). */
  readonly dialLeg?: LegDialer;

  protected constructor(
    private readonly core: BrowserCallDeps,
    private readonly identity: BrowserCallIdentity,
    private readonly traits: BrowserCallTraits,
  ) {
    this.callId = identity.callId;
    this.orgId = identity.orgId;
    callOffered(identity.callId, "web", traits.transport === "livekit" ? "livekit" : "webrtc");
    this.log = core.log;
    this.callEnd = new CallEnd({
      hangUp: (cause) => this.end("completed", cause),
      log: core.log.child({ call_id: identity.callId }),
    });
    this.dialLeg =
      core.legDialer?.({ callId: identity.callId, orgId: identity.orgId, fromNumber: null }) ?? undefined;
  }

  onEnded(handler: () => void): void {
    this.endedHandlers.push(handler);
  }

  /** Hangs up now (the application's hang-up): CallEnd decides. */
  hangup(cause: string): Promise<void> {
    return this.callEnd.hangup(cause);
  }

  async transfer(_target: string): Promise<{ ok: boolean; status: number | null; reason: string }> {
    return { ok: false, status: null, reason: this.traits.transferRefusal };
  }

  /** Ends the call once: stops the application, media and transport, and reports the outcome. */
  end(status: CallStatus, hangupCause: string): Promise<void> {
    this.ending ??= this.finish(status, hangupCause);
    return this.ending;
  }

  /** The call's end has begun (synchronously, inside `end`): mark it and stop its timers. */
  protected abstract markEnded(): void;
  /** Sends one message to the caller's page. */
  protected abstract sendToPage(message: PageMessage): void | Promise<void>;
  /** Closes the call's audio and leaves the transport; the recording, if one was made. */
  protected abstract closeMedia(): Promise<RecordingInfo | null>;
  /** After the end's events: gives back what the call held. */
  protected async released(): Promise<void> {}

  private now(): number {
    return this.core.now?.() ?? Date.now();
  }

  /** The call is answered: call.started to the bus and the page. */
  protected async writeStarted(codec: string): Promise<void> {
    const answeredAtMs = this.now();
    this.answeredAtMs = answeredAtMs;
    const agentId = this.identity.agent.id;
    await this.core.events.write({
      type: "call.started",
      call_id: this.callId,
      org_id: this.orgId,
      direction: "web",
      agent_id: agentId,
      from_number: null,
      to_number: null,
      phone_number_id: null,
      answered_at: new Date(answeredAtMs).toISOString(),
    });
    this.sendToPage({ type: "call.started", call_id: this.callId, agent_id: agentId, codec });
  }

  /** Starts the cap and the media application; one the call outlived while starting is stopped. */
  protected async startApplication(
    audio: CallAudio,
    metadata: Record<string, unknown>,
    cap: DurationCap,
  ): Promise<void> {
    this.callEnd.startCap(cap);
    const running = await this.core.application.start({
      callId: this.callId,
      orgId: this.orgId,
      agent: this.identity.agent,
      direction: "web",
      fromNumber: null,
      toNumber: null,
      objective: null,
      metadata,
      audio,
      control: this,
      reporter: {
        turn: (turn) => this.reportTurn(turn),
        transfer: (outcome) => {
          this.core.events
            .write({ type: "call.transfer", call_id: this.callId, org_id: this.orgId, ...outcome })
            .catch(() => {});
        },
      },
    });
    if (this.ending) await running.stop();
    else {
      this.application = running;
      this.callEnd.attach(running);
    }
  }

  private reportTurn(turn: TranscriptTurn): void {
    const index = this.turnIndex++;
    this.sendToPage({ type: "transcript", index, turn });
    this.core.events
      .write({ type: "call.turn", call_id: this.callId, org_id: this.orgId, index, turn })
      .catch(() => {});
  }

  private async finish(status: CallStatus, hangupCause: string): Promise<void> {
    const answeredAtMs = this.answeredAtMs;
    const answered = answeredAtMs !== null;
    this.markEnded();
    this.callEnd.close();
    const { core } = this;
    try {
      await this.application?.stop();
    } catch (error) {
      core.log.warn({ err: error, call_id: this.callId }, "media application stop failed");
    }
    const finalStatus: CallStatus = answered ? status : status === "completed" ? "canceled" : status;
    await this.sendToPage({
      type: "call.ended",
      call_id: this.callId,
      status: finalStatus,
      hangup_cause: hangupCause,
    });
    const recording = await this.closeMedia();
    if (answered || this.traits.reportsUnansweredEnd) {
      const endedAtMs = this.now();
      await core.events.write({
        type: "call.ended",
        call_id: this.callId,
        org_id: this.orgId,
        status: finalStatus,
        hangup_cause: hangupCause,
        ended_at: new Date(endedAtMs).toISOString(),
        duration_s: answeredAtMs === null ? 0 : Math.round((endedAtMs - answeredAtMs) / 1000),
        ...usageOf(this.application),
      });
      if (recording) {
        await core.events.write({
          type: "call.recording",
          call_id: this.callId,
          org_id: this.orgId,
          path: await core.publishRecording(this.callId, recording.path),
          duration_s: recording.durationS,
          bytes: recording.bytes,
        });
      }
    }
    await this.released();
    core.log.info(
      { call_id: this.callId, status: finalStatus, hangup_cause: hangupCause, answered },
      `${this.traits.transport} call ended`,
    );
    for (const handler of this.endedHandlers) handler();
  }
}
