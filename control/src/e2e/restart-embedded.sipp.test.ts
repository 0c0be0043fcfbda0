// The embedded default restarted: a number and an agent set up through the API, the process
// stopped (SIGTERM, then SIGKILL), started again on the same DATA_DIR, and called at once:
// the agent answers. Only PGlite persists; the in-process bus starts empty, so this holds
// only because control rebuilds the bus from the database before it serves.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiClient, INBOUND_NUMBER, provisionInbound, startWebhookReceiver } from "./support/acceptance.ts";
import { callOnce, completedInboundCalls, expectGreetedCall } from "./support/call-outcome.ts";
import { type EmbeddedPlatform, startEmbeddedPlatform } from "./support/embedded-platform.ts";
import { type RunningProcess, scripts, standInUrlsOf, startProcess } from "./support/processes.ts";

const GREETING = "Hello.";

let dir: string;
let standIns: RunningProcess;
let env: Record<string, string>;
let platform: EmbeddedPlatform;
/** The first start's owner key: later starts keep the database, and with it that key. */
let apiKey: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "restart-embedded-"));
  standIns = await startProcess(scripts.standIns, {}, /ELEVENLABS_BASE_URL=\S+/);
  env = {
    NUMBER_INVENTORY: INBOUND_NUMBER,
    ALLOW_PRIVATE_URLS: "true",
    OPENAI_API_KEY: "sk-stand-in",
    ...standInUrlsOf(standIns.output()),
  };
  platform = await startEmbeddedPlatform(dir, env);
  apiKey = platform.apiKey;
  const receiver = startWebhookReceiver();
  await provisionInbound(platform.api, receiver.url);
  receiver.stop();
}, 120_000);

afterAll(async () => {
  for (const process of [platform?.process, standIns]) await process?.stop().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function restartAndCall(stop: (process: RunningProcess) => Promise<void>) {
  await stop(platform.process);
  expect(platform.process.proc.exitCode !== null || platform.process.proc.signalCode !== null).toBe(true);
  platform = await startEmbeddedPlatform(dir, env);
  const api = new ApiClient(platform.api.baseUrl, apiKey);
  const before = await completedInboundCalls(api);
  // At once: no edit, no wait.
  const outcome = await callOnce(dir, platform.sipPort);
  expect(outcome).toMatchObject({ answered: true });
  await expectGreetedCall(api, GREETING, before);
}

test("stopped with SIGTERM and started again: the first call is answered by the agent", async () => {
  await restartAndCall((process) => process.stop());
}, 120_000);

test("killed with SIGKILL and started again: the first call is answered by the agent", async () => {
  await restartAndCall((process) => process.kill());
}, 120_000);
