// One scripted caller over SIP: its own RTP socket, PCMU both ways. It waits for the agent's
// greeting, then says each turn once the agent has been quiet for a moment (a backchannel
// turn asks a question first and says the backchannel into the agent's answer), and mixes
// the agent's own audio back in on echo calls (delayed, attenuated, with lost frames). What it
// heard and when (the agent's talkspurts) is kept on its own clock for the figures.
import { g711Decode, g711Encode } from "@switchboard/gateway/media/g711";
import { writeRtpHeader } from "@switchboard/gateway/rtp/packet";
import type { udp } from "bun";
import { PCMU_SAMPLES_PER_FRAME } from "../../uac/caller-speech.ts";
import type { Pacer } from "../../uac/pacer.ts";
import type { SipUac } from "../../uac/sip-uac.ts";
import type { CallScript, TurnKind } from "./corpus.ts";
import type { TurnAudio } from "./speech.ts";
import type { TimedTranscripts } from "./timed-deepgram.ts";

const RTP_HEADER_BYTES = 12;
const FRAME_MS = 20;
/** Agent audio above this decoded RMS is the agent speaking. */
const AGENT_VOICED_RMS = 200;
/** The agent has finished once it has been quiet this long. */
const AGENT_QUIET_MS = 800;
/** Waits that end anyway: a missing greeting or reply does not stall the run. */
const MAX_WAIT_MS = 8_000;
/** A backchannel comes this far into the agent's answer. */
const BACKCHANNEL_AFTER_MS = 700;

export interface PlayedTurn {
  callKey: string;
  kind: TurnKind;
  index: number;
  /** The caller's voiced spans (absolute, performance.now()). */
  speech: { startAtMs: number; endAtMs: number }[];
  realEndAtMs: number;
  /** The agent's talkspurt onsets from the turn's first sound until the next turn. */
  agentOnsetsAtMs: number[];
}

export interface CallRecord {
  key: string;
  kind: TurnKind;
  echo: boolean;
  sipCallId: string;
  /** Turns the caller said (a backchannel call's questions are `complete` turns). */
  turns: PlayedTurn[];
  /** Every voiced span of the caller's, absolute: what an interruption may follow. */
  callerSpeech: { startAtMs: number; endAtMs: number; kind: TurnKind }[];
  failed: string | null;
}

interface Plan {
  kind: TurnKind;
  index: number;
  audio: TurnAudio;
  /** Said into the agent's answer rather than after it. */
  duringAgent: boolean;
}

