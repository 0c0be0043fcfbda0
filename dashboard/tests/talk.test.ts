// "Talk to this agent" from the dashboard, and the call it leaves: a signed-in owner opens the
// agents view in headless Chromium (fake microphone playing flite speech) and places a browser
// call through the widget's client to a real gateway; the turn pipeline answers through the
// loopback stand-ins and the panel shows the live transcript. Then the call's page plays the
// recording with the transcript following it and lists the call's webhook deliveries, and the
// analytics view counts the call. The platform runs in this process
// (loadtest/src/browser/web-call-platform.ts, as the loadtest browser-call tests use it).
import { afterAll, beforeAll, expect, test } from "bun:test";
import { linkUrl } from "../../control/src/modules/users/links.ts";
import { ownerSetupLink } from "../../control/src/modules/users/service.ts";
import { VoiceSampleResponder } from "../../gateway/src/voice-sample/responder.ts";
import { speechWav } from "../../loadtest/src/browser/chromium.ts";
import { startWebCallPlatform, type WebCallPlatform } from "../../loadtest/src/browser/web-call-platform.ts";
import { loadConfig } from "../../shared/src/config.ts";
import { createLogger } from "../../shared/src/logger.ts";
import { waitFor } from "../../shared/src/testing/wait-for.ts";
import { accessibilityProblems, screenshot, screenshotsDir } from "./support.ts";

const GREETING = "Hello, this is the front desk.";
const REPLY = "Certainly, a table for two tomorrow evening.";

let platform: WebCallPlatform;
/** The gateway's answer to the agent form's Play sample, on the platform's bus. */
let voiceSamples: VoiceSampleResponder;
let receiver: ReturnType<typeof Bun.serve>;
const foreign: string[] = [];

interface CallRecord {
  id: string;
  direction: string;
  status: string;
  recording_url: string | null;
  transcript: Array<{ role: string; text: string }>;
}

beforeAll(async () => {
  platform = await startWebCallPlatform({
    name: "dashboard-talk",
    script: {
      llm: { firstTokenMs: 30, interTokenMs: 2, rules: [{ match: ".", reply: REPLY }] },
      transcription: {
        texts: ["I would like to book a table for two."],
        delayMs: 20,
        speechRmsThreshold: 100,
      },
    },
    writeCallerWav: (path) =>
      speechWav("I would like to book a table for two people tomorrow evening.", path, 4, 8),
  });
  const { h } = platform;
  voiceSamples = new VoiceSampleResponder({
    bus: platform.bus,
    config: loadConfig({ DATA_DIR: platform.dir }),
    log: createLogger("silent"),
  });
  await voiceSamples.start();
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
  // The customer's webhook receiver: the call's events are delivered to it.
  receiver = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("ok") });
  const hook = await h.json("POST", "/api/v1/webhooks", {
    body: { url: `http://127.0.0.1:${receiver.port}/hooks` },
  });
  expect(hook.status).toBe(201);
}, 120_000);

afterAll(async () => {
  receiver?.stop(true);
  await voiceSamples?.stop();
  await platform?.stop();
});

