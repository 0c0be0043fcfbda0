import { describe, expect, test } from "bun:test";
import type { Frame } from "./frames.ts";
import { Pipeline } from "./pipeline.ts";
import { type Direction, Processor } from "./processor.ts";
import { PlayoutProcessor } from "./processors/playout.ts";
import { ManualClock } from "./testing/manual-clock.ts";
import { TestCallAudio } from "./testing/test-call-audio.ts";
import { AgentTurn, emptyTimeline } from "./turn.ts";

/** The head of the pipeline: keeps what comes back upstream. */
class Head extends Processor {
  readonly name = "head";
  readonly upstream: Frame[] = [];

  protected override process(frame: Frame, direction: Direction): void {
    if (direction === "upstream") this.upstream.push(frame);
    else this.push(frame, direction);
  }
}

const SILENT = new Int16Array(320);

function setUp() {
  const audio = new TestCallAudio();
  const head = new Head();
  const clock = new ManualClock();
  const pipeline = new Pipeline([head, new PlayoutProcessor(audio, clock)]);
  const turn = new AgentTurn(1, 0, emptyTimeline());
  // One second of agent audio in one sentence.
  pipeline.push({
    type: "tts_audio",
    pcm: new Int16Array(16_000).fill(1000),
    turn,
    sentenceStart: true,
    text: "One two three.",
  });
  return { audio, head, pipeline, clock, turn };
}

describe("playout", () => {
  test("an interruption flushes the call's queue and tells upstream how many samples reached the caller", () => {
    const { audio, head, pipeline } = setUp();
    for (let tick = 0; tick < 7; tick++) audio.tick(SILENT);
    pipeline.push({ type: "interruption", atMs: 0 });
    expect(audio.queuedSamples).toBe(0);
    expect(audio.flushes).toHaveLength(1);
    expect(head.upstream).toEqual([{ type: "playout_stopped", playedSamples: 7 * 320 }]);
  });

  test("a hold sends nothing more and drops nothing; a resume goes on from the next sample", () => {
    const { audio, head, pipeline } = setUp();
    for (let tick = 0; tick < 5; tick++) audio.tick(SILENT);
    pipeline.push({ type: "playout_hold", atMs: 0 });
    for (let tick = 0; tick < 10; tick++) audio.tick(SILENT);
    expect(audio.playedSamples).toBe(5 * 320);
    expect(audio.queuedSamples).toBe(16_000 - 5 * 320);
    pipeline.push({ type: "playout_resume" });
    audio.tick(SILENT);
    expect(audio.playedSamples).toBe(6 * 320);
    expect(audio.flushes).toHaveLength(0);
    expect(head.upstream).toEqual([]);
  });

  test("an interruption while held drops the held audio and reports only what was played before the hold", () => {
    const { audio, head, pipeline } = setUp();
    for (let tick = 0; tick < 4; tick++) audio.tick(SILENT);
    pipeline.push({ type: "playout_hold", atMs: 0 });
    for (let tick = 0; tick < 10; tick++) audio.tick(SILENT);
    pipeline.push({ type: "interruption", atMs: 0 });
    expect(audio.queuedSamples).toBe(0);
    expect(head.upstream).toEqual([{ type: "playout_stopped", playedSamples: 4 * 320 }]);
  });

  test("the end of the call reports what was played too, without flushing", () => {
    const { audio, head, pipeline } = setUp();
    for (let tick = 0; tick < 3; tick++) audio.tick(SILENT);
    pipeline.push({ type: "end", cause: "call_ended" });
    expect(audio.flushes).toHaveLength(0);
    expect(head.upstream).toEqual([{ type: "playout_stopped", playedSamples: 3 * 320 }]);
  });

  test("a caller who sends no audio still gets the turn's end once its audio has played", () => {
    const { audio, head, pipeline, clock, turn } = setUp();
    pipeline.push({ type: "llm_end", turn });
    // The call's sender plays the second of audio; no caller frame enters the pipeline.
    for (let tick = 0; tick < 50; tick++) audio.tick(SILENT);
    expect(head.upstream).toEqual([]);
    clock.advance(1000);
    expect(head.upstream).toEqual([]);
    clock.advance(100);
    expect(head.upstream).toEqual([{ type: "agent_turn_ended", turn }]);
  });
});
