// How the figures read a mode's calls: a turn the gateway split in two or the agent spoke into
// is a false cutoff; an interruption far from any caller speech on an echo call is the echo's;
// a backchannel followed by an interrupted agent turn counts against it.
import { describe, expect, test } from "bun:test";
import type { TranscriptTurn } from "@switchboard/shared/events";
import type { CallRecord, PlayedTurn } from "./caller.ts";
import { modeFigures } from "./figures.ts";

const EPOCH = 1_000_000;

function turn(role: "user" | "agent", startMs: number, endMs: number, interrupted = false): TranscriptTurn {
  return {
    role,
    text: role,
    started_at: new Date(EPOCH + startMs).toISOString(),
    ended_at: new Date(EPOCH + endMs).toISOString(),
    interrupted,
    latency: null,
  };
}

function played(kind: PlayedTurn["kind"], spans: [number, number][], agentOnsets: number[]): PlayedTurn {
  return {
    callKey: "k",
    kind,
    index: 0,
    speech: spans.map(([startAtMs, endAtMs]) => ({ startAtMs, endAtMs })),
    realEndAtMs: spans.at(-1)![1],
    agentOnsetsAtMs: agentOnsets,
  };
}

function call(turns: PlayedTurn[], echo: boolean): CallRecord {
  return {
    key: "k",
    kind: turns[0]!.kind,
    echo,
    sipCallId: "x",
    turns,
    callerSpeech: turns.flatMap((entry) => entry.speech.map((span) => ({ ...span, kind: entry.kind }))),
    failed: null,
  };
}

describe("bench:turns figures", () => {
  test("a turn split in two is a false cutoff; an answer after the end gives the reply delay", () => {
    const record = call(
      [
        played(
          "paused",
          [
            [0, 1000],
            [1900, 2600],
          ],
          [3200],
        ),
        played("complete", [[5000, 7000]], [7600]),
      ],
      false,
    );
    const figures = modeFigures(
      "fixed",
      [record],
      [
        { callKey: "k", turn: turn("user", 0, 1500) },
        { callKey: "k", turn: turn("user", 1900, 2700) },
        { callKey: "k", turn: turn("agent", 3200, 4500) },
        { callKey: "k", turn: turn("user", 5000, 7100) },
        { callKey: "k", turn: turn("agent", 7600, 9000) },
      ],
      EPOCH,
    );
    expect(figures.falseCutoffs).toMatchObject({ count: 1, of: 2, percent: 50 });
    expect(figures.replyDelayMs).toMatchObject({ n: 1, p50: 600 });
  });

  test("a backchannel that stopped the agent, which then went on before the caller's next turn, counts as resumed", () => {
    const record = call(
      [played("complete", [[0, 1000]], [1500]), played("backchannel", [[2200, 2500]], [3000])],
      false,
    );
    const figures = modeFigures(
      "adaptive",
      [record],
      [
        { callKey: "k", turn: turn("user", 0, 1100) },
        { callKey: "k", turn: turn("agent", 1500, 2500, true) },
        { callKey: "k", turn: turn("agent", 3000, 5000) },
      ],
      EPOCH,
    );
    expect(figures.backchannels).toEqual({ count: 1, interrupted: 1, answered: 0, resumed: 1, held: 0 });
  });

  test("a backchannel during which the agent's audio paused and went on in the same turn counts as held", () => {
    const record = call(
      [played("complete", [[0, 1000]], [1500]), played("backchannel", [[2200, 2700]], [3400])],
      false,
    );
    const figures = modeFigures(
      "adaptive",
      [record],
      [
        { callKey: "k", turn: turn("user", 0, 1100) },
        { callKey: "k", turn: turn("agent", 1500, 6000) },
      ],
      EPOCH,
    );
    expect(figures.backchannels).toEqual({ count: 1, interrupted: 0, answered: 0, resumed: 0, held: 1 });
  });

  test("on an echo call, an interruption with no caller speech near it is the echo's; one after a backchannel is the backchannel's", () => {
    const record = call(
      [
        played("complete", [[0, 1000]], [1500]),
        played("backchannel", [[2200, 2500]], []),
        played("complete", [[6000, 7000]], [7500]),
      ],
      true,
    );
    const figures = modeFigures(
      "fixed",
      [record],
      [
        { callKey: "k", turn: turn("user", 0, 1100) },
        { callKey: "k", turn: turn("agent", 1500, 2700, true) },
        { callKey: "k", turn: turn("user", 6000, 7100) },
        { callKey: "k", turn: turn("agent", 7500, 9000, true) },
      ],
      EPOCH,
    );
    expect(figures.backchannels).toMatchObject({ count: 1, interrupted: 1, resumed: 0 });
    expect(figures.echoInterruptions.count).toBe(1);
    expect(figures.falseCutoffs.count).toBe(0);
  });
});
