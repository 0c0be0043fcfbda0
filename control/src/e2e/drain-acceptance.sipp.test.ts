// Graceful drain, as an operator sees it: control and gateways as processes on PostgreSQL and
// Redis, SIPp as caller and as a load balancer's probe. SIGTERM on a gateway with a call in
// progress: the call goes on to its end while the gateway refuses new calls (SIP 503, OPTIONS
// 503, WHIP 503, /health draining) and another gateway answers; then it exits 0 on its own.
// With a tiny DRAIN_TIMEOUT_S the remaining call hears the goodbye and gets a BYE.

import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import {
  type ApiClient,
  type Call,
  E2E_WAIT,
  INBOUND_NUMBER,
  makeCallerAudio,
  provisionInbound,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./support/acceptance.ts";
import { type Cluster, startCluster } from "./support/cluster.ts";
import type { RunningProcess } from "./support/processes.ts";

const GOODBYE = "Sorry, this line is closing now. Goodbye.";

type TimedCall = Omit<Call, "transcript"> & {
  transcript: Array<Call["transcript"][number] & { started_at: string }>;
};

let cluster: Cluster;
let dir: string;
let callerAudio: string;
let api: ApiClient;
let receiver: WebhookReceiver;

/** The process's exit code, or a failure if it is still running after `timeoutMs`. */
async function exitCodeOf(process: RunningProcess, timeoutMs: number): Promise<number> {
  const code = await Promise.race([process.proc.exited, Bun.sleep(timeoutMs).then(() => null)]);
  if (code === null) throw new Error(`still running after ${timeoutMs} ms:\n${process.output()}`);
  return code;
}

async function liveInboundCall(): Promise<Call> {
  return waitFor(
    "an inbound call in progress with its greeting",
    async () => {
      const page = await api.request<{ data: Call[] }>("GET", "/calls?direction=inbound&status=in_progress");
      const candidate = page.body.data[0];
      if (!candidate) return null;
      const detail = await api.request<Call>("GET", `/calls/${candidate.id}`);
      return detail.body.transcript.some((turn) => turn.role === "agent") ? detail.body : null;
    },
    E2E_WAIT,
  );
}

beforeAll(async () => {
  // Gateways start in the tests, each drained by its test.
  cluster = await startCluster({
    name: "drain-acceptance",
    // A gateway whose heartbeat stopped while draining would lose its call within this.
    control: { GATEWAY_LOST_AFTER_MS: "2000" },
    gateways: 0,
  });
  ({ dir, api } = cluster);
  callerAudio = makeCallerAudio(dir);
  receiver = startWebhookReceiver();
  await provisionInbound(api, receiver.url);
}, 120_000);

afterAll(async () => {
  receiver?.stop();
  await cluster?.stop();
}, 60_000);

describe("graceful drain on SIGTERM: control and two gateways over Redis and PostgreSQL", () => {
  test("the call in progress goes on to its end; new calls are refused with 503 and the other gateway answers; then the gateway exits 0", async () => {
    const [gatewayA, gatewayB] = await Promise.all([cluster.startGateway(), cluster.startGateway()]);
    const caller = runSipp({
      scenario: speakingCallerScenario(dir, callerAudio, "uac-call-outlives-sigterm", [1500, 7000], 12_000),
      gatewayPort: gatewayA!.sipPort,
      service: INBOUND_NUMBER,
      timeoutS: 30,
    });
    const live = await liveInboundCall();
    const sigtermAtMs = Date.now();
    gatewayA!.proc.kill("SIGTERM");
    await waitFor(
      "gateway A's /health to say draining",
      async () => {
        const health = await fetch(`${gatewayA!.httpUrl}/health`);
        return health.status === 503 && (await health.json()).status === "draining";
      },
      E2E_WAIT,
    );

    const [invite, options, whip, otherGateway] = await Promise.all([
      runSipp({
        scenario: "uac-draining-gateway-expect-503.xml",
        gatewayPort: gatewayA!.sipPort,
        service: INBOUND_NUMBER,
      }),
      runSipp({ scenario: "uac-options-draining-expect-503.xml", gatewayPort: gatewayA!.sipPort }),
      fetch(`${gatewayA!.httpUrl}/webrtc/calls`, {
        method: "POST",
        headers: { authorization: "Bearer any", "content-type": "application/sdp" },
        body: "v=0\r\n",
      }),
      runSipp({
        scenario: speakingCallerScenario(dir, callerAudio, "uac-other-gateway-answers", [1500], 4000),
        gatewayPort: gatewayB!.sipPort,
        service: INBOUND_NUMBER,
        timeoutS: 20,
      }),
    ]);
    expect(gatewayA!.proc.exitCode).toBeNull();
    expect(invite.errors).toBe("");
    expect(invite.exitCode).toBe(0);
    expect(options.errors).toBe("");
    expect(options.exitCode).toBe(0);
    expect(whip.status).toBe(503);
    expect(whip.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await whip.json()).code).toBe("gateway_draining");
    expect(otherGateway.errors).toBe("");
    expect(otherGateway.exitCode).toBe(0);

    const callerResult = await caller;
    expect(callerResult.errors).toBe("");
    expect(callerResult.exitCode).toBe(0);
    expect(await exitCodeOf(gatewayA!, 15_000)).toBe(0);

    const ended = await waitFor(
      "the drained call, completed",
      async () => {
        const detail = await api.request<TimedCall>("GET", `/calls/${live.id}`);
        return detail.body.status === "completed" ? detail.body : null;
      },
      E2E_WAIT,
    );
    expect(ended.hangup_cause).toBe("caller_hangup");
    expect(ended.duration_s!).toBeGreaterThan(10);
    // The conversation went on after the SIGTERM: the caller spoke and the agent answered.
    const afterSigterm = ended.transcript.filter((turn) => Date.parse(turn.started_at) > sigtermAtMs);
    expect(afterSigterm.map((turn) => turn.role)).toEqual(expect.arrayContaining(["user", "agent"]));
    const answeredByB = await api.request<{ data: Call[] }>(
      "GET",
      "/calls?direction=inbound&status=completed",
    );
    expect(answeredByB.body.data.filter((call) => call.id !== live.id)).toHaveLength(1);
  }, 120_000);

  test("after DRAIN_TIMEOUT_S the remaining call hears the goodbye, gets a BYE, and is recorded as gateway_shutdown", async () => {
    const gateway = await cluster.startGateway({
      env: { DRAIN_TIMEOUT_S: "1", DRAIN_GOODBYE_MESSAGE: GOODBYE },
    });
    // The caller sends silence (as a trunk's RTP does) and expects the gateway's BYE.
    const silence = join(dir, "silence.ulaw");
    writeFileSync(silence, Buffer.alloc(8000 * 30, 0xff));
    const caller = runSipp({
      scenario: speakingCallerScenario(dir, silence, "uac-drained-call-expect-goodbye-and-bye", [0], 25_000, {
        gatewayHangsUp: true,
      }),
      gatewayPort: gateway.sipPort,
      service: INBOUND_NUMBER,
      timeoutS: 30,
    });
    const live = await liveInboundCall();
    gateway.proc.kill("SIGTERM");
    const callerResult = await caller;
    expect(callerResult.errors).toBe("");
    expect(callerResult.exitCode).toBe(0);
    expect(await exitCodeOf(gateway, 15_000)).toBe(0);

    const ended = await waitFor(
      "the call ended by the drain",
      async () => {
        const detail = await api.request<Call>("GET", `/calls/${live.id}`);
        return detail.body.status === "completed" ? detail.body : null;
      },
      E2E_WAIT,
    );
    expect(ended.hangup_cause).toBe("gateway_shutdown");
    const agentTurns = ended.transcript.filter((turn) => turn.role === "agent");
    // Heard whole: a goodbye cut short would show the words played and `interrupted: true`.
    expect(agentTurns.at(-1)).toMatchObject({ text: GOODBYE, interrupted: false });
    expect(ended.duration_s!).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
