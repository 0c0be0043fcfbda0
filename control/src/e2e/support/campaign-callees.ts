// Callees for campaign tests: one SIPp UAS as the carrier behind a trunk, playing people,
// voicemails, busy lines and lines that never answer by the number dialled
// (uas-campaign-leads-expect-human-machine-busy-no-answer.xml), with the audio each plays and
// the log of when each call arrived and ended, as the carrier saw it.
import { expect } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { SIPP_DIR, type SippResult, startSippServer } from "@switchboard/stand-ins/testing/sipp";

export const CALLEE_KINDS = ["human", "machine", "busy", "rings", "unavailable"] as const;
export type CalleeKind = (typeof CALLEE_KINDS)[number];

const SCENARIO = "uas-campaign-leads-expect-human-machine-busy-no-answer.xml";
const MACHINE_GREETING =
  "Hi, you have reached Jordan. I cannot take your call, please leave a message after the tone.";
const BEEP_HZ = 1000;
const BEEP_MS = 600;
const PAUSE_BEFORE_BEEP_MS = 400;
/** The voicemail records this long after its beep. */
const RECORDING_MS = 10_000;

/** A US number whose digit after +1415555 tells the scenario what the callee does. */
export function calleeNumber(kind: CalleeKind, index: number): string {
  return `+1415555${CALLEE_KINDS.indexOf(kind) + 1}${String(index).padStart(3, "0")}`;
}

export function kindOfNumber(number: string): CalleeKind {
  return CALLEE_KINDS[Number(number.charAt(8)) - 1]!;
}

function run(command: string[]): void {
  const result = Bun.spawnSync(command);
  if (result.exitCode !== 0) throw new Error(`${command[0]} failed: ${result.stderr.toString()}`);
}

function seconds(file: string): number {
  return Number(Bun.spawnSync(["soxi", "-D", file]).stdout.toString().trim());
}

/** Speech by espeak-ng at 8 kHz mono WAV. */
function speech(dir: string, name: string, text: string): string {
  const raw = join(dir, `${name}-22k.wav`);
  const wav = join(dir, `${name}.wav`);
  run(["espeak-ng", "-w", raw, text]);
  run(["sox", raw, "-r", "8000", "-c", "1", wav]);
  return wav;
}

const silence = (dir: string, name: string, ms: number) => {
  const wav = join(dir, `${name}.wav`);
  run(["sox", "-n", "-r", "8000", "-c", "1", "-b", "16", wav, "trim", "0", String(ms / 1000)]);
  return wav;
};

/** WAVs joined into raw G.711 u-law, what SIPp's rtp_stream plays. */
function ulaw(out: string, parts: string[]): string {
  run(["sox", ...parts, "-t", "raw", "-e", "mu-law", "-r", "8000", "-c", "1", out]);
  return out;
}

export interface CalleeAudio {
  humanAudio: string;
  machineAudio: string;
  /** From the answer to the end of the voicemail's beep. */
  beepEndMs: number;
}

export function makeCalleeAudio(dir: string): CalleeAudio {
  const hello = speech(dir, "hello", "Hello?");
  const humanAudio = ulaw(join(dir, "human.ulaw"), [hello, silence(dir, "human-tail", 8000)]);
  const greeting = speech(dir, "voicemail", MACHINE_GREETING);
  const beep = join(dir, "beep.wav");
  run([
    "sox",
    "-n",
    "-r",
    "8000",
    "-c",
    "1",
    "-b",
    "16",
    beep,
    "synth",
    String(BEEP_MS / 1000),
    "sine",
    String(BEEP_HZ),
    "vol",
    "0.5",
  ]);
  const machineAudio = ulaw(join(dir, "machine.ulaw"), [
    greeting,
    silence(dir, "pause", PAUSE_BEFORE_BEEP_MS),
    beep,
    silence(dir, "recording", RECORDING_MS),
  ]);
  return {
    humanAudio,
    machineAudio,
    beepEndMs: Math.round(seconds(greeting) * 1000) + PAUSE_BEFORE_BEEP_MS + BEEP_MS,
  };
}

