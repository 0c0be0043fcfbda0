// A browser call to a realtime agent in headless Chromium: the page (a fake microphone that
// says three sentences) calls the gateway over WebRTC (Opus), the agent runs on the OpenAI
// Realtime stand-in at 24 kHz PCM, then on the Gemini Live stand-in. Greeting heard, an utterance answered, the caller talking
// over the long reply (playout stopped, the item truncated to the played duration, the
// transcript cut), end_call, and usage on call.ended.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { markStatePublished } from "@switchboard/gateway/calls/testing/test-gateway";
import { createAgentApplication } from "@switchboard/gateway/pipeline/create";
import { type RunningGateway, startGateway } from "@switchboard/gateway/server";
import { AGENT_DEFAULTS, type Agent } from "@switchboard/shared/agent";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Channels, Hashes } from "@switchboard/shared/bus/topics";
import { type Config, loadConfig } from "@switchboard/shared/config";
import { type CallEvent, Streams, type TranscriptTurn } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import type { RealtimeSettings } from "@switchboard/shared/realtime";
import { signCallToken } from "@switchboard/shared/secrets/call-token";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";

const SECRET = "realtime-browser-test-secret-0123456789";
const ORG = "org_realtime_browser";
const GREETING = "Hello, this is Ada.";
const LONG_REPLY =
  "We have tables at six, seven and eight in the evening, on the terrace or inside, and we can also " +
  "arrange a quiet corner for the two of you if you would like one, with a view of the garden.";

let dir: string;
let wav: string;
let standIns: StandIns;
let bus: MemoryBus;
let gateway: RunningGateway;
let browser: Browser;
let page: ReturnType<typeof Bun.serve>;
let config: Config;
const events: CallEvent[] = [];
let reading = true;
let reader: Promise<void>;

const agent: Agent = {
  ...(AGENT_DEFAULTS as unknown as Agent),
  id: "agt_realtime_browser",
  org_id: ORG,
  name: "Realtime web agent",
  system_prompt: "You take table bookings.",
  first_message: GREETING,
  language: "en",
  tools: [{ type: "end_call" }],
  knowledge: { mode: "none", source_ids: [], top_k: 3 },
  is_active: true,
  metadata: {},
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
};

const PROVIDERS: Array<[string, RealtimeSettings]> = [
  ["OpenAI Realtime", { provider: "openai", model: "gpt-realtime", voice: "marin" }],
  ["Gemini Live", { provider: "gemini", model: "gemini-live-2.5-flash-preview", voice: "Puck" }],
];

/** Three times the same short sentence, at about 3 s, 7.5 s and 12 s (Chromium loops the file). */
function callerWav(path: string): void {
  const speech = `${path}.speech.wav`;
  const first = `${path}.first.wav`;
  const run = (command: string[]) => {
    const result = Bun.spawnSync(command);
    if (result.exitCode !== 0) throw new Error(`${command[0]} failed: ${result.stderr.toString()}`);
  };
  run(["flite", "-voice", "slt", "-t", "A table for two, please.", "-o", speech]);
  run(["sox", speech, first, "pad", "3", "3"]);
  run(["sox", first, speech, `${path}.second.wav`, "pad", "0", "3"]);
  run(["sox", `${path}.second.wav`, speech, path, "pad", "0", "30"]);
}

