// The OpenAI adapters' wire details against a loopback server that records what arrives:
// the Bearer key, the multipart transcription upload, and chat streams that break the rules.
import { afterAll, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { withLlmBase } from "../base/llm.ts";
import { collect, expectRejection, openRecorded, speechThenSilence } from "../testing/support.ts";
import { ProviderError } from "../types.ts";
import { OpenAiLlm } from "./llm.ts";
import { OpenAiStt } from "./stt.ts";
import { OpenAiTts } from "./tts.ts";

interface Received {
  path: string;
  authorization: string | null;
  contentType: string | null;
  form: FormData | null;
  body: Record<string, unknown> | null;
}

const received: Received[] = [];
const chunk = (content: string) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

/** Chat answers chosen by the request's model name. */
const chatStreams: Record<string, string[]> = {
  complete: [chunk("Hello"), chunk(" there."), "data: [DONE]\n\n"],
  "cut-off": [chunk("Hello")],
  "not-json": [chunk("Hello"), "data: {not json\n\n"],
  "error-in-stream": [`data: ${JSON.stringify({ error: { message: "The server had an error" } })}\n\n`],
};

const server = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(request) {
    const path = new URL(request.url).pathname;
    const entry: Received = {
      path,
      authorization: request.headers.get("authorization"),
      contentType: request.headers.get("content-type"),
      form: null,
      body: null,
    };
    received.push(entry);
    if (path === "/v1/audio/transcriptions") {
      entry.form = await request.formData();
      return Response.json({ text: " booked for two " });
    }
    entry.body = (await request.json()) as Record<string, unknown>;
    if (path === "/v1/audio/speech") {
      return Response.json(
        { error: { message: "Incorrect API key provided", code: "invalid_api_key" } },
        { status: 401 },
      );
    }
    const pieces = chatStreams[String(entry.body.model)] ?? [];
    const encoder = new TextEncoder();
    return new Response(
      new ReadableStream({
        async start(controller) {
          for (const piece of pieces) {
            controller.enqueue(encoder.encode(piece));
            await Bun.sleep(2);
          }
          controller.close();
        },
      }),
      { headers: { "content-type": "text/event-stream" } },
    );
  },
});
afterAll(() => server.stop(true));

const baseUrl = `http://127.0.0.1:${server.port}/v1`;
const chat = (model: string) => ({
  model,
  temperature: 0.2,
  messages: [{ role: "user" as const, content: "hi" }],
});
const once = { policy: { baseDelayMs: 1 } };

test("the API key goes as a Bearer header, and no header is sent without a key", async () => {
  received.length = 0;
  const signal = new AbortController().signal;
  await collect(new OpenAiLlm({ baseUrl, apiKey: "sk-secret" }).stream(chat("complete"), signal));
  await collect(new OpenAiLlm({ baseUrl: `${baseUrl}/`, apiKey: null }).stream(chat("complete"), signal));
  expect(received.map((entry) => [entry.path, entry.authorization])).toEqual([
    ["/v1/chat/completions", "Bearer sk-secret"],
    ["/v1/chat/completions", null],
  ]);
  expect(received[0]?.contentType).toBe("application/json");
  expect(received[0]?.body).toMatchObject({ model: "complete", stream: true });
});

test("a chat stream that ends before [DONE] is a retryable error, not a short answer", async () => {
  received.length = 0;
  const provider = withLlmBase(new OpenAiLlm({ baseUrl, apiKey: "k" }), once);
  const events: unknown[] = [];
  const error = await expectRejection(
    (async () => {
      for await (const event of provider.stream(chat("cut-off"), new AbortController().signal)) {
        events.push(event);
      }
    })(),
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).retryable).toBe(true);
  expect(events).toEqual([{ type: "text", text: "Hello" }]);
  // Output was seen, so the base passes the failure on instead of asking again.
  expect(received.length).toBe(1);
});

test("a chat chunk that is not JSON is a final error", async () => {
  received.length = 0;
  const provider = withLlmBase(new OpenAiLlm({ baseUrl, apiKey: "k" }), once);
  const error = await expectRejection(
    collect(provider.stream(chat("not-json"), new AbortController().signal)),
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).retryable).toBe(false);
  expect((error as ProviderError).message).toContain("not JSON");
});

test("an error object in the chat stream is a retryable error with its message", async () => {
  received.length = 0;
  const provider = withLlmBase(new OpenAiLlm({ baseUrl, apiKey: "k" }), {
    policy: { baseDelayMs: 1, maxAttempts: 2 },
  });
  const error = await expectRejection(
    collect(provider.stream(chat("error-in-stream"), new AbortController().signal)),
  );
  expect((error as ProviderError).retryable).toBe(true);
  expect((error as ProviderError).message).toContain("The server had an error");
  expect(received.length).toBe(2);
});

test("a segment is uploaded as multipart segment.wav with model, language and json format", async () => {
  received.length = 0;
  const { session, events, errors } = await openRecorded(
    new OpenAiStt({ baseUrl, apiKey: "k" }),
    "whisper-1",
  );
  for (const frame of speechThenSilence(200, 0)) session.sendAudio(frame);
  session.flush();
  await waitFor("the transcript", () => events.length > 0 || errors.length > 0);
  await session.close();
  expect(errors).toEqual([]);
  expect(events).toEqual([{ text: "booked for two", isFinal: true, endOfSpeech: true }]);
  const entry = received[0] as Received;
  expect(entry.authorization).toBe("Bearer k");
  expect(entry.contentType).toStartWith("multipart/form-data; boundary=");
  const file = entry.form?.get("file") as File;
  expect(file.name).toBe("segment.wav");
  expect(file.type).toMatch(/^audio\/(x-)?wav$/);
  expect(file.size).toBe(44 + 200 * 16 * 2);
  expect(entry.form?.get("model")).toBe("whisper-1");
  expect(entry.form?.get("language")).toBe("en");
  expect(entry.form?.get("response_format")).toBe("json");
});

test("a 401 from speech is final and carries the API's error message", async () => {
  received.length = 0;
  const error = await expectRejection(
    collect(
      new OpenAiTts({ baseUrl, apiKey: "wrong", model: "gpt-4o-mini-tts" }).synthesize(
        "Hello.",
        { voiceId: "alloy", sampleRateHz: 16_000, speed: 1.25 },
        new AbortController().signal,
      ),
    ),
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).retryable).toBe(false);
  expect((error as ProviderError).status).toBe(401);
  expect((error as ProviderError).message).toBe("openai: HTTP 401: Incorrect API key provided");
  expect(received[0]?.body).toEqual({
    model: "gpt-4o-mini-tts",
    voice: "alloy",
    input: "Hello.",
    response_format: "pcm",
    speed: 1.25,
  });
});