test("Talk to this agent: the call connects from the agents view and the transcript follows it live; the call page and analytics show it after", async () => {
  const { h, browser, controlUrl: origin, gateway } = platform;
  const screenshots = screenshotsDir(platform.dir);
  const context = await browser.newContext();
  const allowed = new Set([origin, new URL(gateway.url).origin]);
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && !allowed.has(new URL(url).origin))
      foreign.push(url);
  });
  const page = await context.newPage();
  const { token } = await ownerSetupLink(h.ctx.db, h.orgId);
  await page.goto(linkUrl(origin, token));
  await page.getByLabel("Email").fill(`${crypto.randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel("New password").fill("owner password 1");
  await page.getByRole("button", { name: "Save and sign in" }).click();

  // The agent form's Play sample: the gateway speaks with the saved voice and the page plays it.
  await page.getByRole("button", { name: "Edit Front desk" }).click();
  await page.getByText("Providers, turn-taking, tools, knowledge and analysis").click();
  await page.getByRole("button", { name: "Play sample" }).click();
  const sample = page.getByTestId("voice-sample-audio");
  await sample.waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () => {
      const audio = document.querySelector("[data-testid=voice-sample-audio]") as HTMLAudioElement | null;
      return audio !== null && audio.readyState >= 1 && audio.duration > 0.5;
    },
    undefined,
    { timeout: 15_000 },
  );
  expect(await sample.getAttribute("src")).toStartWith("blob:");
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Talk to Front desk" }).click();

  const transcript = page.getByRole("list", { name: "Live transcript" });
  await transcript.getByText(GREETING).waitFor({ timeout: 30_000 });
  await page.getByTestId("call-status").getByText("Connected.").waitFor();
  await transcript.locator("li.user").first().waitFor({ timeout: 45_000 });
  await transcript.getByText("Certainly").waitFor({ timeout: 45_000 });
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, screenshots, "talk");
  await page.getByRole("button", { name: "Hang up" }).click();

  // The call is a web call of the org; once ended, its recording is on record.
  const call = await waitFor(
    "the web call ended with its recording",
    async () => {
      const list = await h.json<{ data: CallRecord[] }>("GET", "/api/v1/calls");
      const web = list.body.data.find((c) => c.direction === "web");
      if (web?.status !== "completed" || !web.recording_url) return null;
      return (await h.json<CallRecord>("GET", `/api/v1/calls/${web.id}`)).body;
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
  expect(call.transcript.map((turn) => turn.role)).toContain("user");

  // The calls list filtered by the agent lists it; the call's page opens from there.
  await page.goto(`${origin}/#/calls`);
  await page.getByLabel("Agent").selectOption({ label: "Front desk" });
  await page.getByLabel("Status").selectOption("completed");
  await page.getByRole("link", { name: /\d/ }).first().waitFor();
  expect(await page.locator("table tbody tr").count()).toBe(1);
  // A browser call has no phone numbers: filtering by one leaves nothing, clearing it brings the call back.
  const numberFilter = page.getByLabel("Number");
  await numberFilter.fill("+14155550142");
  await numberFilter.press("Enter");
  await page.getByText("No calls match.").waitFor();
  await numberFilter.fill("");
  await numberFilter.press("Enter");
  await page.getByRole("link", { name: /\d/ }).first().waitFor();
  expect(await page.locator("table tbody tr").count()).toBe(1);
  await page.getByRole("link", { name: /\d/ }).first().click();
  // The call's page: the recording plays from a turn, and that turn is marked as heard.
  expect(page.url()).toEndWith(`#/calls/${call.id}`);
  const turns = page.getByRole("list", { name: "Transcript" }).locator(":scope > li");
  await turns.first().waitFor();
  const audio = page.getByLabel("Recording");
  await audio.waitFor();
  const replyIndex = call.transcript.findIndex(
    (turn) => turn.role === "agent" && turn.text.startsWith("Certainly"),
  );
  expect(replyIndex).toBeGreaterThan(0);
  await turns
    .nth(replyIndex)
    .getByRole("button", { name: /^Play from / })
    .click();
  await turns.nth(replyIndex).and(page.locator("[aria-current=true]")).waitFor();
  const startedAt = await audio.evaluate((element) => (element as HTMLAudioElement).currentTime);
  expect(startedAt).toBeGreaterThan(0);
  // The audio really plays: its clock moves on from the turn's start.
  await page.waitForFunction(
    (from) => (document.querySelector("audio") as HTMLAudioElement).currentTime > from + 0.2,
    startedAt,
    { timeout: 15_000 },
  );
  await audio.evaluate((element) => (element as HTMLAudioElement).pause());

  // The call's webhook deliveries: call.started and call.ended went to the receiver's endpoint.
  const deliveries = page.getByRole("table", { name: "Webhook deliveries of this call" });
  await deliveries.getByRole("cell", { name: "call.ended", exact: true }).waitFor();
  await deliveries.getByRole("cell", { name: "call.started", exact: true }).waitFor();
  expect(await deliveries.textContent()).toContain(`http://127.0.0.1:${receiver.port}/hooks`);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, screenshots, "call");

  // Analytics counts the call, with charts.
  await page.getByRole("link", { name: "Analytics" }).click();
  await page.getByTestId("total-calls").getByText("1", { exact: true }).waitFor();
  await page.getByText("Calls and minutes per day").waitFor();
  expect(await page.locator(".chart canvas").count()).toBe(3);
  await page.waitForLoadState("networkidle");
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, screenshots, "analytics");

  expect(foreign).toEqual([]);
  await context.close();
}, 180_000);
