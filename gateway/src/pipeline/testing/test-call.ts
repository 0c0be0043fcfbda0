// Runs the agent application on a TestCallAudio with scripted providers and a manual clock.
import { AGENT_DEFAULTS, type Agent } from "@switchboard/shared/agent";
import type { TranscriptTurn } from "@switchboard/shared/events";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import type { CallContext, MediaApplication } from "../../call-core/application.ts";
import { CallEnd } from "../../call-core/call-end.ts";
import { durationCap } from "../../call-core/duration-cap.ts";
import { SAMPLES_PER_FRAME } from "../../media/audio-format.ts";
import { EnergyVadEngine } from "../../vad/energy.ts";
import type { VadEngine } from "../../vad/engine.ts";
import {
  AgentApplication,
  type PipelineProviders,
  type RunningAgentApplication,
} from "../agent-application.ts";
import { systemClock } from "../clock.ts";
import type { SilenceOptions } from "../processors/silence.ts";
import type { EndOfTurnModel } from "../turn-taking/end-of-turn-model.ts";
import { ManualClock } from "./manual-clock.ts";
import { type LlmStep, ScriptedLlm, ScriptedStt, ScriptedTts } from "./scripted-providers.ts";
import { TestCallAudio } from "./test-call-audio.ts";

export function testAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: "agent_test",
    name: "Test agent",
    system_prompt: "You are a helpful receptionist.",
    first_message: "",
    voice: AGENT_DEFAULTS.voice,
    llm: AGENT_DEFAULTS.llm,
    stt: AGENT_DEFAULTS.stt,
    language: "en",
    endpointing: { silence_ms: 400 },
    interruptions: { enabled: true, min_speech_ms: 250 },
    tools: [],
    knowledge: AGENT_DEFAULTS.knowledge,
    max_duration_s: 1800,
    is_active: true,
    metadata: {},
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

/** A voiced tone: speech-like energy for the VAD. */
function speechFrame(index: number): Int16Array {
  const frame = new Int16Array(SAMPLES_PER_FRAME);
  for (let i = 0; i < frame.length; i++) {
    const seconds = (index * SAMPLES_PER_FRAME + i) / 16_000;
    frame[i] = Math.round(
      8000 * Math.sin(2 * Math.PI * 150 * seconds) + 3000 * Math.sin(2 * Math.PI * 450 * seconds),
    );
  }
  return frame;
}

const SILENT_FRAME = new Int16Array(SAMPLES_PER_FRAME);

interface TestCallOptions {
  agent?: Partial<Agent>;
  llm?: LlmStep[];
  stt?: (string | null)[];
  ttsSamplesPerWord?: number;
  metadata?: Record<string, unknown>;
  objective?: string | null;
  silence?: Partial<SilenceOptions>;
  vad?: VadEngine;
  transferOutcome?: { ok: boolean; status: number | null; reason: string };
  /** Real providers (adapters against stand-ins) in place of the scripted ones. */
  providers?: Partial<PipelineProviders>;
  /** Use the system clock and real 20 ms ticks (for providers with real latencies). */
  realTime?: boolean;
  retrieveContext?: (call: CallContext, query: string, signal: AbortSignal) => Promise<string | null>;
  /** The end-of-turn audio model for agents in `model` mode. */
  turnModel?: EndOfTurnModel | null;
  /** An application built elsewhere (e.g. by createAgentApplication) instead of the scripted one. */
  application?: MediaApplication;
}

export class TestCall {
  readonly clock = new ManualClock();
  readonly audio = new TestCallAudio();
  readonly turns: TranscriptTurn[] = [];
  readonly hangups: string[] = [];
  /** Transfer targets, with the agent audio played and still queued at that moment. */
  readonly transfers: { target: string; playedSamples: number; queuedSamples: number }[] = [];
  readonly llm: ScriptedLlm;
  readonly stt: ScriptedStt;
  readonly tts: ScriptedTts;
  app!: RunningAgentApplication;
  private speechFrames = 0;

  constructor(private readonly options: TestCallOptions) {
    this.llm = new ScriptedLlm(options.llm ?? []);
    this.stt = new ScriptedStt(options.stt ?? []);
    this.tts = new ScriptedTts(options.ttsSamplesPerWord ?? 4800);
  }

  async start(): Promise<this> {
    const agent = testAgent(this.options.agent);
    // The call's end as a transport runs it (its cap on the test's clock); hanging up is recorded.
    const callEnd = new CallEnd({
      hangUp: async (cause) => {
        this.hangups.push(cause);
      },
      timers: this.clock,
    });
    const context: CallContext = {
      callId: "call_test",
      orgId: "org_test",
      agent,
      direction: "inbound",
      fromNumber: "+15550100",
      toNumber: "+15550199",
      objective: this.options.objective ?? null,
      metadata: this.options.metadata ?? {},
      audio: this.audio,
      control: {
        hangup: (cause) => callEnd.hangup(cause),
        transfer: async (target) => {
          this.transfers.push({
            target,
            playedSamples: this.audio.playedSamples,
            queuedSamples: this.audio.queuedSamples,
          });
          return this.options.transferOutcome ?? { ok: true, status: 200, reason: "OK" };
        },
      },
      reporter: { turn: (turn) => this.turns.push(turn) },
    };
    const application =
      this.options.application ??
      new AgentApplication({
        providers: () => ({ llm: this.llm, stt: this.stt, tts: this.tts, ...this.options.providers }),
        vad: this.options.vad ?? new EnergyVadEngine(),
        clock: this.options.realTime ? systemClock : this.clock,
        silence: this.options.silence,
        retrieveContext: this.options.retrieveContext,
        turnModel: this.options.turnModel,
      });
    this.app = (await application.start(context)) as RunningAgentApplication;
    callEnd.attach(this.app);
    callEnd.startCap(durationCap(agent.max_duration_s, null, 0));
    await settle();
    return this;
  }

  get history() {
    return this.app.history;
  }

  /** One 20 ms tick with the caller silent or speaking. */
  async tick(speaking = false): Promise<void> {
    if (this.options.realTime) await Bun.sleep(20);
    else this.clock.advance(20);
    this.audio.tick(speaking ? speechFrame(this.speechFrames++) : SILENT_FRAME);
    await settle();
  }

  async speak(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 20) await this.tick(true);
  }

  async silence(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 20) await this.tick(false);
  }

  /** Silent ticks until `condition` holds; fails after `maxMs` of call time. */
  async until(condition: () => boolean, maxMs = 30_000): Promise<void> {
    for (let t = 0; t < maxMs; t += 20) {
      if (condition()) return;
      await this.tick(false);
    }
    if (!condition()) throw new Error(`condition not met within ${maxMs} ms of call time`);
  }

  /** Like `until`, for work that runs in real time (HTTP on loopback): ticks between probes. */
  async untilReal(
    condition: () => boolean,
    maxRealMs = 10_000,
    what = "the call's condition",
  ): Promise<void> {
    await waitFor(
      what,
      async () => {
        if (condition()) return true;
        await this.tick(false);
        return false;
      },
      { timeoutMs: maxRealMs, intervalMs: 2 },
    );
  }

  agentTurns(): TranscriptTurn[] {
    return this.turns.filter((turn) => turn.role === "agent");
  }
}

export async function startTestCall(options: TestCallOptions = {}): Promise<TestCall> {
  return new TestCall(options).start();
}

/** Lets pending provider streams and callbacks run (a few event-loop turns). */
async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
