import { describe, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { centsPerMinuteFor, durationCap } from "./duration-cap.ts";

describe("call duration cap", () => {
  test("the agent's maximum applies when the balance pays for more", () => {
    expect(durationCap(600, 10_000, 3)).toEqual({ seconds: 600, cause: "max_duration" });
  });

  test("the balance caps the call at what it pays for, per second", () => {
    // 50 cents at 3 cents a minute pay for 1000 s.
    expect(durationCap(1800, 50, 3)).toEqual({ seconds: 1000, cause: "credits_exhausted" });
    expect(durationCap(0, 7, 5)).toEqual({ seconds: 84, cause: "credits_exhausted" });
  });

  test("an unknown balance or a free rate caps nothing beyond the agent", () => {
    expect(durationCap(900, null, 3)).toEqual({ seconds: 900, cause: "max_duration" });
    expect(durationCap(0, 10, 0)).toEqual({ seconds: null, cause: "max_duration" });
  });

  test("each direction bills at its own rate", () => {
    const config = loadConfig({
      INBOUND_CENTS_PER_MINUTE: "3",
      OUTBOUND_CENTS_PER_MINUTE: "5",
      WEB_CENTS_PER_MINUTE: "2",
    });
    expect(centsPerMinuteFor(config, "inbound")).toBe(3);
    expect(centsPerMinuteFor(config, "outbound")).toBe(5);
    expect(centsPerMinuteFor(config, "web")).toBe(2);
  });
});