export async function runScriptedCall(options: {
  uac: SipUac;
  pacer: Pacer;
  number: string;
  script: CallScript;
  audio: (turnIndex: number) => TurnAudio;
  /** A backchannel call's question before each backchannel. */
  question: TurnAudio;
  transcripts: TimedTranscripts;
}): Promise<CallRecord> {
  const { script } = options;
  const record: CallRecord = {
    key: script.key,
    kind: script.kind,
    echo: script.echo !== null,
    sipCallId: "",
    turns: [],
    callerSpeech: [],
    failed: null,
  };
  const plans: Plan[] = [];
  script.turns.forEach((turn, index) => {
    if (turn.kind === "backchannel") {
      plans.push({ kind: "complete", index, audio: options.question, duringAgent: false });
      plans.push({ kind: "backchannel", index, audio: options.audio(index), duringAgent: true });
    } else {
      plans.push({ kind: turn.kind, index, audio: options.audio(index), duringAgent: false });
    }
  });

  const mixed = new Int16Array(PCMU_SAMPLES_PER_FRAME);
  const echoDelayFrames = script.echo ? Math.max(1, Math.round(script.echo.delayMs / FRAME_MS)) : 0;
  const echoGain = script.echo ? 10 ** (script.echo.gainDb / 20) : 0;
  /** The agent's frames as the phone played them: one per tick from a small jitter buffer. */
  const heard: Int16Array[] = [];
  const arrived: Int16Array[] = [];
  let agentVoiceAtMs = Number.NEGATIVE_INFINITY;
  let agentOnsetAtMs = Number.NEGATIVE_INFINITY;
  let agentOnsets: number[] = [];

  const socket: udp.Socket<"uint8array"> = await Bun.udpSocket({
    hostname: "127.0.0.1",
    port: 0,
    binaryType: "uint8array",
    socket: {
      data: (_socket, data) => {
        if (data.length < RTP_HEADER_BYTES + PCMU_SAMPLES_PER_FRAME || (data[1]! & 0x7f) !== 0) return;
        const frame = new Int16Array(PCMU_SAMPLES_PER_FRAME);
        g711Decode("PCMU", data, RTP_HEADER_BYTES, PCMU_SAMPLES_PER_FRAME, frame);
        arrived.push(frame);
        let sum = 0;
        for (const sample of frame) sum += sample * sample;
        if (Math.sqrt(sum / frame.length) >= AGENT_VOICED_RMS) {
          const now = performance.now();
          if (now - agentVoiceAtMs > AGENT_QUIET_MS / 2) {
            agentOnsetAtMs = now;
            agentOnsets.push(now);
          }
          agentVoiceAtMs = now;
        }
      },
    },
  });

  let media: { address: string; port: number } | null = null;
  const packet = new Uint8Array(RTP_HEADER_BYTES + PCMU_SAMPLES_PER_FRAME);
  const ssrc = (Math.random() * 0xffffffff) >>> 0;
  let sequence = 0;
  let timestamp = 0;
  let lossState = 1;

  // What the caller is doing: waiting (for the greeting, a reply, a moment into an answer) or saying a plan.
  let planIndex = 0;
  let frameIndex = -1;
  let phaseStartedAtMs = performance.now();
  let current: PlayedTurn | null = null;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });

  const agentQuiet = (now: number) => now - agentVoiceAtMs >= AGENT_QUIET_MS;
  const readyFor = (plan: Plan, now: number) => {
    if (now - phaseStartedAtMs >= MAX_WAIT_MS) return true;
    if (plan.duringAgent)
      return agentOnsetAtMs > phaseStartedAtMs && now - agentOnsetAtMs >= BACKCHANNEL_AFTER_MS;
    // After the greeting or the previous reply: the agent spoke and went quiet.
    return agentVoiceAtMs > phaseStartedAtMs && agentQuiet(now);
  };

  const tick = (now: number) => {
    if (!media) return;
    // A phone's jitter buffer: two frames deep at most, silence when it runs dry.
    while (arrived.length > 3) arrived.shift();
    heard.push(arrived.shift() ?? new Int16Array(PCMU_SAMPLES_PER_FRAME));
    let speech: Uint8Array | null = null;
    if (frameIndex < 0 && planIndex < plans.length && readyFor(plans[planIndex]!, now)) {
      const plan = plans[planIndex]!;
      frameIndex = 0;
      current?.agentOnsetsAtMs.push(...agentOnsets);
      agentOnsets = [];
      options.transcripts.addTurn(script.key, now, plan.audio.words, plan.audio.speech);
      current = {
        callKey: script.key,
        kind: plan.kind,
        index: plan.index,
        speech: plan.audio.speech.map((span) => ({
          startAtMs: now + span.startMs,
          endAtMs: now + span.endMs,
        })),
        realEndAtMs: now + plan.audio.endMs,
        agentOnsetsAtMs: [],
      };
      record.turns.push(current);
      for (const span of current.speech) record.callerSpeech.push({ ...span, kind: plan.kind });
    }
    if (frameIndex >= 0) {
      const plan = plans[planIndex]!;
      speech = plan.audio.frames[frameIndex++] ?? null;
      if (frameIndex >= plan.audio.frames.length) {
        frameIndex = -1;
        planIndex++;
        // The answer to the last turn is awaited from here (a backchannel's, from its start).
        phaseStartedAtMs = plan.duringAgent ? phaseStartedAtMs : now;
      }
    } else if (planIndex >= plans.length && now - phaseStartedAtMs >= 1000 && agentQuiet(now)) {
      current?.agentOnsetsAtMs.push(...agentOnsets);
      agentOnsets = [];
      finished();
      return;
    }
    if (speech) g711Decode("PCMU", speech, 0, PCMU_SAMPLES_PER_FRAME, mixed);
    else mixed.fill(0);
    if (script.echo && heard.length > echoDelayFrames) {
      // Gilbert-style loss: lost frames come in short bursts, as on a congested leg.
      lossState = Math.random() < (lossState ? script.echo.loss : 0.5) ? 0 : 1;
      if (lossState) {
        const echo = heard[heard.length - 1 - echoDelayFrames]!;
        for (let i = 0; i < mixed.length; i++) {
          mixed[i] = Math.max(-32768, Math.min(32767, mixed[i]! + Math.round(echo[i]! * echoGain)));
        }
      }
    }
    writeRtpHeader(packet, false, 0, sequence, timestamp, ssrc);
    g711Encode("PCMU", mixed, packet, RTP_HEADER_BYTES, PCMU_SAMPLES_PER_FRAME);
    socket.send(packet, media.port, media.address);
    sequence = (sequence + 1) & 0xffff;
    timestamp = (timestamp + PCMU_SAMPLES_PER_FRAME) >>> 0;
  };

  let remoteBye = false;
  const answered = await options.uac.invite(options.number, socket.port, () => {
    remoteBye = true;
    finished();
  });
  record.sipCallId = answered.callId;
  if (answered.status >= 300 || !answered.media) {
    record.failed = `INVITE answered ${answered.status}`;
    socket.close();
    return record;
  }
  media = answered.media;
  phaseStartedAtMs = performance.now();
  const stop = options.pacer.add(tick);
  await done;
  stop();
  if (!remoteBye) await options.uac.bye(answered.callId);
  else record.failed = "the gateway hung up";
  socket.close();
  return record;
}
