// What a load run talks to: the stand-in providers and one gateway, each its own process,
// with scripted provider delays so the gateway's own share of a turn can be computed.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Agent } from "@switchboard/shared/agent";
import type { TranscriptTurn } from "@switchboard/shared/events";
import { type ScriptProcess, startScript } from "@switchboard/shared/testing/script-process";
import type { PartialScript } from "@switchboard/stand-ins/index";

export interface ScriptedDelays {
  endpointingSilenceMs: number;
  sttMs: number;
  llmFirstTokenMs: number;
  ttsFirstByteMs: number;
}

const DEFAULT_DELAYS: ScriptedDelays = {
  endpointingSilenceMs: 500,
  sttMs: 100,
  llmFirstTokenMs: 200,
  ttsFirstByteMs: 100,
};

/** Everything in a turn that is not the gateway's: the overhead is the turn latency minus this. */
export function scriptedTurnMs(delays: ScriptedDelays): number {
  return delays.endpointingSilenceMs + delays.sttMs + delays.llmFirstTokenMs + delays.ttsFirstByteMs;
}

/**
 * A realtime agent's turn as scripted: the stand-in's server VAD waits the endpointing silence,
 * then its first audio comes after the LLM's first-token delay.
 */
export function scriptedRealtimeTurnMs(delays: ScriptedDelays): number {
  return delays.endpointingSilenceMs + delays.llmFirstTokenMs;
}

export const BENCH_NUMBER = "+14155550100";
export const CALLER_UTTERANCES = [
  "I would like to book a table for two people tomorrow evening.",
  "Seven o'clock would be perfect, thank you.",
];

