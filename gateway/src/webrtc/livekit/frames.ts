// Conversion between LiveKit's AudioFrame (any rate, channels, 10 ms by default) and the
// gateway's 20 ms mono 16 kHz frames. The room's AudioStream is asked for 16 kHz mono, so
// the usual path is re-chunking 10 ms frames into 20 ms ones; a stereo frame is downmixed.
import { AudioFrame } from "@livekit/rtc-node";
import { INTERNAL_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from "../../media/audio-format.ts";

/** A 20 ms internal frame as a LiveKit AudioFrame (copied: the caller's buffer is reused). */
export function toLiveKitFrame(pcm: Int16Array): AudioFrame {
  return new AudioFrame(pcm.slice(), INTERNAL_SAMPLE_RATE_HZ, 1, pcm.length);
}

/** Mono samples of a LiveKit frame (channels averaged); the frame's own buffer when mono. */
export function monoSamples(frame: AudioFrame): Int16Array {
  if (frame.channels === 1) return frame.data.subarray(0, frame.samplesPerChannel);
  const out = new Int16Array(frame.samplesPerChannel);
  const channels = frame.channels;
  for (let index = 0; index < frame.samplesPerChannel; index++) {
    let sum = 0;
    for (let channel = 0; channel < channels; channel++) sum += frame.data[index * channels + channel]!;
    out[index] = Math.round(sum / channels);
  }
  return out;
}

export class FrameRateError extends Error {}

/** Collects LiveKit frames of any length at 16 kHz and hands out exact 20 ms frames. */
export class FrameChunker {
  private readonly pending = new Int16Array(SAMPLES_PER_FRAME);
  private filled = 0;

  /** Calls `emit` once per complete 20 ms frame; the frame passed is reused afterwards. */
  push(frame: AudioFrame, emit: (frame: Int16Array) => void): void {
    if (frame.sampleRate !== INTERNAL_SAMPLE_RATE_HZ) {
      throw new FrameRateError(`expected ${INTERNAL_SAMPLE_RATE_HZ} Hz frames, got ${frame.sampleRate} Hz`);
    }
    const samples = monoSamples(frame);
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(SAMPLES_PER_FRAME - this.filled, samples.length - offset);
      this.pending.set(samples.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === SAMPLES_PER_FRAME) {
        emit(this.pending);
        this.filled = 0;
      }
    }
  }
}
