// Little-endian PCM16 from a byte stream whose chunks may split a sample in two.
import { Resampler } from "../../media/resampler.ts";

/** Larger network chunks are resampled in slices of this many samples. */
const MAX_RESAMPLE_INPUT_SAMPLES = 4_800;

export class PcmByteReader {
  private carry: number | null = null;

  push(bytes: Uint8Array): Int16Array {
    const total = bytes.length + (this.carry === null ? 0 : 1);
    const samples = new Int16Array(total >> 1);
    let byteIndex = 0;
    let sampleIndex = 0;
    if (this.carry !== null && bytes.length > 0) {
      samples[sampleIndex++] = ((this.carry | ((bytes[0] ?? 0) << 8)) << 16) >> 16;
      byteIndex = 1;
      this.carry = null;
    }
    for (; byteIndex + 1 < bytes.length; byteIndex += 2) {
      samples[sampleIndex++] = (((bytes[byteIndex] ?? 0) | ((bytes[byteIndex + 1] ?? 0) << 8)) << 16) >> 16;
    }
    if (byteIndex < bytes.length) this.carry = bytes[byteIndex] ?? 0;
    return samples.subarray(0, sampleIndex);
  }
}

/** Yields PCM16 at `outRateHz` from a byte stream at `inRateHz`, resampling as chunks arrive. */
export async function* pcmStream(
  bytes: AsyncIterable<Uint8Array>,
  inRateHz: number,
  outRateHz: number,
): AsyncGenerator<Int16Array> {
  const resampler =
    inRateHz === outRateHz ? null : new Resampler(inRateHz, outRateHz, MAX_RESAMPLE_INPUT_SAMPLES);
  const output = resampler ? new Int16Array(resampler.maxOutputSamples) : null;
  const reader = new PcmByteReader();
  try {
    for await (const chunk of bytes) {
      const samples = reader.push(chunk);
      if (samples.length === 0) continue;
      if (!resampler || !output) {
        yield samples;
        continue;
      }
      for (let offset = 0; offset < samples.length; offset += MAX_RESAMPLE_INPUT_SAMPLES) {
        const written = resampler.process(
          samples.subarray(offset, offset + MAX_RESAMPLE_INPUT_SAMPLES),
          output,
        );
        if (written > 0) yield output.slice(0, written);
      }
    }
  } finally {
    resampler?.destroy();
  }
}
