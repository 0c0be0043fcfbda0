// "Talk to this agent" from the dashboard: a signed-in owner opens the agents view in headless
// Chromium (fake microphone playing flite speech) and places a browser call through the
// widget's client to a real gateway; the turn pipeline answers through the loopback stand-ins
// and the panel shows the live transcript. Control is served over HTTP in this process (one
// process for the file, as in loadtest/src/browser/browser-call.test.ts).
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCallsBackground } from "../../control/src/modules/calls/background.ts";
import { linkUrl } from "../../control/src/modules/users/links.ts";
import { ownerSetupLink } from "../../control/src/modules/users/service.ts";
import { createHarness, type Harness } from "../../control/src/testing/harness.ts";
import { createAgentApplication } from "../../gateway/src/pipeline/create.ts";
import { type RunningGateway, startGateway } from "../../gateway/src/server.ts";
import { launchChromium, speechWav } from "../../loadtest/src/browser/chromium.ts";
import { type StandIns, startStandIns } from "../../loadtest/stand-ins/src/index.ts";
import { MemoryBus } from "../../shared/src/bus/memory.ts";
import { loadConfig } from "../../shared/src/config.ts";
import { createLogger } from "../../shared/src/logger.ts";
import { accessibilityProblems, screenshot, screenshotsDir } from "./support.ts";

const SECRET = "dashboard-talk-test-web-call-secret-0123";
const GREETING = "Hello, this is the front desk.";
const REPLY = "Certainly, a table for two tomorrow evening.";

let dir: string;
let standIns: StandIns;
let bus: MemoryBus;
let h: Harness;
let gateway: RunningGateway;
let callsBackground: ReturnType<typeof startCallsBackground>;
let control: ReturnType<typeof Bun.serve>;
let origin: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
const foreign: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dashboard-talk-"));
  const wav = join(dir, "caller.wav");
  speechWav("I would like to book a table for two people tomorrow evening.", wav, 4, 8);
  standIns = startStandIns({
    llm: { firstTokenMs: 30, interTokenMs: 2, rules: [{ match: ".", reply: REPLY }] },
    transcription: { texts: ["I would like to book a table for two."], delayMs: 20, speechRmsThreshold: 100 },
  });
  bus = new MemoryBus();
  const config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    WEB_CALL_SECRET: SECRET,
    DATA_DIR: dir,
    OPENAI_BASE_URL: standIns.urls.openai,
  });
  const log = createLogger("silent");
  gateway = await startGateway({
    config,
    log,
    bus,
    application: await createAgentApplication({ config, log }),
    webrtcHostAddresses: ["127.0.0.1"],
  });
  h = await createHarness({
    bus,
    config: { webCallSecret: SECRET, dataDir: dir, gatewayPublicUrl: gateway.url },
  });
  callsBackground = startCallsBackground(h.ctx);
  control = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: (request) => h.app.handle(request) });
  origin = `http://127.0.0.1:${control.port}`;
  const created = await h.json("POST", "/api/v1/agents", {
    body: {
      name: "Front desk",
      system_prompt: "You take table bookings.",
      first_message: GREETING,
      voice: { provider: "espeak", voice_id: "en-us" },
      llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
      stt: { provider: "openai", model: "whisper-1", language: "en" },
      endpointing: { silence_ms: 400 },
    },
  });
  expect(created.status).toBe(201);
  browser = await launchChromium(wav);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  control?.stop(true);
  await callsBackground?.stop();
  await gateway?.stop();
  await h?.close();
  await standIns?.stop();
  await bus?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("Talk to this agent: the call connects from the agents view and the transcript follows it live", async () => {
  const context = await browser.newContext();
  const platform = new Set([origin, new URL(gateway.url).origin]);
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && !platform.has(new URL(url).origin))
      foreign.push(url);
  });
  const page = await context.newPage();
  const { token } = await ownerSetupLink(h.ctx.db, h.orgId);
  await page.goto(linkUrl(origin, token));
  await page.getByLabel("Email").fill(`${crypto.randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel("New password").fill("owner password 1");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await page.getByRole("button", { name: "Talk to Front desk" }).click();

  const transcript = page.getByRole("list", { name: "Live transcript" });
  await transcript.getByText(GREETING).waitFor({ timeout: 30_000 });
  await page.getByTestId("call-status").getByText("Connected.").waitFor();
  await transcript.locator("li.user").first().waitFor({ timeout: 45_000 });
  await transcript.getByText("Certainly").waitFor({ timeout: 45_000 });
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, screenshotsDir(dir), "talk");
  await page.getByRole("button", { name: "Hang up" }).click();

  // The call is a web call of the org, with the turns the panel showed.
  const calls = await h.json<{ data: Array<{ id: string; direction: string }> }>("GET", "/api/v1/calls");
  expect(calls.body.data.map((call) => call.direction)).toContain("web");
  expect(foreign).toEqual([]);
  await context.close();
}, 120_000);
