// The inbound acceptance flow on the embedded default: control and gateway in one process
// on PGlite and the in-process bus, the stand-in providers beside it, SIPp as the caller.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ApiClient,
  expectInboundCallEndToEnd,
  INBOUND_NUMBER,
  makeCallerAudio,
  provisionInbound,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./support/acceptance.ts";
import { startEmbeddedPlatform } from "./support/embedded-platform.ts";
import { type RunningProcess, scripts, standInUrlsOf, startProcess } from "./support/processes.ts";

const INBOUND_CENTS_PER_MINUTE = 30;

let dir: string;
let callerAudio: string;
let standIns: RunningProcess;
let platform: RunningProcess;
let api: ApiClient;
let receiver: WebhookReceiver;
let webhookSecret: string;
let sipPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "calls-embedded-"));
  callerAudio = makeCallerAudio(dir);
  receiver = startWebhookReceiver();
  standIns = await startProcess(scripts.standIns, {}, /ELEVENLABS_BASE_URL=\S+/);
  ({
    process: platform,
    api,
    sipPort,
  } = await startEmbeddedPlatform(dir, {
    NUMBER_INVENTORY: INBOUND_NUMBER,
    ALLOW_PRIVATE_URLS: "true",
    INBOUND_CENTS_PER_MINUTE: String(INBOUND_CENTS_PER_MINUTE),
    OPENAI_API_KEY: "sk-stand-in",
    ...standInUrlsOf(standIns.output()),
  }));
  expect(platform.output()).toContain("embedded PGlite");
  ({ webhookSecret } = await provisionInbound(api, receiver.url));
}, 120_000);

afterAll(async () => {
  for (const process of [platform, standIns]) await process?.stop().catch(() => {});
  receiver?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("embedded default: an inbound SIPp call is persisted with transcript, recorded, announced and billed", async () => {
  await expectInboundCallEndToEnd({
    api,
    sipPort,
    dir,
    callerAudio,
    receiver,
    webhookSecret,
    inboundCentsPerMinute: INBOUND_CENTS_PER_MINUTE,
  });
}, 120_000);
