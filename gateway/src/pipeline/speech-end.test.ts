import { describe, expect, test } from "bun:test";
import { sine } from "@switchboard/stand-ins/testing/signals";
import { SpeechEndEstimator } from "./processors/speech-end.ts";

const FRAME_SAMPLES = 320;

/** Feeds frames of the given peak amplitudes (0 = digital silence), 20 ms apart from t = 0. */
function feed(estimator: SpeechEndEstimator, amplitudes: number[]): number[] {
  const ends: number[] = [];
  amplitudes.forEach((amplitude, index) => {
    const frame =
      amplitude === 0 ? new Int16Array(FRAME_SAMPLES) : sine(220, 16000, FRAME_SAMPLES, amplitude);
    const endAtMs = (index + 1) * 20;
    estimator.addFrame(frame, endAtMs);
    ends.push(endAtMs);
  });
  return ends;
}

describe("SpeechEndEstimator", () => {
  test("moves a late VAD speech end back to the last frame with speech energy", () => {
    const estimator = new SpeechEndEstimator();
    const amplitudes = [...Array(10).fill(0), ...Array(25).fill(8000), ...Array(10).fill(0)];
    feed(estimator, amplitudes);
    estimator.speechStarted(200);
    // The last loud frame ends at 35 * 20 = 700 ms; the VAD's quiet window starts at 768.
    expect(estimator.speechStopped(768, 200)).toBe(700);
  });

  test("speech ending early in a frame ends within 5 ms of it, not at the frame's end", () => {
    const estimator = new SpeechEndEstimator();
    feed(estimator, [...Array(10).fill(0), ...Array(25).fill(8000)]);
    // The resampler carries 3 ms of the last sound into the next frame.
    const tail = new Int16Array(FRAME_SAMPLES);
    tail.set(sine(220, 16000, 48, 8000));
    estimator.addFrame(tail, 720);
    for (let index = 0; index < 8; index++)
      estimator.addFrame(new Int16Array(FRAME_SAMPLES), 740 + index * 20);
    estimator.speechStarted(200);
    expect(estimator.speechStopped(796, 200)).toBe(705);
  });

  test("a soft tail within 30 dB of the utterance's peak is still speech; quieter is not", () => {
    const estimator = new SpeechEndEstimator();
    // Peak 8000 (about -12 dBFS RMS); 500 is 24 dB down (speech), 100 is 38 dB down (not).
    const amplitudes = [
      ...Array(10).fill(0),
      ...Array(20).fill(8000),
      500,
      500,
      100,
      100,
      ...Array(8).fill(0),
    ];
    feed(estimator, amplitudes);
    estimator.speechStarted(200);
    expect(estimator.speechStopped(800, 200)).toBe(640);
  });

  test("never moves the end later than the VAD's, nor before the speech started", () => {
    const estimator = new SpeechEndEstimator();
    feed(estimator, [...Array(10).fill(0), ...Array(30).fill(8000)]);
    estimator.speechStarted(200);
    // Speech still loud at the VAD's end: the VAD's time stands.
    expect(estimator.speechStopped(500, 200)).toBe(500);
    const quiet = new SpeechEndEstimator();
    feed(quiet, Array(20).fill(0));
    quiet.speechStarted(100);
    expect(quiet.speechStopped(300, 100)).toBe(300);
  });

  test("steady background noise is not mistaken for speech after the utterance", () => {
    const estimator = new SpeechEndEstimator();
    // Three seconds of noise (amplitude 1000, 22 dB under the speech) around a loud utterance.
    const amplitudes = [...Array(150).fill(1000), ...Array(20).fill(12000), ...Array(10).fill(1000)];
    feed(estimator, amplitudes);
    estimator.speechStarted(3000);
    expect(estimator.speechStopped(3500, 3000)).toBe(3400);
  });
});
