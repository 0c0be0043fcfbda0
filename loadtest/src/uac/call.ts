// One caller: its own RTP socket, the dialog on the shared SIP UAC, and the measurements
// taken at the caller (setup time, turn latency, gaps and jitter of the agent's audio).

import { writeRtpHeader } from "@switchboard/gateway/rtp/packet";
import type { udp } from "bun";
import { PCMU_SAMPLES_PER_FRAME, pcmuRms, type Utterance } from "./caller-speech.ts";
import type { Pacer } from "./pacer.ts";
import type { SipUac } from "./sip-uac.ts";
import { Histogram } from "./stats.ts";

const PCMU_SILENCE = 0xff;
const RTP_BYTES = 12 + PCMU_SAMPLES_PER_FRAME;
/** Audio missing for longer than this is a gap the caller hears. */
export const GAP_THRESHOLD_MS = 40;

export interface CallPlan {
  number: string;
  utterances: Utterance[];
  turns: number;
  /** RMS (decoded 16-bit samples) at or above which a received frame counts as voiced. */
  voicedRms: number;
  /** The agent has finished speaking after this long without a voiced frame. */
  quietMs: number;
  /** A reply that has not started this long after the caller stopped is counted missing. */
  replyTimeoutMs: number;
}

export interface CallResult {
  status: number;
  connected: boolean;
  failure: string | null;
  setupMs: number | null;
  /** 200 OK -> first voiced packet of the greeting. */
  greetingMs: number | null;
  turnLatenciesMs: number[];
  missingReplies: number;
  packetsReceived: number;
  gapsOverThreshold: number;
  maxGapMs: number;
  /** |inter-arrival - 20 ms| of every received packet. */
  arrivalDeviation: Histogram;
  /** RFC 3550 §6.4.1 interarrival jitter at the end of the call, in ms. */
  jitterMs: number;
}

type Phase = "greeting" | "speaking" | "awaiting" | "listening" | "done";

export async function runCall(
  uac: SipUac,
  pacer: Pacer,
  plan: CallPlan,
  /** Called once the INVITE has its final response. */
  onSettled: () => void = () => {},
): Promise<CallResult> {
  const result: CallResult = {
    status: 0,
    connected: false,
    failure: null,
    setupMs: null,
    greetingMs: null,
    turnLatenciesMs: [],
    missingReplies: 0,
    packetsReceived: 0,
    gapsOverThreshold: 0,
    maxGapMs: 0,
    arrivalDeviation: new Histogram(0.1, 10_000),
    jitterMs: 0,
  };
  const scratch = new Int16Array(PCMU_SAMPLES_PER_FRAME);
  let phase: Phase = "greeting";
  let answeredAtMs = 0;
  let lastArrivalMs = -1;
  let lastTimestamp = 0;
  let jitter = 0;
  let lastVoicedReceivedMs = -1;
  let lastVoicedSentMs = 0;
  let turnsSpoken = 0;
  let utterance: Utterance = plan.utterances[0]!;
  let frameIndex = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const onPacket = (data: Uint8Array) => {
    if (phase === "done" || data.length < RTP_BYTES) return;
    const now = performance.now();
    const payloadType = data[1]! & 0x7f;
    if (payloadType !== 0) return;
    result.packetsReceived++;
    const timestamp = ((data[4]! << 24) | (data[5]! << 16) | (data[6]! << 8) | data[7]!) >>> 0;
    if (lastArrivalMs >= 0) {
      const interArrivalMs = now - lastArrivalMs;
      result.arrivalDeviation.add(Math.abs(interArrivalMs - 20));
      if (interArrivalMs > GAP_THRESHOLD_MS) result.gapsOverThreshold++;
      if (interArrivalMs > result.maxGapMs) result.maxGapMs = interArrivalMs;
      const transitDeltaMs = interArrivalMs - ((timestamp - lastTimestamp) | 0) / 8;
      jitter += (Math.abs(transitDeltaMs) - jitter) / 16;
    }
    lastArrivalMs = now;
    lastTimestamp = timestamp;
    const voiced = pcmuRms(data, 12, PCMU_SAMPLES_PER_FRAME, scratch) >= plan.voicedRms;
    if (!voiced) return;
    if (result.greetingMs === null) result.greetingMs = now - answeredAtMs;
    if (phase === "awaiting") {
      result.turnLatenciesMs.push(now - lastVoicedSentMs);
      phase = "listening";
    }
    lastVoicedReceivedMs = now;
  };

  const socket: udp.Socket<"uint8array"> = await Bun.udpSocket({
    hostname: "127.0.0.1",
    port: 0,
    binaryType: "uint8array",
    socket: { data: (_socket, data) => onPacket(data) },
  });
  const packet = new Uint8Array(RTP_BYTES);
  const ssrc = (Math.random() * 0xffffffff) >>> 0;
  let sequence = (Math.random() * 0xffff) >>> 0;
  let timestamp = (Math.random() * 0xffffffff) >>> 0;
  let media: { address: string; port: number } | null = null;

  const tick = (now: number) => {
    if (!media || phase === "done") return;
    let payload: Uint8Array | null = null;
    if (phase === "speaking") {
      payload = utterance.frames[frameIndex]!;
      if (frameIndex === utterance.lastVoicedFrame) lastVoicedSentMs = now;
      frameIndex++;
      if (frameIndex >= utterance.frames.length) {
        phase = "awaiting";
        turnsSpoken++;
      }
    } else if (phase === "awaiting" && now - lastVoicedSentMs > plan.replyTimeoutMs) {
      result.missingReplies++;
      lastVoicedReceivedMs = now;
      phase = "listening";
    } else if (
      (phase === "greeting" || phase === "listening") &&
      lastVoicedReceivedMs >= 0 &&
      now - lastVoicedReceivedMs >= plan.quietMs
    ) {
      if (turnsSpoken >= plan.turns) {
        phase = "done";
        finish();
        return;
      }
      utterance = plan.utterances[turnsSpoken % plan.utterances.length]!;
      frameIndex = 0;
      phase = "speaking";
    } else if (phase === "greeting" && now - answeredAtMs > plan.replyTimeoutMs) {
      // No greeting heard: speak anyway so the turn is still measured.
      lastVoicedReceivedMs = now - plan.quietMs;
    }
    writeRtpHeader(packet, false, 0, sequence, timestamp, ssrc);
    if (payload) packet.set(payload, 12);
    else packet.fill(PCMU_SILENCE, 12);
    socket.send(packet, media.port, media.address);
    sequence = (sequence + 1) & 0xffff;
    timestamp = (timestamp + PCMU_SAMPLES_PER_FRAME) >>> 0;
  };

  let remoteBye = false;
  const inviteAtMs = performance.now();
  try {
    const answered = await uac.invite(plan.number, socket.port, () => {
      remoteBye = true;
      if (phase !== "done") {
        result.failure = "gateway hung up";
        phase = "done";
        finish();
      }
    });
    result.status = answered.status;
    onSettled();
    if (!answered.media) {
      result.failure = `INVITE answered ${answered.status}`;
      return result;
    }
    answeredAtMs = performance.now();
    result.setupMs = answeredAtMs - inviteAtMs;
    result.connected = true;
    media = answered.media;
    const removeTick = pacer.add(tick);
    await finished;
    removeTick();
    if (!remoteBye) {
      const byeStatus = await uac.bye(answered.callId);
      if (byeStatus !== 200 && !result.failure) result.failure = `BYE answered ${byeStatus ?? "nothing"}`;
    }
    return result;
  } finally {
    phase = "done";
    result.jitterMs = jitter;
    socket.close();
  }
}
