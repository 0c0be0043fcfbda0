import { describe, expect, test } from "bun:test";
import { FloodGuard, isScannerUserAgent } from "./security.ts";

describe("front-door security", () => {
  test("scanner user agents are recognised", () => {
    expect(isScannerUserAgent("friendly-scanner")).toBe(true);
    expect(isScannerUserAgent("sipvicious 0.3")).toBe(true);
    expect(isScannerUserAgent("sipcli/v1.8")).toBe(true);
    expect(isScannerUserAgent("Twilio Gateway")).toBe(false);
    expect(isScannerUserAgent(null)).toBe(false);
  });

  test("16 requests in a window pass, the 17th bans until the ban expires", () => {
    let nowMs = 1_000_000;
    const guard = new FloodGuard({ maxRequests: 16, windowMs: 2000, banMs: 300_000 }, () => nowMs);
    for (let i = 0; i < 16; i++) expect(guard.hit("203.0.113.9")).toBe(false);
    expect(guard.hit("203.0.113.9")).toBe(true);
    expect(guard.hit("203.0.113.10")).toBe(false);
    nowMs += 299_000;
    expect(guard.isBanned("203.0.113.9")).toBe(true);
    nowMs += 2_000;
    expect(guard.isBanned("203.0.113.9")).toBe(false);
    expect(guard.hit("203.0.113.9")).toBe(false);
  });

  test("a new window resets the count", () => {
    let nowMs = 0;
    const guard = new FloodGuard({ maxRequests: 3, windowMs: 1000, banMs: 10_000 }, () => nowMs);
    for (let i = 0; i < 3; i++) guard.hit("a");
    nowMs = 1500;
    for (let i = 0; i < 3; i++) expect(guard.hit("a")).toBe(false);
  });
});
