import { expect, test } from "bun:test";
import { answerDelays } from "./answer-delay.ts";
import { amdFigures } from "./figures.ts";

test("accuracy counts unknown as wrong; false machines are humans taken for machines", () => {
  const figures = amdFigures([
    { truth: "human", answeredBy: "human", decisionMs: 1200 },
    { truth: "human", answeredBy: "machine", decisionMs: 2800 },
    { truth: "machine", answeredBy: "machine", decisionMs: 2900 },
    { truth: "machine", answeredBy: "unknown", decisionMs: 3500 },
  ]);
  expect(figures.accuracy).toBe(0.5);
  expect(figures.falseMachineRate).toBe(0.5);
  expect(figures.missedMachineRate).toBe(0.5);
  expect(figures.unknown).toBe(1);
  expect(figures.decisionMs).toEqual({ p50: 2800, p95: 3500, max: 3500 });
  expect(figures.humanDecisionMs).toEqual({ p50: 1200, p95: 2800, max: 2800 });
});

test("answer delay runs from the end of the sentence answered; early answers to machines are counted", () => {
  const verdict = (answeredBy: "human" | "machine", decisionMs: number) => ({
    answeredBy,
    decisionMs,
    evidence: [],
  });
  const delays = answerDelays([
    { truth: "human", verdict: verdict("human", 2000), answerableAtMs: 1560, speechEndsMs: [1200] },
    { truth: "human", verdict: verdict("human", 3000), answerableAtMs: 900, speechEndsMs: [500, 2000] },
    { truth: "machine", verdict: verdict("machine", 2500), answerableAtMs: 1000, speechEndsMs: [600, 2400] },
    { truth: "machine", verdict: verdict("machine", 2500), answerableAtMs: null, speechEndsMs: [2400] },
  ]);
  expect(delays.humans).toBe(2);
  expect(delays.atVerdict).toEqual({ p50: 800, p95: 1000, max: 1000 });
  expect(delays.early).toEqual({ p50: 360, p95: 400, max: 400 });
  expect(delays.answeredBeforeVerdict).toBe(2);
  expect(delays.machinesAnsweredEarly).toBe(1);
  expect(delays.machinesAnsweredEarlyCaught).toBe(1);
});
