// One browser call through a LiveKit room, from the agent joining to the call's end: the same
// lifecycle as a WHIP call (call-core/browser-call.ts holds what both share). The call is answered when its caller's microphone
// arrives and is admitted (org cap, credits, the call token); then call.started (direction
// web), the media application, turns, and at the end call.ended with its duration and the
// recording. A room whose caller never came, or was refused, writes no events, as a refused
// WHIP offer does not; the caller hears why in a data message.
import { mkdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { AudioFrame } from "@livekit/rtc-node";
import type { Agent } from "@switchboard/shared/agent";
import { BrowserCall, type BrowserCallDeps, type PageMessage } from "../../call-core/browser-call.ts";
import type { DurationCap } from "../../call-core/duration-cap.ts";
import { INTERNAL_SAMPLE_RATE_HZ } from "../../media/audio-format.ts";
import type { MediaClock } from "../../media/clock.ts";
import { type RecordingInfo, WavRecorder } from "../../media/wav-recorder.ts";
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

export interface RoomCallDeps extends BrowserCallDeps {
  clock: MediaClock;
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

export class LiveKitRoomCall extends BrowserCall {
  state: "waiting" | "admitting" | "answered" | "ended" = "waiting";
  private readonly agent: LiveKitRoomAgent;
  private audio: LiveKitCallAudio | null = null;
  private release: (() => Promise<void>) | null = null;
  private waitTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly deps: RoomCallDeps,
    private readonly init: RoomCallInit,
  ) {
    super(deps, init, {
      transport: "livekit",
      transferRefusal: "LiveKit room calls cannot be transferred",
      reportsUnansweredEnd: false,
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
    await this.writeStarted("opus");
    await this.startApplication(
      this.audio,
      { ...init.metadata, livekit_room: this.callId, livekit_caller: identity },
      admission.durationCap,
    );
  }

  protected markEnded(): void {
    this.state = "ended";
    if (this.waitTimer) clearTimeout(this.waitTimer);
  }

  protected sendToPage(message: PageMessage): Promise<void> {
    return this.agent.send(message);
  }

  protected async closeMedia(): Promise<RecordingInfo | null> {
    const recording = (await this.audio?.close().catch(() => null)) ?? null;
    await this.agent.leave();
    return recording;
  }

  protected override async released(): Promise<void> {
    await this.release?.().catch(() => {});
  }
}
