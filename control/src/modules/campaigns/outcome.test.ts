import { describe, expect, test } from "bun:test";
import { ANALYSIS_WAIT_MS, analysisOutcome, attemptResult, retries } from "./outcome.ts";

const ended = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(ended.getTime() + ms);

describe("attempt outcomes", () => {
  test("a call's status and the detector's verdict make the result", () => {
    expect(
      attemptResult({ status: "completed", answeredAt: ended, endedAt: ended, answeredBy: "human" }),
    ).toBe("answered");
    expect(
      attemptResult({ status: "completed", answeredAt: ended, endedAt: ended, answeredBy: "machine" }),
    ).toBe("machine");
    expect(attemptResult({ status: "busy", answeredAt: null, endedAt: ended })).toBe("busy");
  });

  test("retries only the named results, and only while attempts remain", () => {
    const retry = { on: ["busy" as const], max_attempts: 2, after_minutes: 1 };
    expect(retries(retry, "busy", 1)).toBe(true);
    expect(retries(retry, "busy", 2)).toBe(false);
    expect(retries(retry, "no_answer", 1)).toBe(false);
  });

  test("the analysis field names the outcome once the analysis is done", () => {
    const done = { status: "completed", data: { interest: "not_interested", nested: { a: 1 } } };
    expect(analysisOutcome("interest", done, ended, at(1000))).toBe("not_interested");
    expect(analysisOutcome("missing", done, ended, at(1000))).toBe("answered");
    expect(analysisOutcome("nested", done, ended, at(1000))).toBe("answered");
    expect(analysisOutcome("interest", { status: "failed", data: null }, ended, at(1000))).toBe("answered");
    expect(analysisOutcome("interest", null, ended, at(0))).toBe("answered");
    const pending = { status: "pending", data: null };
    expect(analysisOutcome("interest", pending, ended, at(1000))).toBeNull();
    expect(analysisOutcome("interest", pending, ended, at(ANALYSIS_WAIT_MS))).toBe("answered");
  });
});
