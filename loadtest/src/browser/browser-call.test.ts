// Browser calls end to end: headless Chromium with a fake microphone (flite speech) opens the
// demo page and a page with the widget; WebRTC to the gateway (ICE, DTLS, SRTP); the turn
// pipeline answers through the stand-ins; the page shows the transcript and plays the agent's
// audio; control persists the call with direction web.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readExposition } from "@switchboard/control/src/metrics/testing/exposition";
import type { Harness } from "@switchboard/control/src/testing/harness";
import type { RunningGateway } from "@switchboard/gateway/server";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import type { Browser, Page } from "playwright-core";
import { speechWav } from "./chromium.ts";
import { startWebCallPlatform, type WebCallPlatform } from "./web-call-platform.ts";

const REPLY = "Certainly, a table for two tomorrow evening.";
const GREETING = "Hello, this is the web agent.";

let platform: WebCallPlatform;
let h: Harness;
let gateway: RunningGateway;
let controlUrl: string;
let browser: Browser;
let agentId: string;
const pageServers: ReturnType<typeof Bun.serve>[] = [];

beforeAll(async () => {
  platform = await startWebCallPlatform({
    name: "browser-call",
    script: {
      llm: { firstTokenMs: 30, interTokenMs: 2, rules: [{ match: ".", reply: REPLY }] },
      transcription: {
        texts: ["I would like to book a table for two."],
        delayMs: 20,
        speechRmsThreshold: 100,
      },
    },
    writeCallerWav: (path) =>
      speechWav("I would like to book a table for two people tomorrow evening.", path),
  });
  ({ h, gateway, controlUrl, browser } = platform);
  const created = await h.json<{ id: string }>("POST", "/api/v1/agents", {
    body: {
      name: "Web agent",
      system_prompt: "You take table bookings.",
      first_message: GREETING,
      voice: { provider: "espeak", voice_id: "en-us" },
      llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
      stt: { provider: "openai", model: "whisper-1", language: "en" },
      endpointing: { silence_ms: 400 },
    },
  });
  expect(created.status).toBe(201);
  agentId = created.body.id;
}, 120_000);

afterAll(async () => {
  for (const server of pageServers) server.stop(true);
  await platform?.stop();
});

/** A customer's page on its own loopback origin with the widget's script tag (key from ?key=). */
function servePage(): string {
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch(request) {
      const widgetKey = new URL(request.url).searchParams.get("key") ?? "";
      const html = `<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1>
<script src="${controlUrl}/widget.js" data-agent="${agentId}" data-key="${widgetKey}" data-label="Call us"></script>
</body></html>`;
      return new Response(html, { headers: { "content-type": "text/html" } });
    },
  });
  pageServers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

async function inboundAudio(page: Page): Promise<{ bytes: number; audioLevel: number }> {
  return page.evaluate(async () => {
    const calls = (window as unknown as { Switchboard: { calls: { pc: RTCPeerConnection }[] } }).Switchboard
      .calls;
    const stats = await calls[calls.length - 1]!.pc.getStats();
    let bytes = 0;
    let audioLevel = 0;
    stats.forEach((report: { type: string; kind?: string; bytesReceived?: number; audioLevel?: number }) => {
      if (report.type === "inbound-rtp" && report.kind === "audio") {
        bytes = report.bytesReceived ?? 0;
        audioLevel = Math.max(audioLevel, report.audioLevel ?? 0);
      }
    });
    return { bytes, audioLevel };
  });
}

