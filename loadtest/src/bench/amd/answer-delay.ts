// How long a person waits after their greeting for the agent to speak, with the early answer
// (the agent starts when the detector finds the callee answerable) against waiting for the
// verdict; and the machines the early answer talked to before their verdict caught them.
import type { AmdVerdict } from "@switchboard/gateway/amd/detector";

export interface AnswerTiming {
  truth: "human" | "machine";
  verdict: AmdVerdict;
  answerableAtMs: number | null;
  /** Where each of the callee's sentences ends, from the answer. */
  speechEndsMs: number[];
}

interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export interface AnswerDelays {
  /** People answered as people: from the end of what they had said to the agent's start. */
  humans: number;
  atVerdict: Spread;
  early: Spread;
  /** People the early answer reached before the verdict. */
  answeredBeforeVerdict: number;
  /** Machines the agent began talking to before their machine verdict. */
  machinesAnsweredEarly: number;
  /** Of those, the ones the verdict still called machines (hung up, or given the message). */
  machinesAnsweredEarlyCaught: number;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p95: at(95), max: sorted.at(-1) ?? 0 };
}

export function answerDelays(timings: AnswerTiming[]): AnswerDelays {
  const people = timings.filter((one) => one.truth === "human" && one.verdict.answeredBy !== "machine");
  const startOf = (one: AnswerTiming) => Math.min(one.answerableAtMs ?? Infinity, one.verdict.decisionMs);
  const machinesEarly = timings.filter(
    (one) =>
      one.truth === "machine" && one.answerableAtMs !== null && one.answerableAtMs < one.verdict.decisionMs,
  );
  // From the end of the sentence the agent answers: the last one that ended before it started.
  const delay = (one: AnswerTiming, startMs: number) =>
    startMs - Math.max(0, ...one.speechEndsMs.filter((endMs) => endMs <= startMs));
  return {
    humans: people.length,
    atVerdict: spread(people.map((one) => delay(one, one.verdict.decisionMs))),
    early: spread(people.map((one) => delay(one, startOf(one)))),
    answeredBeforeVerdict: people.filter((one) => startOf(one) < one.verdict.decisionMs).length,
    machinesAnsweredEarly: machinesEarly.length,
    machinesAnsweredEarlyCaught: machinesEarly.filter((one) => one.verdict.answeredBy === "machine").length,
  };
}
