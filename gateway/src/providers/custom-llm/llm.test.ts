// The webhook mode of seed 001 against a loopback server that answers exactly as the seed
// shows: bare `data: {"choices":[{"delta":{"content":"..."}}]}` lines, then `data: [DONE]`.
import { afterAll, expect, test } from "bun:test";
import { captureLogs } from "@switchboard/shared/testing/log-capture";
import { withLlmBase } from "../base/llm.ts";
import { collect, expectRejection } from "../testing/support.ts";
import { ProviderError } from "../types.ts";
import { CustomLlm } from "./llm.ts";

const received: Array<{ headers: Headers; body: Record<string, unknown> }> = [];

const webhook = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(request) {
    const body = (await request.json()) as Record<string, unknown>;
    received.push({ headers: request.headers, body });
    const path = new URL(request.url).pathname;
    if (path === "/broken")
      return new Response("data: {not json\n\n", { headers: { "content-type": "text/event-stream" } });
    if (path === "/forbidden") return new Response("no", { status: 403 });
    const encoder = new TextEncoder();
    // Split mid-line on purpose: SSE events may straddle network chunks.
    const pieces = [
      'data: {"choices":[{"delta":{"content":"Sure, I can"}}]}\n\ndata: {"choi',
      'ces":[{"delta":{"content":" help with that."}}]}\n\n',
      "data: [DONE]\n\n",
    ];
    return new Response(
      new ReadableStream({
        async start(controller) {
          for (const piece of pieces) {
            controller.enqueue(encoder.encode(piece));
            await Bun.sleep(5);
          }
          controller.close();
        },
      }),
      { headers: { "content-type": "text/event-stream" } },
    );
  },
});
afterAll(() => webhook.stop(true));

const base = `http://127.0.0.1:${webhook.port}`;
/** The webhook server is on loopback: reachable only with ALLOW_PRIVATE_URLS. */
const loopbackAllowed = { allowPrivate: true };
const request = {
  model: "custom",
  temperature: 0.7,
  messages: [
    { role: "system" as const, content: "You are a helpful assistant." },
    { role: "user" as const, content: "Hi, I'd like to schedule an appointment." },
  ],
};

test("posts a chat-completions body with stream: true and speaks the SSE chunks", async () => {
  const llm = new CustomLlm({
    webhookUrl: `${base}/voice`,
    urlPolicy: loopbackAllowed,
    headers: { "x-switchboard-secret": "s3cret" },
    extraBody: { call: { id: "call_1" } },
  });
  const events = await collect(llm.stream(request, new AbortController().signal));
  expect(events).toEqual([
    { type: "text", text: "Sure, I can" },
    { type: "text", text: " help with that." },
    { type: "done", finishReason: null },
  ]);
  const sent = received.at(-1);
  expect(sent?.body).toMatchObject({
    model: "custom",
    stream: true,
    messages: request.messages,
    call: { id: "call_1" },
  });
  expect(sent?.headers.get("x-switchboard-secret")).toBe("s3cret");
  expect(sent?.headers.get("accept")).toBe("text/event-stream");
});

test("a chunk that is not JSON is a final error", async () => {
  const error = await expectRejection(
    collect(
      withLlmBase(new CustomLlm({ webhookUrl: `${base}/broken`, urlPolicy: loopbackAllowed })).stream(
        request,
        new AbortController().signal,
      ),
    ),
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).retryable).toBe(false);
});

test("a 403 from the webhook is final", async () => {
  const before = received.length;
  const error = await expectRejection(
    collect(
      withLlmBase(new CustomLlm({ webhookUrl: `${base}/forbidden`, urlPolicy: loopbackAllowed }), {
        policy: { baseDelayMs: 1 },
      }).stream(request, new AbortController().signal),
    ),
  );
  expect((error as ProviderError).status).toBe(403);
  expect((error as ProviderError).retryable).toBe(false);
  expect(received.length - before).toBe(1);
});

test("an unreachable webhook is retryable", async () => {
  const closed = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response("") });
  const url = `http://127.0.0.1:${closed.port}/voice`;
  await closed.stop(true);
  const error = await expectRejection(
    collect(
      withLlmBase(new CustomLlm({ webhookUrl: url, urlPolicy: loopbackAllowed }), {
        policy: { baseDelayMs: 1, maxAttempts: 2 },
      }).stream(request, new AbortController().signal),
    ),
  );
  expect((error as ProviderError).retryable).toBe(true);
});

test("without ALLOW_PRIVATE_URLS a webhook on localhost gets no request: a final error and a warning", async () => {
  const before = received.length;
  const { logger, lines } = captureLogs("warn");
  const llm = new CustomLlm({
    webhookUrl: `http://localhost:${webhook.port}/voice?token=tenant-secret`,
    urlPolicy: { allowPrivate: false },
    logger,
  });
  const error = await expectRejection(
    collect(withLlmBase(llm, { policy: { baseDelayMs: 1 } }).stream(request, new AbortController().signal)),
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).retryable).toBe(false);
  expect((error as ProviderError).message).toContain("resolves to 127.0.0.1, a loopback address");
  expect(received.length).toBe(before);
  expect(lines).toHaveLength(1);
  const line = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(line).toMatchObject({ level: 40, provider: "custom", code: "not_public" });
  expect(line.reason).toStartWith("resolves to 127.0.0.1, a loopback address");
  expect(lines[0]).not.toContain("tenant-secret");
});