function waitForAudioLevel(page: Page): Promise<{ bytes: number; audioLevel: number }> {
  return waitFor(
    "audible audio at the page",
    async () => {
      const audio = await inboundAudio(page);
      return audio.bytes > 2000 && audio.audioLevel > 0.001 && audio;
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  );
}

describe("browser calls in headless Chromium", () => {
  test("demo page: pick an agent, talk, see the reply, hear audio, hang up; GET /calls lists it as web", async () => {
    const scrape = async () => readExposition(await (await fetch(`${gateway.url}/metrics`)).text());
    const metricsBefore = await scrape();
    const page = await browser.newPage();
    await page.goto(`${controlUrl}/demo`);
    await page.fill("#api-key", h.ownerKey);
    await page.click("#load");
    await page.waitForSelector(`#agent option[value="${agentId}"]`, { state: "attached" });
    await page.click("#call");
    await page.waitForFunction(() => document.querySelector("#status")?.textContent === "Connected.", null, {
      timeout: 30_000,
    });
    await page.waitForSelector(`#transcript .turn.agent:has-text("${GREETING}")`, { timeout: 30_000 });
    await page.waitForSelector("#transcript .turn.user", { timeout: 45_000 });
    await page.waitForSelector(`#transcript .turn.agent:has-text("Certainly")`, { timeout: 45_000 });
    const audio = await waitForAudioLevel(page);
    expect(audio.bytes).toBeGreaterThan(2000);
    expect(audio.audioLevel).toBeGreaterThan(0.001);
    const callId = await page.evaluate(
      () =>
        (window as unknown as { Switchboard: { calls: { callId: string }[] } }).Switchboard.calls[0]!.callId,
    );
    await page.click("#hangup");
    await page.waitForFunction(() => document.querySelector("#status")?.textContent === "You hung up.");
    await page.close();

    type Listed = { id: string; direction: string; status: string };
    const listed = await waitFor(
      "the call listed as completed",
      async () => {
        const list = await h.json<{ data: Listed[] }>("GET", "/api/v1/calls?limit=50");
        const calls = list.body.data ?? [];
        return calls.some((call) => call.id === callId && call.status === "completed") && calls;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(listed.find((call) => call.id === callId)).toMatchObject({
      direction: "web",
      status: "completed",
    });
    const detail = await h.json<{ transcript: { role: string; text: string }[] }>(
      "GET",
      `/api/v1/calls/${callId}`,
    );
    expect(
      detail.body.transcript.some((turn) => turn.role === "agent" && turn.text.includes("web agent")),
    ).toBe(true);
    // The gateway's /metrics counted the browser call (it parses as Prometheus text).
    const metrics = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      metrics.value(name, labels) - metricsBefore.value(name, labels);
    expect(moved("switchboard_calls_total", { direction: "web", status: "completed" })).toBe(1);
    expect(moved("switchboard_call_setup_seconds_count", { direction: "web" })).toBe(1);
    expect(metrics.value("switchboard_calls_active", { direction: "web", transport: "webrtc" })).toBe(0);
    expect(moved("switchboard_turn_stage_seconds_count", { stage: "llm_first_token" })).toBeGreaterThan(0);
  }, 150_000);

  test("widget on a customer's page: the call button connects and shows the transcript", async () => {
    const pageOrigin = servePage();
    const created = await h.json<{ key: string }>("POST", "/api/v1/widget-keys", {
      body: { name: "Shop", agent_ids: [agentId], allowed_origins: [pageOrigin] },
    });
    expect(created.status).toBe(201);
    const page = await browser.newPage();
    await page.goto(`${pageOrigin}/?key=${created.body.key}`);
    await page.click("[data-switchboard-widget] .call");
    await page.waitForSelector(`[data-switchboard-widget] .turn.agent:has-text("${GREETING}")`, {
      timeout: 30_000,
    });
    expect(await page.textContent("[data-switchboard-widget] .status")).toBe("Connected.");
    const audio = await waitForAudioLevel(page);
    expect(audio.bytes).toBeGreaterThan(2000);
    await page.click("[data-switchboard-widget] .mute");
    expect(await page.textContent("[data-switchboard-widget] .mute")).toBe("Unmute");
    await page.click("[data-switchboard-widget] .hangup");
    await page.waitForFunction(
      () =>
        document.querySelector("[data-switchboard-widget]")?.shadowRoot?.querySelector(".status")
          ?.textContent === "You hung up.",
    );
    await page.close();
  }, 120_000);

  test("widget on a refused origin and with the microphone refused shows a clear message", async () => {
    const created = await h.json<{ key: string }>("POST", "/api/v1/widget-keys", {
      body: { name: "Elsewhere", agent_ids: [agentId], allowed_origins: ["https://shop.example.com"] },
    });
    const page = await browser.newPage();
    await page.goto(`${servePage()}/?key=${created.body.key}`);
    await page.click("[data-switchboard-widget] .call");
    await page.waitForSelector("[data-switchboard-widget] .status.error");
    expect(await page.textContent("[data-switchboard-widget] .status")).toBe(
      "This page's origin may not use this widget key.",
    );
    await page.close();

    const denied = await browser.newPage();
    // The browser's own refusal, as getUserMedia reports it when the user blocks the microphone.
    await denied.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    await denied.goto(`${servePage()}/?key=${created.body.key}`);
    await denied.click("[data-switchboard-widget] .call");
    await denied.waitForSelector("[data-switchboard-widget] .status.error");
    expect(await denied.textContent("[data-switchboard-widget] .status")).toContain(
      "Microphone access was refused",
    );
    await denied.close();
  }, 60_000);
});
