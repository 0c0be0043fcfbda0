// Test support: a realtime application on a test line ticked every 20 ms in real time (the
// stand-ins answer in real time), with a caller whose speech is scheduled in ticks.
import type { Agent } from "@switchboard/shared/agent";
import type { TranscriptTurn } from "@switchboard/shared/events";
import type { CallContext, MediaApplication, RunningApplication } from "../../call-core/application.ts";
import { testAgent } from "../../calls/testing/test-gateway.ts";
import { FRAME_MS, SAMPLES_PER_FRAME } from "../../media/audio-format.ts";
import { type EchoOptions, LineAudio } from "./line-audio.ts";

/** A loud 220 Hz tone: speech to an energy VAD (ours and the stand-ins'). */
function speechFrame(tick: number): Int16Array {
  const frame = new Int16Array(SAMPLES_PER_FRAME);
  for (let index = 0; index < frame.length; index++) {
    const sample = tick * SAMPLES_PER_FRAME + index;
    frame[index] = Math.round(6000 * Math.sin((2 * Math.PI * 220 * sample) / 16_000));
  }
  return frame;
}

const SILENCE = new Int16Array(SAMPLES_PER_FRAME);

export class RealtimeTestCall {
  readonly audio: LineAudio;
  readonly turns: TranscriptTurn[] = [];
  readonly hangups: string[] = [];
  running!: RunningApplication;
  /** Ticks at which the caller is speaking. */
  private readonly speech: Array<{ from: number; to: number }> = [];
  private ticking = true;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly application: MediaApplication,
    private readonly agent: Partial<Agent>,
    /** The caller's line returns the agent's audio as echo. */
    echo: EchoOptions | null = null,
  ) {
    this.audio = new LineAudio(echo);
  }

  async start(): Promise<this> {
    const context: CallContext = {
      callId: "call_realtime_test",
      orgId: "org_test",
      agent: testAgent(this.agent),
      direction: "inbound",
      fromNumber: "+14155550111",
      toNumber: "+14155550100",
      objective: null,
      metadata: {},
      audio: this.audio,
      control: {
        hangup: async (cause) => {
          this.hangups.push(cause);
        },
        transfer: async () => ({ ok: false, status: null, reason: "not in tests" }),
      },
      reporter: { turn: (turn) => this.turns.push(turn) },
    };
    this.running = await this.application.start(context);
    this.loop = this.tickInRealTime();
    return this;
  }

  /** The caller speaks for `durationMs` from now; returns the tick speech starts at. */
  speak(durationMs: number): number {
    const from = this.audio.ticks + 1;
    this.speech.push({ from, to: from + Math.round(durationMs / FRAME_MS) });
    return from;
  }

  agentTurns(): TranscriptTurn[] {
    return this.turns.filter((turn) => turn.role === "agent");
  }

  userTurns(): TranscriptTurn[] {
    return this.turns.filter((turn) => turn.role === "user");
  }

  async stop(): Promise<void> {
    this.ticking = false;
    await this.loop;
    await this.running?.stop();
  }

  private async tickInRealTime(): Promise<void> {
    const startedAt = performance.now();
    while (this.ticking) {
      const tick = this.audio.ticks + 1;
      const speaking = this.speech.some((span) => tick >= span.from && tick < span.to);
      this.audio.tick(speaking ? speechFrame(tick) : SILENCE);
      // Against start + k * 20 ms, so the ticks do not drift.
      await Bun.sleep(Math.max(0, startedAt + tick * FRAME_MS - performance.now()));
    }
  }
}
