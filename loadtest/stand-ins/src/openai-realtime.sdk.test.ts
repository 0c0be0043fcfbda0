// The official SDK's OpenAIRealtimeWebSocket against the stand-in's Realtime handler: the SDK
// insists on wss://, so the handler is served here over TLS with a throwaway self-signed
// certificate, and the key travels as the SDK sends it (the openai-insecure-api-key subprotocol).
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "bun";
import OpenAI from "openai";
import { OpenAIRealtimeWebSocket } from "openai/realtime/websocket";
import type { RealtimeServerEvent } from "openai/resources/realtime/realtime";
import { StandInState } from "./faults.ts";
import { type OpenAiRealtimeConnection, openAiRealtime } from "./openai-realtime.ts";
import { RealtimeLog } from "./realtime-log.ts";
import { resolveScript } from "./script.ts";
import { MessageWaiter } from "./testing/message-waiter.ts";

const script = resolveScript({ apiKeys: { openai: "sk-sdk" }, realtime: { firstAudioMs: 20 } });
const log = new RealtimeLog();
let server: Server<OpenAiRealtimeConnection>;
let certificateDir = "";
const previousTlsSetting = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

beforeAll(async () => {
  certificateDir = await mkdtemp(join(tmpdir(), "realtime-tls-"));
  const keyPath = join(certificateDir, "key.pem");
  const certPath = join(certificateDir, "cert.pem");
  const openssl = Bun.spawn(
    [
      "openssl",
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
    ].concat(["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certPath]),
    { stdout: "ignore", stderr: "pipe" },
  );
  if ((await openssl.exited) !== 0) throw new Error(await new Response(openssl.stderr).text());
  const realtime = openAiRealtime(script, new StandInState(), log);
  server = Bun.serve<OpenAiRealtimeConnection>({
    hostname: "127.0.0.1",
    port: 0,
    tls: { key: Bun.file(keyPath), cert: Bun.file(certPath) },
    websocket: realtime.websocket,
    fetch: (request, bunServer) =>
      realtime.upgrade(request, bunServer) ?? new Response(null, { status: 101 }),
  });
  // The certificate is our own throwaway one; only this test process trusts it.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
}, 20_000);

afterAll(async () => {
  if (previousTlsSetting === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTlsSetting;
  await server?.stop(true);
  await rm(certificateDir, { recursive: true, force: true });
});

test("OpenAIRealtimeWebSocket opens a session, configures it and receives a whole response", async () => {
  const client = new OpenAI({ apiKey: "sk-sdk", baseURL: `https://127.0.0.1:${server.port}/v1` });
  const realtime = new OpenAIRealtimeWebSocket({ model: "gpt-realtime" }, client);
  const received = new MessageWaiter<RealtimeServerEvent>();
  const events = received.messages;
  const errors: unknown[] = [];
  realtime.on("error", (error) => errors.push(error));
  realtime.on("event", (event) => received.push(event));
  await new Promise((resolve) => realtime.socket.addEventListener("open", resolve));

  realtime.send({
    type: "session.update",
    session: {
      type: "realtime",
      output_modalities: ["audio"],
      audio: { output: { format: { type: "audio/pcm", rate: 24_000 }, voice: "cedar" } },
    },
  });
  realtime.send({ type: "response.create", response: { instructions: 'Say "Welcome back."' } });
  const done = await received.until("response.done", () =>
    events.find((event) => event.type === "response.done"),
  );
  expect(errors).toEqual([]);
  expect(events.map((event) => event.type).slice(0, 3)).toEqual([
    "session.created",
    "session.updated",
    "response.created",
  ]);
  if (done.type !== "response.done") throw new Error("unreachable");
  expect(done.response.status).toBe("completed");
  expect(done.response.usage?.output_token_details?.audio_tokens).toBe(10);
  const audioBytes = events.reduce(
    (sum, event) =>
      sum + (event.type === "response.output_audio.delta" ? Buffer.from(event.delta, "base64").length : 0),
    0,
  );
  // Two words at 250 ms of 24 kHz 16-bit PCM.
  expect(audioBytes).toBe(2 * 250 * 48);
  expect(log.last()?.apiKey).toBe("sk-sdk");
  expect(log.last()?.session).toMatchObject({ audio: { output: { voice: "cedar" } } });
  realtime.close();
});
