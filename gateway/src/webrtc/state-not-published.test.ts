// A browser call (WHIP) whose agent is not on the bus: 503 + Retry-After while control has not
// published its state, 404 once it has.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { loadConfig } from "@switchboard/shared/config";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import { signCallToken } from "@switchboard/shared/secrets/call-token";
import { markStatePublished } from "../calls/testing/test-gateway.ts";
import { type RunningGateway, startGateway } from "../server.ts";

const bus = new MemoryBus();
let dataDir: string;
let gateway: RunningGateway;
let config: ReturnType<typeof loadConfig>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sb-webrtc-state-"));
  config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    WEB_CALL_SECRET: "state-test-secret-0123456789abcdef0123",
    DATA_DIR: dataDir,
  });
  gateway = await startGateway({ config, log: createLogger("silent"), bus });
});
afterAll(async () => {
  await gateway?.stop();
  await bus.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function callAgent(agentId: string): Promise<Response> {
  const { token } = await signCallToken(
    config,
    { callId: newId("call"), orgId: "org_state_test", agentId, origin: null, metadata: {} },
    60,
  );
  return fetch(`${gateway.url}/webrtc/calls`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/sdp" },
    body: "v=0\r\n",
  });
}

test("an agent missing before the state is published is a 503 with Retry-After, then a 404", async () => {
  const early = await callAgent("agt_not_yet_published");
  expect(early.status).toBe(503);
  expect(Number(early.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(early.headers.get("access-control-allow-origin")).toBe("*");
  const problem = (await early.json()) as { code: string; detail: string };
  expect(problem.code).toBe("state_not_published");
  expect(problem.detail).toContain("Service state not yet published");

  await markStatePublished(bus);
  const later = await callAgent("agt_not_yet_published");
  expect(later.status).toBe(404);
  expect(((await later.json()) as { code: string }).code).toBe("not_found");
});