function benchAgent(delays: ScriptedDelays, realtime: boolean): Agent {
  const now = new Date().toISOString();
  return {
    id: "agt_bench",
    org_id: "org_bench",
    name: "Bench desk",
    system_prompt: "You take table bookings.",
    first_message: "Hello, how can I help?",
    voice: { provider: "openai", voice_id: "alloy" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    language: "en",
    endpointing: { silence_ms: delays.endpointingSilenceMs },
    interruptions: { enabled: true, min_speech_ms: 250 },
    tools: [],
    knowledge: { mode: "none", source_ids: [], top_k: 3 },
    max_duration_s: 600,
    silence: { reprompt_ms: 600_000, max_reprompts: 0 },
    realtime: realtime ? { provider: "openai", model: "gpt-realtime", voice: "marin" } : null,
    is_active: true,
    metadata: {},
    created_at: now,
    updated_at: now,
  };
}

function standInScript(delays: ScriptedDelays): PartialScript {
  return {
    // interTokenMs 0: the whole reply arrives with the first token, so the first sentence is
    // complete at exactly the scripted first-token delay.
    llm: {
      firstTokenMs: delays.llmFirstTokenMs,
      interTokenMs: 0,
      defaultReply: "Sure. Your table is booked.",
    },
    transcription: { texts: CALLER_UTTERANCES, delayMs: delays.sttMs, speechRmsThreshold: 100 },
    speech: { firstByteMs: delays.ttsFirstByteMs, chunkMs: 40, chunkIntervalMs: 0, msPerWord: 200 },
    // Realtime agents (the sweep's realtime step): the same words and delays from one model.
    realtime: {
      utterances: CALLER_UTTERANCES,
      rules: [],
      defaultReply: "Sure. Your table is booked.",
      firstAudioMs: delays.llmFirstTokenMs,
      silenceDurationMs: delays.endpointingSilenceMs,
      transcriptionDelayMs: delays.sttMs,
      speechRmsThreshold: 100,
      msPerWord: 200,
    },
  };
}

const STAND_INS_NICENESS = 10;

export type TurnLatency = NonNullable<TranscriptTurn["latency"]>;

export interface BenchEnvironment {
  gatewayPid: number;
  /** For browser-style calls: the gateway's HTTP endpoint and the call-token secret. */
  web: { url: string; webCallSecret: string; orgId: string; agentId: string };
  /** Stage timings the gateway reported for agent turns since the previous call. */
  takeGatewayTurns(): TurnLatency[];
  /** How late (ms) the gateway's 10 ms stall monitor fired, for each stall over 30 ms since the previous call. */
  takeGatewayStalls(): number[];
  gateway: { address: string; port: number };
  delays: ScriptedDelays;
  stop(): Promise<void>;
}

export async function startBenchEnvironment(
  options: {
    delays?: ScriptedDelays;
    gatewayEnv?: Record<string, string>;
    /** Writes the gateway's CPU profile (.cpuprofile and markdown) here when it stops. */
    gatewayCpuProfileDir?: string;
    /** The agent runs on the OpenAI Realtime stand-in instead of the turn pipeline. */
    realtime?: boolean;
  } = {},
): Promise<BenchEnvironment> {
  const delays = options.delays ?? DEFAULT_DELAYS;
  const standIns = await startScript(join(import.meta.dir, "stand-ins-main.ts"), {
    env: { BENCH_STAND_IN_SCRIPT: JSON.stringify(standInScript(delays)) },
    ready: /OPENAI_BASE_URL=\S+\n/,
    // The stand-ins share the caller's core: a burst of their work (many turns ending at
    // once) must not delay the caller's own receiving and pacing, which would read as gaps.
    niceness: STAND_INS_NICENESS,
  });
  // The gateway records every call; a run's recordings go to a directory removed at the end,
  // on tmpfs unless BENCH_DATA_DIR names another parent (a disk shows what its writes cost).
  const dataDirParent = process.env.BENCH_DATA_DIR ?? (existsSync("/dev/shm") ? "/dev/shm" : tmpdir());
  const dataDir = mkdtempSync(join(dataDirParent, "bench-gateway-"));
  const webCallSecret = crypto.randomUUID();
  const agent = benchAgent(delays, options.realtime ?? false);
  const openaiBaseUrl = standIns.output().match(/OPENAI_BASE_URL=(\S+)/)![1]!;
  let gateway: ScriptProcess;
  try {
    gateway = await startScript(join(import.meta.dir, "bench-gateway-main.ts"), {
      env: {
        OPENAI_BASE_URL: openaiBaseUrl,
        DATA_DIR: dataDir,
        WEB_CALL_SECRET: webCallSecret,
        BENCH_NUMBER,
        BENCH_AGENT: JSON.stringify(agent),
        SIP_PORT: "0",
        GATEWAY_PORT: "0",
        SIP_BIND_ADDRESS: "127.0.0.1",
        PUBLIC_IP: "127.0.0.1",
        RTP_PORT_MIN: "0",
        RTP_PORT_MAX: "1",
        SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32",
        SIP_MAX_CALLS_PER_ORG: "100000",
        SIP_FLOOD_MAX_REQUESTS: "1000000",
        LOG_LEVEL: "error",
        // The JavaScript engine's own switches (e.g. BUN_JSC_logGC=1 prints every collection).
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith("BUN_JSC_"))),
        ...options.gatewayEnv,
      },
      ready: /SIP_PORT=\d+\n/,
      bunArgs: options.gatewayCpuProfileDir
        ? ["--cpu-prof", "--cpu-prof-md", `--cpu-prof-dir=${options.gatewayCpuProfileDir}`]
        : [],
      // Everything the gateway prints (its STALL lines, the engine's GC log) appended here.
      logPath: process.env.BENCH_GATEWAY_LOG ?? null,
    });
  } catch (error) {
    await standIns.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = Number(gateway.output().match(/SIP_PORT=(\d+)/)![1]);
  const offsets = { turns: 0, stalls: 0 };
  const linesSince = (key: keyof typeof offsets): string => {
    const output = gateway.output();
    const end = output.lastIndexOf("\n") + 1;
    const text = output.slice(offsets[key], end);
    offsets[key] = Math.max(offsets[key], end);
    return text;
  };
  const gatewayUrl = gateway.output().match(/GATEWAY_URL=(\S+)/)![1]!;
  return {
    gatewayPid: gateway.proc.pid,
    web: { url: gatewayUrl, webCallSecret, orgId: agent.org_id!, agentId: agent.id },
    takeGatewayTurns() {
      return [...linesSince("turns").matchAll(/^TURN (\{.*\})$/gm)].map(
        (match) => JSON.parse(match[1]!) as TurnLatency,
      );
    },
    takeGatewayStalls() {
      return [...linesSince("stalls").matchAll(/^STALL (\S+)$/gm)].map((match) => Number(match[1]));
    },
    gateway: { address: "127.0.0.1", port },
    delays,
    async stop() {
      await gateway.stop();
      await standIns.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