export interface CarrierCall {
  callId: string;
  inviteAtMs: number;
  endAtMs: number | null;
}

export interface CampaignCarrier {
  port: number;
  done: Promise<SippResult>;
  /** Each call as the carrier logged it, in arrival order. */
  calls(): CarrierCall[];
}

/**
 * SIPp reports the person's listening time running out (a receive timeout with `ontimeout`) as
 * an event in its error log, though the scenario goes on as written; every other event stays.
 */
function withoutListenTimeouts(log: string): string {
  const events = log
    .replace("The following events occurred:", "")
    .split(/(?=\d{4}-\d{2}-\d{2}\t)/)
    .map((event) => event.trim())
    .filter((event) => event !== "" && !/receive timeout on message .*, jumping to label/.test(event));
  return events.join("\n");
}

/**
 * SIPp answering `calls` calls (then it exits); a person listens `humanListenMs` before hanging up.
 */
export async function startCampaignCarrier(options: {
  dir: string;
  audio: CalleeAudio;
  calls: number;
  humanListenMs: number;
  timeoutS: number;
}): Promise<CampaignCarrier> {
  const scenarioDir = mkdtempSync(join(SIPP_DIR, ".campaign-"));
  const scenario = join(scenarioDir, SCENARIO);
  writeFileSync(
    scenario,
    readFileSync(join(SIPP_DIR, SCENARIO), "utf8")
      .replaceAll("HUMAN_AUDIO", options.audio.humanAudio)
      .replaceAll("MACHINE_AUDIO", options.audio.machineAudio)
      .replaceAll("HUMAN_LISTEN_MS", String(options.humanListenMs)),
  );
  const logFile = join(options.dir, `carrier-${crypto.randomUUID()}.log`);
  const server = await startSippServer({
    scenario: relative(SIPP_DIR, scenario),
    calls: options.calls,
    timeoutS: options.timeoutS,
    extraArgs: ["-trace_logs", "-log_file", logFile],
  }).finally(() => rmSync(scenarioDir, { recursive: true, force: true }));
  // SIPp has read the scenario once it holds its port.
  const done = server.done.then((result) => ({ ...result, errors: withoutListenTimeouts(result.errors) }));
  return {
    port: server.port,
    done,
    calls() {
      let text = "";
      try {
        text = readFileSync(logFile, "utf8");
      } catch {
        return [];
      }
      const calls = new Map<string, CarrierCall>();
      for (const match of text.matchAll(/EVENT (invite|end) \S+\s+\S+\s+(\d+\.\d+) ([^|]+)\|/g)) {
        const [, kind, epochS, callId] = match as unknown as [string, string, string, string];
        const atMs = Number(epochS) * 1000;
        if (kind === "invite") calls.set(callId, { callId, inviteAtMs: atMs, endAtMs: null });
        else {
          const call = calls.get(callId);
          if (call) call.endAtMs = atMs;
        }
      }
      return [...calls.values()].sort((a, b) => a.inviteAtMs - b.inviteAtMs);
    },
  };
}

/** The most calls the carrier had at once (from each INVITE's arrival to the call's end). */
export function maxConcurrent(calls: CarrierCall[]): number {
  const edges = calls.flatMap((call) => [
    { atMs: call.inviteAtMs, delta: 1 },
    { atMs: call.endAtMs ?? Number.POSITIVE_INFINITY, delta: -1 },
  ]);
  // An end and an arrival at the same instant: the end first.
  edges.sort((a, b) => a.atMs - b.atMs || a.delta - b.delta);
  let live = 0;
  let most = 0;
  for (const edge of edges) {
    live += edge.delta;
    most = Math.max(most, live);
  }
  return most;
}

export function expectAllEnded(calls: CarrierCall[]): void {
  expect(calls.filter((call) => call.endAtMs === null).map((call) => call.callId)).toEqual([]);
}
