import { describe, expect, test } from "bun:test";
import { WhisperFeatureExtractor } from "@huggingface/transformers";
import { FRAMES, MELS, WhisperFeatures, WINDOW_SAMPLES } from "./whisper-features.ts";

/** transformers.js' own Whisper extractor, configured for 8 s as Smart Turn v3 is. */
function referenceExtractor() {
  return new WhisperFeatureExtractor({
    feature_size: MELS,
    sampling_rate: 16_000,
    hop_length: 160,
    chunk_length: 8,
    n_fft: 400,
    n_samples: WINDOW_SAMPLES,
    nb_max_frames: FRAMES,
    padding_value: 0,
  } as never) as WhisperFeatureExtractor & { config: { mel_filters: number[][] } };
}

/** Left-pads to 8 s and normalises as the model's training did, for the reference extractor. */
function preparedForReference(audio: Float32Array): Float32Array {
  const padded = new Float32Array(WINDOW_SAMPLES);
  padded.set(
    audio.subarray(Math.max(0, audio.length - WINDOW_SAMPLES)),
    Math.max(0, WINDOW_SAMPLES - audio.length),
  );
  const mean = padded.reduce((sum, x) => sum + x, 0) / padded.length;
  const variance = padded.reduce((sum, x) => sum + (x - mean) ** 2, 0) / padded.length;
  return padded.map((x) => (x - mean) / Math.sqrt(variance + 1e-7));
}

function speechLike(seconds: number): Float32Array {
  const audio = new Float32Array(Math.round(seconds * 16_000));
  for (let i = 0; i < audio.length; i++) {
    const t = i / 16_000;
    const pitch = 120 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    audio[i] =
      0.3 * Math.sin(2 * Math.PI * pitch * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t)) +
      0.05 * Math.sin(2 * Math.PI * 2300 * t);
  }
  return audio;
}

describe("Whisper log-mel features", () => {
  for (const seconds of [2.3, 9]) {
    test(`match transformers.js' Whisper extractor on ${seconds} s of audio`, async () => {
      const reference = referenceExtractor();
      const features = await WhisperFeatures.create(reference.config.mel_filters);
      const audio = speechLike(seconds);
      const ours = new Float32Array(MELS * FRAMES);
      features.compute(audio, ours);
      const expected = (await reference(preparedForReference(audio), { max_length: WINDOW_SAMPLES }))
        .input_features;
      expect(expected.dims).toEqual([1, MELS, FRAMES]);
      let worst = 0;
      for (let i = 0; i < ours.length; i++)
        worst = Math.max(worst, Math.abs(ours[i]! - (expected.data[i] as number)));
      expect(worst).toBeLessThan(2e-3);
    });
  }
});
