// The stand-ins on the wire, seen by plain clients: the SSE shape, the ElevenLabs and
// Deepgram message protocols, and `npm run stand-ins` printing one line per service.
import { afterAll, beforeEach, expect, test } from "bun:test";
import { join } from "node:path";
import { startStandIns } from "./index.ts";

const standIns = startStandIns({
  llm: { firstTokenMs: 1, interTokenMs: 0, defaultReply: "Hi there." },
  elevenlabs: { firstByteMs: 1 },
});
afterAll(() => standIns.stop());
beforeEach(() => standIns.state.reset());

test("chat completions stream as SSE chat.completion.chunk lines ending in [DONE]", async () => {
  const response = await fetch(`${standIns.urls.openai}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: "hello" }] }),
  });
  expect(response.headers.get("content-type")).toBe("text/event-stream");
  const lines = (await response.text()).split("\n\n").filter(Boolean);
  expect(lines.at(-1)).toBe("data: [DONE]");
  const chunks = lines.slice(0, -1).map((line) => JSON.parse(line.replace(/^data: /, "")));
  expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
  expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? "").join("")).toBe("Hi there.");
  expect(chunks.at(-1).choices[0].finish_reason).toBe("stop");
});

test("injected failures come first, in order, then normal answers", async () => {
  standIns.failNext("chat", { status: 429 }, 2);
  const post = () =>
    fetch(`${standIns.urls.openai}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ messages: [] }),
    });
  const statuses = [(await post()).status, (await post()).status, (await post()).status];
  expect(statuses).toEqual([429, 429, 200]);
});

test("ElevenLabs stream-input answers BOS, text and EOS with base64 audio and isFinal", async () => {
  const socket = new WebSocket(
    `${standIns.urls.elevenlabs.replace("http", "ws")}/text-to-speech/voice1/stream-input?model_id=m&output_format=pcm_16000`,
  );
  const messages: Array<{ audio?: string; isFinal?: boolean }> = [];
  const closed = new Promise<number>((resolve) =>
    socket.addEventListener("close", (event) => resolve(event.code)),
  );
  socket.addEventListener("message", (event) => messages.push(JSON.parse(String(event.data))));
  await new Promise((resolve) => socket.addEventListener("open", resolve));
  socket.send(JSON.stringify({ text: " ", xi_api_key: "k" }));
  socket.send(JSON.stringify({ text: "one two " }));
  socket.send(JSON.stringify({ text: "" }));
  expect(await closed).toBe(1000);
  expect(messages.at(-1)).toEqual({ isFinal: true });
  const bytes = messages
    .slice(0, -1)
    .reduce((sum, message) => sum + Buffer.from(message.audio ?? "", "base64").length, 0);
  expect(bytes).toBe(2 * 250 * 16 * 2);
  expect(standIns.state.of("elevenlabs").messages).toEqual({ BOS: 1, text: 1, EOS: 1 });
});

test("Deepgram refuses other encodings and closes idle sockets with 1011", async () => {
  const refused = new WebSocket(`${standIns.urls.deepgram}/listen?encoding=opus`);
  const refusedCode = await new Promise<number>((resolve) =>
    refused.addEventListener("close", (event) => resolve(event.code)),
  );
  expect(refusedCode).not.toBe(1000);

  standIns.script.deepgram.idleCloseMs = 100;
  try {
    const idle = new WebSocket(`${standIns.urls.deepgram}/listen?encoding=linear16&sample_rate=16000`);
    const messages: string[] = [];
    idle.addEventListener("message", (event) => messages.push(String(event.data)));
    const code = await new Promise<number>((resolve) =>
      idle.addEventListener("close", (event) => resolve(event.code)),
    );
    expect(code).toBe(1011);
    expect(JSON.parse(messages[0] ?? "{}").type).toBe("Error");
  } finally {
    standIns.script.deepgram.idleCloseMs = 10_000;
  }
});

test("main.ts prints one line per service setting", async () => {
  const child = Bun.spawn([process.execPath, join(import.meta.dir, "main.ts")], {
    stdout: "pipe",
    stderr: "ignore",
  });
  try {
    const reader = child.stdout.getReader();
    let text = "";
    while (text.split("\n").length < 14) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const lines = text.trim().split("\n");
    expect(lines.length).toBe(13);
    expect(lines[0]).toMatch(/^OPENAI_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(lines[1]).toMatch(/^DEEPGRAM_BASE_URL=ws:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(lines[2]).toMatch(/^ELEVENLABS_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(lines[3]).toMatch(/^GEMINI_BASE_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[4]).toMatch(/^TWILIO_BASE_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[7]).toMatch(/^TELNYX_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(lines[10]).toMatch(/^STRIPE_BASE_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines.map((line) => line.split("=")[0])).toEqual([
      "OPENAI_BASE_URL",
      "DEEPGRAM_BASE_URL",
      "ELEVENLABS_BASE_URL",
      "GEMINI_BASE_URL",
      "TWILIO_BASE_URL",
      "TWILIO_ACCOUNT_SID",
      "TWILIO_AUTH_TOKEN",
      "TELNYX_BASE_URL",
      "TELNYX_API_KEY",
      "TELNYX_PUBLIC_KEY",
      "STRIPE_BASE_URL",
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
    ]);
  } finally {
    child.kill();
    await child.exited;
  }
});
