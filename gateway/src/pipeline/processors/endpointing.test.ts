// The endpointing processor alone on a manual clock, fed the VAD's probabilities and the STT's
// transcripts as Silero and a streaming STT deliver them around a caller's last word.
import { describe, expect, test } from "bun:test";
import type { Frame } from "../frames.ts";
import { Processor } from "../processor.ts";
import { ManualClock } from "../testing/manual-clock.ts";
import type { TurnPolicy } from "../turn-taking/policy.ts";
import { EndpointingProcessor } from "./endpointing.ts";

const ADAPTIVE: TurnPolicy = {
  mode: "adaptive",
  baseSilenceMs: 500,
  minSilenceMs: 200,
  maxSilenceMs: 2000,
  englishWords: true,
};
const WINDOW_MS = 32;

class FrameSink extends Processor {
  readonly name = "sink";
  readonly frames: Frame[] = [];

  protected override process(frame: Frame): void {
    this.frames.push(frame);
  }

  ofType<T extends Frame["type"]>(type: T): Extract<Frame, { type: T }>[] {
    return this.frames.filter((frame): frame is Extract<Frame, { type: T }> => frame.type === type);
  }
}

function endpointing() {
  const clock = new ManualClock();
  const processor = new EndpointingProcessor(clock, {
    policy: ADAPTIVE,
    sttFinalTimeoutMs: 1000,
    dtmfGroupMs: 1500,
    preemptAtLikelihood: 0.8,
  });
  const sink = new FrameSink();
  processor.link(sink);
  const vad = (probability: number) => {
    clock.advance(WINDOW_MS);
    processor.receive({ type: "vad_probability", probability, atMs: clock.now() }, "downstream");
  };
  const interim = (text: string) =>
    processor.receive(
      { type: "transcript", text, isFinal: false, endOfSpeech: false, atMs: clock.now() },
      "downstream",
    );
  const speechStarts = () =>
    processor.receive({ type: "user_speech_started", atMs: clock.now() }, "downstream");
  return { clock, sink, vad, interim, speechStarts };
}

describe("endpointing: preemptive replies while Silero's probability falls", () => {
  test("words that end the turn, arriving once the probability is under the start threshold but not yet quiet, start the reply at once", () => {
    const { clock, sink, vad, interim, speechStarts } = endpointing();
    speechStarts();
    for (let window = 0; window < 20; window++) vad(0.99);
    // Silero holds high for a few windows after the last sound, then decays.
    vad(0.97);
    vad(0.44);
    expect(sink.ofType("preemptive_turn")).toHaveLength(0);
    clock.advance(10);
    interim("When do you open?");
    // Above the stop threshold (0.35): the VAD is still in speech, but the request is out.
    expect(sink.ofType("preemptive_turn")).toEqual([
      { type: "preemptive_turn", text: "When do you open?", atMs: clock.now() },
    ]);
    expect(sink.ofType("user_turn")).toHaveLength(0);
  });

  test("words already there start the reply at the first window under the start threshold", () => {
    const { clock, sink, vad, interim, speechStarts } = endpointing();
    speechStarts();
    for (let window = 0; window < 20; window++) vad(0.99);
    interim("When do you open?");
    vad(0.98);
    // While the VAD hears speech the caller may be going on: no request yet.
    expect(sink.ofType("preemptive_turn")).toHaveLength(0);
    vad(0.46);
    expect(sink.ofType("preemptive_turn")).toEqual([
      { type: "preemptive_turn", text: "When do you open?", atMs: clock.now() },
    ]);
    // The next windows fall further: the same reply stands.
    vad(0.2);
    vad(0.05);
    expect(sink.ofType("preemptive_turn")).toHaveLength(1);
    expect(sink.ofType("preemptive_turn_cancelled")).toHaveLength(0);
  });

  test("the probability rising back to the start threshold cancels the reply, and the same words do not start another", () => {
    const { sink, vad, interim, speechStarts } = endpointing();
    speechStarts();
    for (let window = 0; window < 20; window++) vad(0.99);
    interim("I'd like a table.");
    vad(0.45);
    expect(sink.ofType("preemptive_turn")).toHaveLength(1);
    vad(0.9);
    expect(sink.ofType("preemptive_turn_cancelled")).toHaveLength(1);
    // The caller went on after those words: they no longer end the turn until the STT says more.
    vad(0.4);
    vad(0.1);
    expect(sink.ofType("preemptive_turn")).toHaveLength(1);
  });
});
