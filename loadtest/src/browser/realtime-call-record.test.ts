// A realtime agent created through the API, called from the demo page in headless Chromium:
// the call's record (GET /calls/{id}) holds the transcript from the model's transcription
// events, cut where the caller talked over the reply, and the model's usage; call.ended came
// through the bus to control.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Harness } from "@switchboard/control/src/testing/harness";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import type { Browser } from "playwright-core";
import { startWebCallPlatform, type WebCallPlatform } from "./web-call-platform.ts";

const GREETING = "Hello, this is Ada.";
const LONG_REPLY =
  "We have tables at six, seven and eight in the evening, on the terrace or inside, and we can also " +
  "arrange a quiet corner for the two of you if you would like one, with a view of the garden.";

let platform: WebCallPlatform;
let h: Harness;
let controlUrl: string;
let browser: Browser;
let agentId: string;

/** Three times the same short sentence, at about 3 s, 7.5 s and 12 s (Chromium loops the file). */
function callerWav(path: string): void {
  const speech = `${path}.speech.wav`;
  const run = (command: string[]) => {
    const result = Bun.spawnSync(command);
    if (result.exitCode !== 0) throw new Error(`${command[0]} failed: ${result.stderr.toString()}`);
  };
  run(["flite", "-voice", "slt", "-t", "A table for two, please.", "-o", speech]);
  run(["sox", speech, `${path}.first.wav`, "pad", "3", "3"]);
  run(["sox", `${path}.first.wav`, speech, `${path}.second.wav`, "pad", "0", "3"]);
  run(["sox", `${path}.second.wav`, speech, path, "pad", "0", "30"]);
}

beforeAll(async () => {
  platform = await startWebCallPlatform({
    name: "realtime-record",
    script: {
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
    },
    writeCallerWav: callerWav,
  });
  ({ h, controlUrl, browser } = platform);
  const created = await h.json<{ id: string }>("POST", "/api/v1/agents", {
    body: {
      name: "Realtime web agent",
      system_prompt: "You take table bookings.",
      first_message: GREETING,
      tools: [{ type: "end_call" }],
      realtime: { provider: "openai", model: "gpt-realtime", voice: "marin" },
    },
  });
  expect(created.status).toBe(201);
  agentId = created.body.id;
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe("a realtime agent's browser call on its record", () => {
  test("GET /calls/{id}: the transcript cut at the barge-in, and the model's usage", async () => {
    const page = await browser.newPage();
    await page.goto(`${controlUrl}/demo`);
    await page.fill("#api-key", h.ownerKey);
    await page.click("#load");
    await page.waitForSelector(`#agent option[value="${agentId}"]`, { state: "attached" });
    await page.click("#call");
    await page.waitForSelector(`#transcript .turn.agent:has-text("${GREETING}")`, { timeout: 30_000 });
    const callId = await page.evaluate(
      () =>
        (window as unknown as { Switchboard: { calls: { callId: string }[] } }).Switchboard.calls[0]!.callId,
    );
    await page.waitForSelector(`#transcript .turn.agent:has-text("Goodbye!")`, { timeout: 45_000 });
    type Detail = {
      status: string;
      direction: string;
      hangup_cause: string;
      transcript: { role: string; text: string; interrupted: boolean }[];
      usage: {
        model: string;
        input_audio_tokens: number;
        output_audio_tokens: number;
        text_tokens: number;
      } | null;
    };
    const detail = await waitFor(
      "the completed call with its usage",
      async () => {
        const response = await h.json<Detail>("GET", `/api/v1/calls/${callId}`);
        return response.body.status === "completed" && response.body.usage && response.body;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    await page.close();
    expect(detail).toMatchObject({ direction: "web", hangup_cause: "agent_end_call" });
    expect(detail.transcript.map((turn) => [turn.role, turn.interrupted])).toEqual([
      ["agent", false],
      ["user", false],
      ["agent", true],
      ["user", false],
      ["agent", false],
      ["user", false],
      ["agent", false],
    ]);
    expect(detail.transcript[0]!.text).toBe(GREETING);
    const cut = detail.transcript[2]!.text;
    expect(LONG_REPLY.startsWith(cut)).toBe(true);
    expect(cut.length).toBeLessThan(LONG_REPLY.length);
    expect(detail.transcript[6]!.text).toBe("Thank you for calling. Goodbye!");
    expect(detail.usage!.model).toBe("gpt-realtime");
    expect(detail.usage!.input_audio_tokens).toBeGreaterThan(0);
    expect(detail.usage!.output_audio_tokens).toBeGreaterThan(0);
    expect(detail.usage!.text_tokens).toBeGreaterThan(0);
  }, 120_000);
});
