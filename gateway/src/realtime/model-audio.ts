// Audio between the call (16 kHz PCM16 frames, or a G.711 call's 8 kHz samples) and a model's
// wire formats: wideband PCM at the model's rate through the Speex resampler, or G.711. Payloads are base64 of
// little-endian samples, as both realtime protocols carry them in JSON.
import { INTERNAL_SAMPLE_RATE_HZ } from "../media/audio-format.ts";
import { G711_SAMPLE_RATE_HZ, type G711Codec, g711Decode, g711Encode } from "../media/g711.ts";
import { Resampler } from "../media/resampler.ts";

/** Largest piece handed to a resampler at once (the model's deltas are any length). */
const CHUNK_SAMPLES = 4800;

/** Resamples any length of PCM16 between two rates, keeping the filter state across calls. */
export class RateConverter {
  private readonly resampler: Resampler | null;
  private readonly output: Int16Array;

  constructor(
    readonly inputRateHz: number,
    readonly outputRateHz: number,
  ) {
    this.resampler =
      inputRateHz === outputRateHz ? null : new Resampler(inputRateHz, outputRateHz, CHUNK_SAMPLES);
    this.output = new Int16Array(this.resampler?.maxOutputSamples ?? CHUNK_SAMPLES);
  }

  convert(input: Int16Array): Int16Array {
    const resampler = this.resampler;
    if (resampler === null) return input;
    const pieces: Int16Array[] = [];
    let total = 0;
    for (let offset = 0; offset < input.length; offset += CHUNK_SAMPLES) {
      const written = resampler.process(input.subarray(offset, offset + CHUNK_SAMPLES), this.output);
      pieces.push(this.output.slice(0, written));
      total += written;
    }
    if (pieces.length === 1) return pieces[0]!;
    const joined = new Int16Array(total);
    let at = 0;
    for (const piece of pieces) {
      joined.set(piece, at);
      at += piece.length;
    }
    return joined;
  }

  destroy(): void {
    this.resampler?.destroy();
  }
}

export function pcmToBase64(pcm: Int16Array): string {
  return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString("base64");
}

export function base64ToPcm(data: string): Int16Array {
  const bytes = Buffer.from(data, "base64");
  const pcm = new Int16Array(bytes.length >> 1);
  for (let index = 0; index < pcm.length; index++) pcm[index] = bytes.readInt16LE(index * 2);
  return pcm;
}

/** A model's audio format on the wire, and the conversions from and to the call's audio. */
export interface ModelAudio {
  /** Caller audio (16 kHz PCM16) as the model's base64 payload. */
  encode(pcm: Int16Array): string;
  /** Model audio (base64) as 16 kHz PCM16 for playout. */
  decode(data: string): Int16Array;
  close(): void;
}

/** Wideband PCM16 at `modelRateHz` each way (OpenAI: 24 kHz; Gemini: 16 kHz in, 24 kHz out). */
export function pcmModelAudio(inputRateHz: number, outputRateHz: number): ModelAudio {
  const up = new RateConverter(INTERNAL_SAMPLE_RATE_HZ, inputRateHz);
  const down = new RateConverter(outputRateHz, INTERNAL_SAMPLE_RATE_HZ);
  return {
    encode: (pcm) => pcmToBase64(up.convert(pcm)),
    decode: (data) => down.convert(base64ToPcm(data)),
    close() {
      up.destroy();
      down.destroy();
    },
  };
}

/** G.711 with the model and the call's own 8 kHz samples: table lookups, no resampling. */
export function g711PassthroughAudio(codec: G711Codec): ModelAudio {
  return {
    encode(pcm8k) {
      const bytes = new Uint8Array(pcm8k.length);
      g711Encode(codec, pcm8k, bytes);
      return Buffer.from(bytes).toString("base64");
    },
    decode(data) {
      const bytes = Buffer.from(data, "base64");
      const pcm8k = new Int16Array(bytes.length);
      g711Decode(codec, bytes, 0, bytes.length, pcm8k);
      return pcm8k;
    },
    close() {},
  };
}

/** G.711 (8 kHz) with the model for a narrowband call that has only 16 kHz frames (WebRTC PCMU). */
export function g711ModelAudio(codec: G711Codec): ModelAudio {
  const down = new RateConverter(INTERNAL_SAMPLE_RATE_HZ, G711_SAMPLE_RATE_HZ);
  const up = new RateConverter(G711_SAMPLE_RATE_HZ, INTERNAL_SAMPLE_RATE_HZ);
  return {
    encode(pcm) {
      const narrow = down.convert(pcm);
      const bytes = new Uint8Array(narrow.length);
      g711Encode(codec, narrow, bytes);
      return Buffer.from(bytes).toString("base64");
    },
    decode(data) {
      const bytes = Buffer.from(data, "base64");
      const narrow = new Int16Array(bytes.length);
      g711Decode(codec, bytes, 0, bytes.length, narrow);
      return up.convert(narrow);
    },
    close() {
      down.destroy();
      up.destroy();
    },
  };
}
