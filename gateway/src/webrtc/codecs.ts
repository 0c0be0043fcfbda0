// The browser leg's audio codecs, converting between RTP payloads and the gateway's 16 kHz
// PCM frames. Opus runs its encoder and decoder at 16 kHz (libopus resamples internally, so no
// extra resampler sits in the path) while RTP timestamps stay on the 48 kHz clock that
// RFC 7587 section 4.1 fixes for Opus. PCMU is the fallback for peers without Opus.
import { Decoder, Encoder } from "@evan/opus";
import { INTERNAL_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from "../media/audio-format.ts";
import { G711_SAMPLE_RATE_HZ, g711Decode, g711Encode, g711SilenceByte } from "../media/g711.ts";
import { Resampler } from "../media/resampler.ts";

export type WebRtcCodecName = "opus" | "PCMU";

export interface WebRtcAudioCodec {
  readonly name: WebRtcCodecName;
  /** RTP clock increment per 20 ms frame. */
  readonly timestampStep: number;
  /** Decodes one payload to 16 kHz PCM (any whole number of frames); null when undecodable. */
  decode(payload: Uint8Array): Int16Array | null;
  /** Encodes one 20 ms frame of 16 kHz PCM. */
  encode(frame: Int16Array): Uint8Array;
  /** A ready-made payload of 20 ms of silence, sent while the agent is quiet (no encoding). */
  readonly silencePayload: Uint8Array;
  destroy(): void;
}

const OPUS_RTP_CLOCK_HZ = 48_000;
const FRAME_MS = 20;
/** Opus packets carry at most 120 ms (RFC 6716 section 3.2.5). */
const OPUS_MAX_PACKET_SAMPLES = (INTERNAL_SAMPLE_RATE_HZ * 120) / 1000;
/**
 * Measured per 20 ms frame at 16 kHz: about 30 us at complexity 1 against 130 us at the
 * library default, which alone would take most of a core at 200 calls. Speech stays wideband.
 */
const OPUS_COMPLEXITY = 1;

let opusSilence: Uint8Array | null = null;
function opusSilencePayload(): Uint8Array {
  if (opusSilence === null) {
    const encoder = new Encoder({ channels: 1, sample_rate: INTERNAL_SAMPLE_RATE_HZ, application: "voip" });
    opusSilence = encoder.encode(new Int16Array(SAMPLES_PER_FRAME)).slice();
  }
  return opusSilence;
}

export class OpusCodec implements WebRtcAudioCodec {
  readonly name = "opus" as const;
  readonly timestampStep = (OPUS_RTP_CLOCK_HZ * FRAME_MS) / 1000;
  private readonly encoder = new Encoder({
    channels: 1,
    sample_rate: INTERNAL_SAMPLE_RATE_HZ,
    application: "voip",
  });
  private readonly decoder = new Decoder({ channels: 1, sample_rate: INTERNAL_SAMPLE_RATE_HZ });
  readonly silencePayload = opusSilencePayload();

  constructor() {
    this.encoder.complexity = OPUS_COMPLEXITY;
  }

  decode(payload: Uint8Array): Int16Array | null {
    if (payload.length === 0) return null;
    try {
      const bytes = this.decoder.decode(payload);
      const samples = bytes.byteLength >> 1;
      if (samples === 0 || samples > OPUS_MAX_PACKET_SAMPLES) return null;
      return new Int16Array(bytes.buffer, bytes.byteOffset, samples);
    } catch {
      return null;
    }
  }

  encode(frame: Int16Array): Uint8Array {
    return this.encoder.encode(frame);
  }

  destroy(): void {}
}

const PCMU_FRAME_SAMPLES = (G711_SAMPLE_RATE_HZ * FRAME_MS) / 1000; // 160

export class PcmuCodec implements WebRtcAudioCodec {
  readonly name = "PCMU" as const;
  readonly timestampStep = PCMU_FRAME_SAMPLES;
  readonly silencePayload = new Uint8Array(PCMU_FRAME_SAMPLES).fill(g711SilenceByte("PCMU"));
  private readonly upsampler = new Resampler(
    G711_SAMPLE_RATE_HZ,
    INTERNAL_SAMPLE_RATE_HZ,
    PCMU_FRAME_SAMPLES * 6,
  );
  private readonly downsampler = new Resampler(
    INTERNAL_SAMPLE_RATE_HZ,
    G711_SAMPLE_RATE_HZ,
    SAMPLES_PER_FRAME,
  );
  private readonly narrowIn = new Int16Array(PCMU_FRAME_SAMPLES * 6);
  private readonly narrowOut = new Int16Array(PCMU_FRAME_SAMPLES);

  decode(payload: Uint8Array): Int16Array | null {
    const samples = Math.min(payload.length, this.narrowIn.length);
    if (samples === 0) return null;
    g711Decode("PCMU", payload, 0, samples, this.narrowIn);
    const wide = new Int16Array(samples * 2 + 8);
    const written = this.upsampler.process(this.narrowIn.subarray(0, samples), wide);
    return wide.subarray(0, written);
  }

  encode(frame: Int16Array): Uint8Array {
    this.downsampler.process(frame, this.narrowOut);
    const payload = new Uint8Array(PCMU_FRAME_SAMPLES);
    g711Encode("PCMU", this.narrowOut, payload, 0, PCMU_FRAME_SAMPLES);
    return payload;
  }

  destroy(): void {
    this.upsampler.destroy();
    this.downsampler.destroy();
  }
}

/** The codec for a negotiated mime type (audio/opus or audio/PCMU), or null. */
export function codecForMimeType(mimeType: string): WebRtcAudioCodec | null {
  const lower = mimeType.toLowerCase();
  if (lower === "audio/opus") return new OpusCodec();
  if (lower === "audio/pcmu") return new PcmuCodec();
  return null;
}
