// At the agent's max_duration_s a browser caller (WHIP, a werift client) hears the goodbye,
// then the call ends: the call's end (call-core/call-end.ts) has the turn pipeline say it
// instead of the web call's timer cutting the call. The pipeline speaks with espeak-ng, its
// other providers are the stand-ins.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { MAX_DURATION_GOODBYE } from "../call-core/call-end.ts";
import { testAgent } from "../calls/testing/test-gateway.ts";
import { type BrowserCall, startBrowserCall } from "./testing/browser-call.ts";
import { startWebCallGateway, type WebCallGateway } from "./testing/web-call-gateway.ts";

const ORG = "org_web_max_duration";
const MAX_DURATION_S = 2;

const agent = testAgent({
  id: "agt_web_max_duration",
  org_id: ORG,
  first_message: "Hello.",
  max_duration_s: MAX_DURATION_S,
  stt: { provider: "openai", model: "whisper-1", language: "en" },
  llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
  voice: { provider: "espeak", voice_id: "en-us" },
});

let dataDir: string;
let standIns: StandIns;
let web: WebCallGateway;
let browser: BrowserCall | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sb-web-max-duration-"));
  standIns = startStandIns();
  web = await startWebCallGateway({ agent, dataDir, openaiBaseUrl: standIns.urls.openai });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await standIns?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("max_duration_s over WHIP (werift, turn pipeline)", () => {
  test("a browser call at its maximum duration hears the goodbye before the call ends", async () => {
    browser = await startBrowserCall(
      { url: web.gateway.url, config: web.config },
      { orgId: ORG, agentId: agent.id },
    );
    const startedAtMs = (await browser.waitForMessage("call.started")).atMs;
    await browser.sendSilence(5);

    const ended = await browser.waitForMessage("call.ended", { timeoutMs: 30_000 });
    expect(ended.message).toMatchObject({ status: "completed", hangup_cause: "max_duration" });
    const transcript = browser.messages.filter(({ message }) => message.type === "transcript");
    expect(transcript.map(({ message }) => (message.turn as { text: string }).text)).toEqual([
      "Hello.",
      MAX_DURATION_GOODBYE,
    ]);
    // Reported once its last sample was sent, before the call ended.
    const goodbye = transcript[1]!;
    expect(goodbye.message.turn).toMatchObject({ role: "agent", interrupted: false });
    expect(goodbye.atMs).toBeLessThanOrEqual(ended.atMs);
    // The browser received the goodbye's sound after the cap, for longer than a second.
    const capAtMs = startedAtMs + MAX_DURATION_S * 1000;
    const afterCap = browser.soundAtMs.filter((atMs) => atMs >= capAtMs);
    expect(afterCap.length).toBeGreaterThan(50);
    expect(afterCap.at(-1)! - afterCap[0]!).toBeGreaterThan(1000);

    const events = await waitFor("the call's recording event on the bus", async () => {
      const published = await web.readCallEvents();
      return published.some((event) => event.type === "call.recording") && published;
    });
    expect(events.map((event) => event.type)).toEqual([
      "call.started",
      "call.turn",
      "call.turn",
      "call.ended",
      "call.recording",
    ]);
    expect(events[2]).toMatchObject({ type: "call.turn", turn: { text: MAX_DURATION_GOODBYE } });
    expect(events[3]).toMatchObject({ status: "completed", hangup_cause: "max_duration" });
  }, 60_000);
});
