// One browser call through a LiveKit room, from the agent joining to the call's end: the same
// lifecycle as a WHIP call (web-call.ts). The call is answered when its caller's microphone
// arrives and is admitted (org cap, credits, the call token); then call.started (direction
// web), the media application, turns, and at the end call.ended with its duration and the
// recording. A room whose caller never came, or was refused, writes no events, as a refused
// WHIP offer does not; the caller hears why in a data message.
import { mkdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { AudioFrame } from "@livekit/rtc-node";
import type { Agent } from "@switchboard/shared/agent";
import type { CallStatus, TranscriptTurn } from "@switchboard/shared/events";
import type { Logger } from "@switchboard/shared/logger";
import type { CallControl, MediaApplication, RunningApplication } from "../../call-core/application.ts";
import { CallEnd } from "../../call-core/call-end.ts";
import type { CallEventWriter } from "../../call-core/call-events.ts";
import type { DurationCap } from "../../call-core/duration-cap.ts";
import type { RecordingPublisher } from "../../call-core/recording-upload.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";
import type { MediaClock } from "../../media/clock.ts";
import { WavRecorder } from "../../media/wav-recorder.ts";
import type { PageMessage } from "../web-call.ts";
import { LiveKitCallAudio } from "./call-audio.ts";
import { LiveKitRoomAgent } from "./room-agent.ts";
import type { RoomPort } from "./room-port.ts";

/** What admitting the caller decided: the call's place is taken, or why not. */
export type RoomAdmission =
  | { ok: true; durationCap: DurationCap; release: () => Promise<void> }
  | { ok: false; cause: string };

export interface AdmissionRequest {
  callId: string;
  orgId: string;
  agent: Agent;
  /** When the call's token expires. */
  expiresAtMs: number;
}

export interface RoomCallDeps {
  events: CallEventWriter;
  log: Logger;
  clock: MediaClock;
  application: MediaApplication;
  publishRecording: RecordingPublisher;
  /** Null: calls are not recorded. */
  recordingsDir: string | null;
  /** Takes the call's place once its caller is there. */
  admit(request: AdmissionRequest): Promise<RoomAdmission>;
  now: () => number;
}

interface RoomCallInit {
  callId: string;
  orgId: string;
  agent: Agent;
  metadata: Record<string, unknown>;
  room: RoomPort;
  /** A room still without its caller is left then (the caller's token has expired). */
  callerDeadlineMs: number;
}

export class LiveKitRoomCall implements CallControl {
  readonly callId: string;
  readonly orgId: string;
  state: "waiting" | "admitting" | "answered" | "ended" = "waiting";
  /** Decides how the call ends from our side (cap, drain, the application). */
  readonly callEnd: CallEnd;
  private readonly agent: LiveKitRoomAgent;
  private audio: LiveKitCallAudio | null = null;
  private application: RunningApplication | null = null;
  private release: (() => Promise<void>) | null = null;
  private answeredAtMs: number | null = null;
  private turnIndex = 0;
  private waitTimer: ReturnType<typeof setTimeout> | null = null;
  private ending: Promise<void> | null = null;
  private readonly endedHandlers: (() => void)[] = [];

  constructor(
    private readonly deps: RoomCallDeps,
    private readonly init: RoomCallInit,
  ) {
    this.callId = init.callId;
    this.orgId = init.orgId;
    this.callEnd = new CallEnd({
      hangUp: (cause) => this.end("completed", cause),
      log: deps.log.child({ call_id: init.callId }),
    });
    this.agent = new LiveKitRoomAgent(
      init.room,
      {
        caller: (identity) => {
          this.admitCaller(identity).catch((error) => {
            deps.log.error({ err: error, call_id: this.callId }, "livekit call failed to start");
            this.end("failed", "application_error").catch(() => {});
          });
        },
        gone: (cause) => {
          this.end("completed", cause).catch(() => {});
        },
        frame: (frame: AudioFrame) => this.audio?.receiveFrame(frame),
        dtmf: (digit) => this.audio?.receiveDtmf(digit),
      },
      deps.log,
    );
  }

  /** Joins the room as the agent and waits for the caller until the deadline. */
  async join(url: string, token: string): Promise<void> {
    await this.agent.join(url, token);
    const waitMs = Math.max(0, this.init.callerDeadlineMs - this.deps.now());
    this.waitTimer = setTimeout(() => {
      if (this.state === "waiting") this.end("canceled", "caller_not_joined").catch(() => {});
    }, waitMs);
  }

  onEnded(handler: () => void): void {
    this.endedHandlers.push(handler);
  }

  /** Hangs up now (the application's hang-up): CallEnd decides. */
  hangup(cause: string): Promise<void> {
    return this.callEnd.hangup(cause);
  }

  async transfer(_target: string): Promise<{ ok: boolean; status: number | null; reason: string }> {
    return { ok: false, status: null, reason: "LiveKit room calls cannot be transferred" };
  }

  /** Ends the call once; before it was answered nothing is reported. */
  end(status: CallStatus, hangupCause: string): Promise<void> {
    this.ending ??= this.finish(status, hangupCause);
    return this.ending;
  }

  private async admitCaller(identity: string): Promise<void> {
    if (this.state !== "waiting") return;
    this.state = "admitting";
    if (this.waitTimer) clearTimeout(this.waitTimer);
    const { deps, init } = this;
    const admission = await deps.admit({
      callId: this.callId,
      orgId: this.orgId,
      agent: init.agent,
      expiresAtMs: init.callerDeadlineMs,
    });
    if (!admission.ok) {
      deps.log.info({ call_id: this.callId, cause: admission.cause }, "livekit caller refused");
      await this.end("failed", admission.cause);
      return;
    }
    if (this.state !== "admitting") {
      // The caller left while admitted: the call never started.
      await admission.release();
      return;
    }
    this.release = admission.release;
    let recorder: WavRecorder | null = null;
    if (deps.recordingsDir !== null) {
      await mkdir(deps.recordingsDir, { recursive: true });
      recorder = await WavRecorder.create(
        join(deps.recordingsDir, `${this.callId}.wav`),
        INTERNAL_SAMPLE_RATE_HZ,
      );
    }
    if ((this.state as LiveKitRoomCall["state"]) !== "admitting") {
      if (recorder) await unlink((await recorder.close()).path).catch(() => {});
      return;
    }
    this.audio = new LiveKitCallAudio(deps.clock, this.agent.speak, recorder);
    this.state = "answered";
    this.answeredAtMs = deps.now();
    await deps.events.write({
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
    this.send({ type: "call.started", call_id: this.callId, agent_id: init.agent.id, codec: "opus" });
    this.callEnd.startCap(admission.durationCap);
    const running = await deps.application.start({
      callId: this.callId,
      orgId: this.orgId,
      agent: init.agent,
      direction: "web",
      fromNumber: null,
      toNumber: null,
      objective: null,
      metadata: { ...init.metadata, livekit_room: this.callId, livekit_caller: identity },
      audio: this.audio,
      control: this,
      reporter: { turn: (turn) => this.reportTurn(turn) },
    });
    if ((this.state as LiveKitRoomCall["state"]) === "ended") await running.stop();
    else {
      this.application = running;
      this.callEnd.attach(running);
    }
  }

  private reportTurn(turn: TranscriptTurn): void {
    const index = this.turnIndex++;
    this.send({ type: "transcript", index, turn });
    this.deps.events
      .write({ type: "call.turn", call_id: this.callId, org_id: this.orgId, index, turn })
      .catch(() => {});
  }

  private async finish(status: CallStatus, hangupCause: string): Promise<void> {
    const answered = this.state === "answered";
    this.state = "ended";
    if (this.waitTimer) clearTimeout(this.waitTimer);
    this.callEnd.close();
    const { deps } = this;
    try {
      await this.application?.stop();
    } catch (error) {
      deps.log.warn({ err: error, call_id: this.callId }, "media application stop failed");
    }
    const finalStatus: CallStatus = answered ? status : status === "completed" ? "canceled" : status;
    await this.send({
      type: "call.ended",
      call_id: this.callId,
      status: finalStatus,
      hangup_cause: hangupCause,
    });
    const recording = (await this.audio?.close().catch(() => null)) ?? null;
    await this.agent.leave();
    if (answered && this.answeredAtMs !== null) {
      const endedAtMs = deps.now();
      await deps.events.write({
        type: "call.ended",
        call_id: this.callId,
        org_id: this.orgId,
        status: finalStatus,
        hangup_cause: hangupCause,
        ended_at: new Date(endedAtMs).toISOString(),
        duration_s: Math.round((endedAtMs - this.answeredAtMs) / 1000),
      });
      if (recording) {
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
    await this.release?.().catch(() => {});
    deps.log.info(
      { call_id: this.callId, status: finalStatus, hangup_cause: hangupCause, answered },
      "livekit call ended",
    );
    for (const handler of this.endedHandlers) handler();
  }

  private send(message: PageMessage): Promise<void> {
    return this.agent.send(message);
  }
}
