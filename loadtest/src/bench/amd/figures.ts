// The benchmark's figures from each greeting's verdict.
import type { AnsweredBy } from "@switchboard/shared/schemas/amd";

export interface Outcome {
  truth: "human" | "machine";
  answeredBy: AnsweredBy;
  decisionMs: number;
}

export interface AmdFigures {
  greetings: number;
  humans: number;
  machines: number;
  /** Verdict equals truth; `unknown` counts as wrong. */
  accuracy: number;
  /** Humans taken for machines (they would be hung up on). */
  falseMachineRate: number;
  /** Machines taken for humans or unknown (the agent talks to a recording). */
  missedMachineRate: number;
  unknown: number;
  decisionMs: { p50: number; p95: number; max: number };
  /** Decision times of the humans and of the machines alone. */
  humanDecisionMs: { p50: number; p95: number; max: number };
  machineDecisionMs: { p50: number; p95: number; max: number };
}

function timesOf(outcomes: Outcome[]) {
  const times = outcomes.map((outcome) => outcome.decisionMs).sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? 0 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function amdFigures(outcomes: Outcome[]): AmdFigures {
  const humans = outcomes.filter((outcome) => outcome.truth === "human");
  const machines = outcomes.filter((outcome) => outcome.truth === "machine");
  return {
    greetings: outcomes.length,
    humans: humans.length,
    machines: machines.length,
    accuracy: share(
      outcomes.filter((outcome) => outcome.answeredBy === outcome.truth).length,
      outcomes.length,
    ),
    falseMachineRate: share(
      humans.filter((outcome) => outcome.answeredBy === "machine").length,
      humans.length,
    ),
    missedMachineRate: share(
      machines.filter((outcome) => outcome.answeredBy !== "machine").length,
      machines.length,
    ),
    unknown: outcomes.filter((outcome) => outcome.answeredBy === "unknown").length,
    decisionMs: timesOf(outcomes),
    humanDecisionMs: timesOf(humans),
    machineDecisionMs: timesOf(machines),
  };
}
