import { describe, expect, test } from "bun:test";
import type { ChatMessage } from "../providers/types.ts";
import type { Frame } from "./frames.ts";
import { appendUserMessage, truncateToHeard } from "./history.ts";
import { Pipeline } from "./pipeline.ts";
import { type Direction, Processor } from "./processor.ts";
import { findCut } from "./processors/sentence-chunker.ts";
import { fillTemplate } from "./prompt.ts";
import { AgentTurn, emptyTimeline, heardWordCount } from "./turn.ts";

describe("sentence cuts", () => {
  test("cuts after sentence punctuation followed by space", () => {
    expect(findCut("Hello there. How", 60)).toBe("Hello there. ".length);
    expect(findCut("Really?! Yes", 60)).toBe("Really?! ".length);
    expect(findCut("Hello there.", 60)).toBe(0);
  });

  test("does not cut inside numbers, abbreviations or initials", () => {
    expect(findCut("It costs 3.50 dollars", 60)).toBe(0);
    expect(findCut("Ask Dr. Smith about it", 60)).toBe(0);
    expect(findCut("J. R. R. Tolkien wrote it", 60)).toBe(0);
    expect(findCut("See e.g. the manual", 60)).toBe(0);
  });

  test("cuts a long clause at a comma, a short one not", () => {
    expect(findCut("Well, maybe", 60)).toBe(0);
    const long = "Your appointment with the dental hygienist is on Monday morning, and then";
    expect(findCut(long, 60)).toBe(long.indexOf(", ") + 2);
  });
});

describe("heard words", () => {
  test("counts whole words of complete and partly played sentences", () => {
    const turn = new AgentTurn(1, 0, emptyTimeline());
    turn.segments.push({
      text: "One two three four.",
      wordCount: 4,
      startSample: 1000,
      endSample: 5000,
      complete: true,
    });
    turn.segments.push({
      text: "Five six.",
      wordCount: 2,
      startSample: 5000,
      endSample: 7000,
      complete: true,
    });
    expect(heardWordCount(turn, 1000, 16000)).toBe(0);
    expect(heardWordCount(turn, 2999, 16000)).toBe(1);
    expect(heardWordCount(turn, 5000, 16000)).toBe(4);
    expect(heardWordCount(turn, 6000, 16000)).toBe(5);
    expect(heardWordCount(turn, 9000, 16000)).toBe(6);
  });

  test("cuts the turn's messages to the heard words", () => {
    const first: ChatMessage = {
      role: "assistant",
      content: "Let me check.",
      tool_calls: [{ id: "a", name: "x", arguments: "{}" }],
    };
    const second: ChatMessage = { role: "assistant", content: "It is sunny today." };
    const history: ChatMessage[] = [
      { role: "user", content: "weather?" },
      first,
      { role: "tool", content: "{}" },
      second,
    ];
    truncateToHeard(history, [first, second], 5);
    expect(first.content).toBe("Let me check.");
    expect(second.content).toBe("It is");
    truncateToHeard(history, [first, second], 0);
    expect(first.content).toBeNull();
    expect(history).toHaveLength(3);
  });

  test("consecutive caller messages merge", () => {
    const history: ChatMessage[] = [{ role: "user", content: "hello" }];
    appendUserMessage(history, "are you there");
    expect(history).toEqual([{ role: "user", content: "hello are you there" }]);
  });
});

describe("templates", () => {
  test("fills known names, blanks unknown ones", () => {
    expect(fillTemplate("Hi {{ name }}, order {{order}} {{missing}}!", { name: "Ada", order: 7 })).toBe(
      "Hi Ada, order 7 !",
    );
  });
});

describe("caller audio through the processor chain", () => {
  class Recorder extends Processor {
    readonly seen: string[] = [];
    constructor(
      readonly name: string,
      override readonly handlesAudio: boolean,
      private readonly log: string[],
    ) {
      super();
    }
    protected override process(frame: Frame, direction: Direction): void {
      this.log.push(`${this.name}:${frame.type}`);
      this.push(frame, direction);
    }
  }

  test("skips processors that do not look at audio; every other frame visits them all", () => {
    const log: string[] = [];
    const pipeline = new Pipeline([
      new Recorder("vad", true, log),
      new Recorder("endpointing", false, log),
      new Recorder("silence", false, log),
      new Recorder("playout", true, log),
    ]);
    pipeline.push({ type: "audio_in", pcm: new Int16Array(320), atMs: 0 });
    pipeline.push({ type: "dtmf", digit: "1", atMs: 0 });
    expect(log).toEqual([
      "vad:audio_in",
      "playout:audio_in",
      "vad:dtmf",
      "endpointing:dtmf",
      "silence:dtmf",
      "playout:dtmf",
    ]);
  });
});