/** The page: WHIP to the gateway with the call token, the events channel kept on `window`. */
function pageHtml(gatewayUrl: string): string {
  return `<!doctype html><html><body><audio id="agent" autoplay></audio><script>
window.messages = [];
window.start = async () => {
  const pc = new RTCPeerConnection();
  window.pc = pc;
  const mic = await navigator.mediaDevices.getUserMedia({ audio: true });
  for (const track of mic.getTracks()) pc.addTrack(track, mic);
  pc.ontrack = (event) => { document.getElementById("agent").srcObject = event.streams[0] ?? new MediaStream([event.track]); };
  const channel = pc.createDataChannel("events");
  channel.onmessage = (event) => window.messages.push(JSON.parse(event.data));
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    pc.onicegatheringstatechange = () => pc.iceGatheringState === "complete" && resolve();
  });
  const response = await fetch(${JSON.stringify(`${gatewayUrl}/webrtc/calls`)}, {
    method: "POST",
    headers: { authorization: "Bearer " + new URLSearchParams(location.search).get("token"), "content-type": "application/sdp" },
    body: pc.localDescription.sdp,
  });
  if (response.status !== 201) throw new Error("WHIP answered " + response.status);
  await pc.setRemoteDescription({ type: "answer", sdp: await response.text() });
};
window.inbound = async () => {
  let level = 0;
  let bytes = 0;
  (await window.pc.getStats()).forEach((report) => {
    if (report.type === "inbound-rtp" && report.kind === "audio") {
      level = Math.max(level, report.audioLevel ?? 0);
      bytes = report.bytesReceived ?? 0;
    }
  });
  return { level, bytes };
};
</script></body></html>`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "realtime-browser-"));
  wav = join(dir, "caller.wav");
  callerWav(wav);
  standIns = startStandIns({
    realtime: {
      utterances: ["A table for two, please.", "Actually, make it three.", "No, that is all. Goodbye."],
      rules: [
        {
          match: "goodbye",
          reply: "Thank you for calling. Goodbye!",
          toolCalls: [{ name: "end_call", arguments: {} }],
        },
        { match: "three", reply: "Three it is." },
      ],
      defaultReply: LONG_REPLY,
      firstAudioMs: 150,
      transcriptionDelayMs: 50,
      silenceDurationMs: 400,
      speechRmsThreshold: 300,
    },
  });
  bus = new MemoryBus();
  await markStatePublished(bus);
  config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    WEB_CALL_SECRET: SECRET,
    DATA_DIR: dir,
    OPENAI_BASE_URL: standIns.urls.openai,
    GEMINI_BASE_URL: standIns.urls.gemini,
  });
  const log = createLogger("silent");
  gateway = await startGateway({
    config,
    log,
    bus,
    application: await createAgentApplication({ config, log }),
    webrtcHostAddresses: ["127.0.0.1"],
  });
  await bus.ensureGroup(Streams.callEvents, "test");
  reader = (async () => {
    while (reading) {
      const entries = await bus.readGroup(Streams.callEvents, "test", "t", { count: 100, blockMs: 100 });
      for (const entry of entries) events.push(JSON.parse(entry.data) as CallEvent);
    }
  })();
  page = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch: () => new Response(pageHtml(gateway.url), { headers: { "content-type": "text/html" } }),
  });
  browser = await launchChromium(wav);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  page?.stop(true);
  await gateway?.stop({ drainTimeoutMs: 0 });
  reading = false;
  await reader;
  await standIns?.stop();
  await bus?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(PROVIDERS)(
  "a browser call to a realtime agent (headless Chromium, %s stand-in)",
  (_name, settings) => {
    test("greeting heard, a reply cut by the caller and truncated to what played, end_call, usage", async () => {
      await bus.hashSet(Hashes.agentSnapshots, agent.id, JSON.stringify({ ...agent, realtime: settings }));
      await bus.publish(Channels.agentInvalidated, agent.id);
      const log = settings.provider === "openai" ? standIns.realtime.openai : standIns.realtime.gemini;
      log.reset();
      const before = events.length;
      const callId = newId("call");
      const signed = await signCallToken(
        config,
        { callId, orgId: ORG, agentId: agent.id, origin: null, metadata: {} },
        120,
      );
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${page.port}/?token=${signed.token}`);
      await tab.evaluate(() => (window as unknown as { start(): Promise<void> }).start());
      const heard = await waitFor(
        "audible agent audio at the page",
        async () => {
          const inbound = await tab.evaluate(() =>
            (window as unknown as { inbound(): Promise<{ level: number; bytes: number }> }).inbound(),
          );
          return inbound.bytes > 2000 && inbound.level > 0.001 && inbound;
        },
        { timeoutMs: 20_000, intervalMs: 100 },
      );
      expect(heard.level).toBeGreaterThan(0.001);
      type PageMessage = { type: string; turn?: TranscriptTurn; hangup_cause?: string };
      const messages = () => tab.evaluate(() => (window as unknown as { messages: PageMessage[] }).messages);
      const ended = await waitFor(
        "call.ended at the page",
        async () => (await messages()).find((message) => message.type === "call.ended"),
        { timeoutMs: 45_000, intervalMs: 200 },
      );
      expect(ended.hangup_cause).toBe("agent_end_call");
      const turns = (await messages()).flatMap((message) =>
        message.type === "transcript" ? [message.turn!] : [],
      );
      expect(turns.map((turn) => [turn.role, turn.interrupted])).toEqual([
        ["agent", false],
        ["user", false],
        ["agent", true],
        ["user", false],
        ["agent", false],
        ["user", false],
        ["agent", false],
      ]);
      expect(turns[0]!.text).toBe(GREETING);
      expect(turns[1]!.text).toBe("A table for two, please.");
      const cut = turns[2]!;
      expect(LONG_REPLY.startsWith(cut.text)).toBe(true);
      expect(cut.text.length).toBeLessThan(LONG_REPLY.length);
      expect(turns[4]!.text).toBe("Three it is.");
      expect(turns[6]!.text).toBe("Thank you for calling. Goodbye!");

      const record = log.last()!;
      if (settings.provider === "openai") {
        const audio = record.session.audio as { input: { format: { type: string; rate?: number } } };
        expect(audio.input.format).toEqual({ type: "audio/pcm", rate: 24_000 });
        // Truncated to the played duration (the playout clock), not the whole reply received.
        expect(record.truncations).toHaveLength(1);
        const heardMs = Date.parse(cut.ended_at) - Date.parse(cut.started_at);
        expect(Math.abs(record.truncations[0]!.audio_end_ms - heardMs)).toBeLessThanOrEqual(100);
        expect(record.truncations[0]!.audio_end_ms).toBeLessThan(record.audioOutMs - 2000);
      }

      const callEnded = await waitFor(
        "call.ended on the bus",
        () =>
          events.slice(before).find((event) => event.type === "call.ended" && event.call_id === callId) as
            | Extract<CallEvent, { type: "call.ended" }>
            | undefined,
        { timeoutMs: 10_000 },
      );
      expect(callEnded.usage?.model).toBe(settings.model);
      expect(callEnded.usage?.output_audio_tokens ?? 0).toBeGreaterThan(0);
      expect(callEnded.usage?.input_audio_tokens ?? 0).toBeGreaterThan(0);
      await tab.close();
    }, 90_000);
  },
);
