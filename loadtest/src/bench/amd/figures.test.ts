import { expect, test } from "bun:test";
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
