import { INTERNAL_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from "../media/audio-format.ts";
import { LossConcealer } from "../media/concealment.ts";
import { G711_SAMPLE_RATE_HZ, g711Decode, g711SilenceByte } from "../media/g711.ts";
import { Resampler } from "../media/resampler.ts";
import { JitterBuffer } from "./jitter-buffer.ts";
import { emptyRtpView, parseRtp } from "./packet.ts";
import { ReceiveStats } from "./receive-stats.ts";
import type { RtpSessionOptions, RtpSessionStats } from "./session-options.ts";
import { TelephoneEventReceiver } from "./telephone-event.ts";

/** One 20 ms G.711 frame: 160 samples at 8 kHz. */
export const CODEC_FRAME_SAMPLES = (G711_SAMPLE_RATE_HZ * 20) / 1000;

export type RtpReceiveStats = Omit<RtpSessionStats, "packetsSent" | "socketErrors">;

/** What the receiving half needs from its session. */
export interface RtpReceiverHost {
  /** Symmetric RTP: whether a packet from this source belongs to the call. */
  acceptSource(address: string, port: number): boolean;
  /** A packet from the call's source arrived, whatever its sequence number: media is alive. */
  packetArrived(nowMs: number): void;
  receiveDtmf(digit: string): void;
}

function isDigitalSilence(pcm: Int16Array): boolean {
  for (let i = 0; i < pcm.length; i++) if (pcm[i] !== 0) return false;
  return true;
}

/**
 * The caller's half of one call's RTP: checks each packet, keeps the RFC 3550 receive
 * statistics, holds G.711 in the jitter buffer and decodes one 16 kHz frame a clock step.
 * `frame` and `pcm8k` are reused on the next step.
 */
export class RtpReceiver {
  /** The latest step's caller audio at 16 kHz. */
  readonly frame = new Int16Array(SAMPLES_PER_FRAME);
  /** The latest step's caller audio at 8 kHz, as decoded before upsampling. */
  readonly pcm8k = new Int16Array(CODEC_FRAME_SAMPLES);
  /** How much older than now the latest step's sound is. */
  frameAgeMs = 0;

  private readonly view = emptyRtpView();
  private readonly receiveStats = new ReceiveStats();
  private readonly jitterBuffer: JitterBuffer;
  private readonly concealer = new LossConcealer(CODEC_FRAME_SAMPLES);
  private readonly eventReceiver = new TelephoneEventReceiver();
  private readonly upsampler = new Resampler(
    G711_SAMPLE_RATE_HZ,
    INTERNAL_SAMPLE_RATE_HZ,
    CODEC_FRAME_SAMPLES,
  );
  private readonly upsamplerLatencyMs = this.upsampler.latencyMs;
  private readonly receivedCodecFrame = new Uint8Array(CODEC_FRAME_SAMPLES);
  private previousInputSilent = false;
  private mediaStarted = false;
  private remoteSsrc = -1;

  private packetsReceived = 0;
  private malformed = 0;
  private unexpectedPayloadType = 0;
  private foreignSource = 0;
  private outOfSequence = 0;

  constructor(
    private readonly options: Pick<RtpSessionOptions, "codec" | "payloadType" | "telephoneEventPayloadType">,
    private readonly host: RtpReceiverHost,
  ) {
    this.jitterBuffer = new JitterBuffer({
      frameSamples: CODEC_FRAME_SAMPLES,
      silenceByte: g711SilenceByte(options.codec),
    });
  }

  receive(data: Uint8Array, port: number, address: string): void {
    const view = this.view;
    if (!parseRtp(data, data.length, view)) {
      this.malformed += 1;
      return;
    }
    const payloadType = view.payloadType;
    const isEvent = payloadType === this.options.telephoneEventPayloadType;
    if (payloadType !== this.options.payloadType && !isEvent) {
      this.unexpectedPayloadType += 1;
      return;
    }
    if (!this.host.acceptSource(address, port)) {
      this.foreignSource += 1;
      return;
    }
    this.packetsReceived += 1;
    const nowMs = performance.now();
    this.host.packetArrived(nowMs);
    if (view.ssrc !== this.remoteSsrc) {
      // A new source (restart, transfer, re-INVITE): start its sequence and playout afresh.
      this.remoteSsrc = view.ssrc;
      this.receiveStats.reset();
      this.jitterBuffer.reset();
    }
    const verdict = this.receiveStats.update(view.sequenceNumber);
    if (verdict === "bad" || verdict === "duplicate") {
      if (verdict === "bad") this.outOfSequence += 1;
      return;
    }
    if (isEvent) {
      const digit = this.eventReceiver.receive(view.timestamp, data, view.payloadOffset, view.payloadLength);
      if (digit !== null) this.host.receiveDtmf(digit);
      return;
    }
    this.receiveStats.updateJitter(view.timestamp, (nowMs * G711_SAMPLE_RATE_HZ) / 1000);
    this.jitterBuffer.push(view.timestamp, data, view.payloadOffset, view.payloadLength, nowMs);
    this.jitterBuffer.adapt(this.receiveStats.jitterUnits);
    this.mediaStarted = true;
  }

  /**
   * Plays out this step's frame into `frame` (and `pcm8k`); null before the first audio
   * packet. While idle `pcm8k` is cleared only when `clearIdlePcm8k`, as only its readers need it.
   */
  playFrame(clearIdlePcm8k: boolean): Int16Array | null {
    if (!this.mediaStarted) return null;
    const frame = this.frame;
    const result = this.jitterBuffer.pop(this.receivedCodecFrame);
    this.frameAgeMs = 0;
    if (result === "idle") {
      frame.fill(0);
      this.concealer.reset();
      if (clearIdlePcm8k) this.pcm8k.fill(0);
      return frame;
    }
    // The resampler's group delay makes the frame's sound that much older than its packet.
    this.frameAgeMs =
      Math.max(0, performance.now() - this.jitterBuffer.frameArrivedAtMs) + this.upsamplerLatencyMs;
    const pcm8k = this.pcm8k;
    if (result === "ok") {
      g711Decode(this.options.codec, this.receivedCodecFrame, 0, CODEC_FRAME_SAMPLES, pcm8k);
      this.concealer.good(pcm8k);
    } else {
      this.concealer.conceal(pcm8k);
    }
    // Digital silence after digital silence leaves the resampler's filter empty: its output
    // is zeros, so the work is skipped (most of a call's caller audio while the agent talks).
    const silent = isDigitalSilence(pcm8k);
    if (silent && this.previousInputSilent) frame.fill(0);
    else this.upsampler.process(pcm8k, frame);
    this.previousInputSilent = silent;
    return frame;
  }

  stats(): RtpReceiveStats {
    return {
      packetsReceived: this.packetsReceived,
      malformed: this.malformed,
      unexpectedPayloadType: this.unexpectedPayloadType,
      foreignSource: this.foreignSource,
      duplicates: this.receiveStats.duplicates + this.jitterBuffer.stats.duplicates,
      outOfSequence: this.outOfSequence,
      lost: this.receiveStats.lost,
      jitterMs: (this.receiveStats.jitterUnits * 1000) / G711_SAMPLE_RATE_HZ,
      jitterBufferDelayMs: (this.jitterBuffer.targetDelaySamples * 1000) / G711_SAMPLE_RATE_HZ,
      late: this.jitterBuffer.stats.late,
      concealedFrames: this.jitterBuffer.stats.concealed,
    };
  }

  close(): void {
    this.upsampler.destroy();
  }
}
