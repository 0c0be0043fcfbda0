// The load generator against a real gateway process and the stand-ins: two SIP calls and one
// WebRTC call connect, hear the greeting, get a reply to each caller turn, and every
// measurement is a number.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { synthesizeUtterances } from "./caller-speech.ts";
import {
  BENCH_NUMBER,
  type BenchEnvironment,
  CALLER_UTTERANCES,
  startBenchEnvironment,
} from "./environment.ts";
import { type LoadReport, runLoad } from "./load.ts";
import { coreShare, sampleProcess } from "./proc-stats.ts";

let environment: BenchEnvironment;

beforeAll(async () => {
  environment = await startBenchEnvironment();
}, 90_000);

afterAll(async () => {
  await environment?.stop();
});

describe("SIP UAC load generator", () => {
  test("two calls connect, each caller turn gets a reply, and the measurements are finite", async () => {
    const utterances = synthesizeUtterances(CALLER_UTTERANCES, 300);
    const before = sampleProcess(environment.gatewayPid);
    const report: LoadReport = await runLoad({
      gateway: environment.gateway,
      calls: 2,
      callsPerSecond: 10,
      plan: {
        number: BENCH_NUMBER,
        utterances,
        turns: 2,
        voicedRms: 300,
        quietMs: 800,
        replyTimeoutMs: 10_000,
      },
    });
    const after = sampleProcess(environment.gatewayPid);

    expect(report.failures).toEqual({});
    expect(report.connected).toBe(2);
    expect(report.missingReplies).toBe(0);
    expect(report.turnLatencyMs.count).toBe(4);
    for (const value of [
      report.setupMs.p50,
      report.greetingMs.p50,
      report.turnLatencyMs.p50,
      report.turnLatencyMs.max,
      report.maxGapMs,
      report.arrivalDeviationMs.p99,
      report.jitterMs.max,
    ]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    // A reply cannot come before the stand-ins' sequential scripted delays have passed.
    const { sttMs, llmFirstTokenMs, ttsFirstByteMs } = environment.delays;
    expect(report.turnLatencyMs.p50).toBeGreaterThan(sttMs + llmFirstTokenMs + ttsFirstByteMs);
    expect(report.packetsReceived).toBeGreaterThan(100);
    // The gateway worked for those calls: its CPU time moved on.
    expect(after.cpuMs).toBeGreaterThan(before.cpuMs);
    expect(after.rssBytes).toBeGreaterThan(0);
    expect(Number.isFinite(coreShare(before, after))).toBe(true);

    // The gateway reported its own stage timings for the same turns.
    const reported: ReturnType<BenchEnvironment["takeGatewayTurns"]> = [];
    const callerTurns = await waitFor("the gateway's reports of the four caller turns", () => {
      reported.push(...environment.takeGatewayTurns());
      const withEndpointing = reported.filter((turn) => turn.endpointing_ms !== null);
      return withEndpointing.length >= 4 && withEndpointing;
    });
    expect(callerTurns.length).toBeGreaterThanOrEqual(4);
  }, 90_000);

  test("a browser-style WebRTC call connects and its caller turn gets a reply", async () => {
    const report = await runLoad({
      gateway: environment.gateway,
      web: environment.web,
      calls: 1,
      callsPerSecond: 1,
      plan: {
        number: BENCH_NUMBER,
        utterances: synthesizeUtterances(CALLER_UTTERANCES.slice(0, 1), 300),
        turns: 1,
        voicedRms: 300,
        quietMs: 800,
        replyTimeoutMs: 10_000,
      },
    });
    expect(report.failures).toEqual({});
    expect(report.connected).toBe(1);
    expect(report.missingReplies).toBe(0);
    expect(report.turnLatencyMs.count).toBe(1);
    expect(Number.isFinite(report.setupMs.p50)).toBe(true);
    expect(Number.isFinite(report.greetingMs.p50)).toBe(true);
    expect(report.packetsReceived).toBeGreaterThan(50);
  }, 90_000);
});
