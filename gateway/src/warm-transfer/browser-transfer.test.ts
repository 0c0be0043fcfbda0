// A browser call (WHIP, a werift client) is warm-transferred to a phone: the gateway's SIP side
// dials a SIPp "human" who accepts with keypad 1, and the human's tone reaches the browser
// through the bridge. The browser presses a key (data channel) to ask for the transfer.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { startSippServer } from "@switchboard/stand-ins/testing/sipp";
import { testAgent } from "../calls/testing/test-gateway.ts";
import { type BrowserCall, startBrowserCall } from "../webrtc/testing/browser-call.ts";
import { startWebCallGateway, type WebCallGateway } from "../webrtc/testing/web-call-gateway.ts";
import { humanScenario } from "./testing/scenarios.ts";

const ORG = "org_web_transfer";

let dir: string;
let standIns: StandIns;
let web: WebCallGateway | null = null;
let browser: BrowserCall | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sb-web-transfer-"));
  standIns = startStandIns({
    llm: {
      firstTokenMs: 20,
      interTokenMs: 2,
      rules: [
        { match: "Transcript of the call", reply: "A web visitor wants a person." },
        { match: ".", reply: "Connecting you.", toolCalls: [{ name: "warm_transfer", arguments: {} }] },
      ],
    },
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await standIns?.stop();
  await rm(dir, { recursive: true, force: true });
});

test("a browser call is bridged to a phone that accepts with 1", async () => {
  const toneFile = join(dir, "tone.ulaw");
  const sox = ["sox", "-n", "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", toneFile];
  expect(Bun.spawnSync([...sox, "synth", "4", "sine", "1000", "vol", "0.4"]).exitCode).toBe(0);
  const human = await startSippServer({
    scenario: humanScenario(dir, "uas-human-accepts-browser-call", {
      digit: "1",
      digitAtMs: 2000,
      toneFile,
      toneAtMs: 2500,
    }),
    timeoutS: 40,
  });
  const agent = testAgent({
    id: "agt_web_transfer",
    org_id: ORG,
    first_message: "",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
    voice: { provider: "espeak", voice_id: "en-us" },
    tools: [
      { type: "warm_transfer", target: `sip:+14155550123@127.0.0.1:${human.port}`, timeout_ms: 15_000 },
    ],
  });
  web = await startWebCallGateway({
    agent,
    dataDir: dir,
    openaiBaseUrl: standIns.urls.openai,
    env: { PUBLIC_IP: "127.0.0.1", RTP_PORT_MIN: "0", RTP_PORT_MAX: "1", ALLOW_PRIVATE_URLS: "true" },
  });
  const call = await startBrowserCall(
    { url: web.gateway.url, config: web.config },
    { orgId: ORG, agentId: agent.id },
  );
  browser = call;
  await call.waitForMessage("call.started");
  await call.sendSilence(5);
  // The visitor presses a key on the page: a turn for the model, which transfers.
  call.send({ type: "dtmf", digit: "0" });

  const published = web;
  const transfer = await waitFor(
    "the transfer's outcome",
    async () => (await published.readCallEvents()).find((event) => event.type === "call.transfer"),
    { timeoutMs: 20_000 },
  );
  expect(transfer).toMatchObject({ call_id: call.callId, ok: true, status: 200, reason: "accepted" });
  const acceptedAtMs = Date.now();
  // The human's four seconds of tone reach the browser through the bridge.
  await waitFor(
    "the human's tone in the browser",
    () => call.soundAtMs.filter((at) => at >= acceptedAtMs).length > 100,
    { timeoutMs: 10_000 },
  );

  call.send({ type: "hangup" });
  const result = await human.done;
  expect(result.errors).toBe("");
  expect(result.exitCode).toBe(0);
}, 90_000);
