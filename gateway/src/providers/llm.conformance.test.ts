// One suite, every LLM adapter: the OpenAI chat-completions adapter and the custom webhook
// adapter, both against the OpenAI stand-in over loopback HTTP.
import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { withLlmBase } from "./base/llm.ts";
import { ProviderMetrics } from "./base/metrics.ts";
import { CustomLlm } from "./custom-llm/llm.ts";
import { OpenAiLlm } from "./openai/llm.ts";
import { collect, expectRejection } from "./testing/support.ts";
import { type LlmEvent, type LlmProvider, type LlmRequest, ProviderError } from "./types.ts";

const standIns: StandIns = startStandIns({
  llm: {
    firstTokenMs: 5,
    interTokenMs: 1,
    defaultReply: "Hello there. How can I help you today?",
    rules: [
      {
        match: "weather",
        reply: "Let me check.",
        toolCalls: [{ name: "get_weather", arguments: { city: "Paris", unit: "celsius", days: [1, 2, 3] } }],
      },
      {
        match: "two tools",
        toolCalls: [
          { name: "first", arguments: { a: 1 } },
          { name: "second", arguments: { b: "two" } },
        ],
      },
    ],
  },
});
afterAll(() => standIns.stop());

const adapters: Array<{ name: string; make: () => LlmProvider }> = [
  { name: "openai", make: () => new OpenAiLlm({ baseUrl: standIns.urls.openai, apiKey: "sk-test" }) },
  {
    name: "custom",
    // The stand-in is on loopback: reachable only with ALLOW_PRIVATE_URLS.
    make: () =>
      new CustomLlm({
        webhookUrl: `${standIns.urls.openai}/chat/completions`,
        urlPolicy: { allowPrivate: true },
      }),
  },
];

const request = (text: string): LlmRequest => ({
  model: "gpt-4o-mini",
  temperature: 0.2,
  messages: [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: text },
  ],
  tools: [
    {
      name: "get_weather",
      description: "Weather for a city",
      parameters: { type: "object", properties: {} },
    },
  ],
});

const textOf = (events: LlmEvent[]) =>
  events.map((event) => (event.type === "text" ? event.text : "")).join("");

beforeEach(() => standIns.state.reset());

for (const adapter of adapters) {
  describe(`LLM conformance: ${adapter.name}`, () => {
    test("streams the reply in order, in several pieces, then done", async () => {
      const events = await collect(adapter.make().stream(request("hi"), new AbortController().signal));
      expect(textOf(events)).toBe("Hello there. How can I help you today?");
      expect(events.filter((event) => event.type === "text").length).toBeGreaterThan(3);
      expect(events.at(-1)).toEqual({ type: "done", finishReason: "stop" });
      const body = standIns.state.of("chat").bodies[0] as Record<string, unknown>;
      expect(body.stream).toBe(true);
      expect((body.messages as unknown[]).length).toBe(2);
    });

    test("assembles a tool call from streamed argument fragments", async () => {
      const events = await collect(
        adapter.make().stream(request("what is the weather"), new AbortController().signal),
      );
      expect(textOf(events)).toBe("Let me check.");
      const calls = events.filter((event) => event.type === "tool_call");
      expect(calls.length).toBe(1);
      const call = (calls[0] as Extract<LlmEvent, { type: "tool_call" }>).call;
      expect(call.name).toBe("get_weather");
      expect(call.id).toBe("call_0_get_weather");
      expect(JSON.parse(call.arguments)).toEqual({ city: "Paris", unit: "celsius", days: [1, 2, 3] });
      expect(events.at(-1)).toEqual({ type: "done", finishReason: "tool_calls" });
    });

    test("keeps parallel tool calls apart by index", async () => {
      const events = await collect(
        adapter.make().stream(request("two tools please"), new AbortController().signal),
      );
      const calls = events.flatMap((event) => (event.type === "tool_call" ? [event.call] : []));
      expect(calls.map((call) => call.name)).toEqual(["first", "second"]);
      expect(calls.map((call) => JSON.parse(call.arguments))).toEqual([{ a: 1 }, { b: "two" }]);
    });

    test("sends tool results back in the OpenAI shape", async () => {
      const events = await collect(
        adapter.make().stream(
          {
            ...request("what is the weather"),
            messages: [
              { role: "user", content: "what is the weather" },
              {
                role: "assistant",
                content: null,
                tool_calls: [{ id: "call_1", name: "get_weather", arguments: "{}" }],
              },
              { role: "tool", content: '{"temp":21}', tool_call_id: "call_1" },
            ],
          },
          new AbortController().signal,
        ),
      );
      expect(textOf(events)).toBe("Done.");
      const body = standIns.state.of("chat").bodies[0] as { messages: Array<Record<string, unknown>> };
      expect(body.messages[1]?.tool_calls).toEqual([
        { id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } },
      ]);
      expect(body.messages[2]?.tool_call_id).toBe("call_1");
    });

    test("abort cancels the request: the stand-in sees the connection close", async () => {
      standIns.script.llm.interTokenMs = 200;
      try {
        const controller = new AbortController();
        const received: LlmEvent[] = [];
        const error = await expectRejection(
          (async () => {
            for await (const event of adapter.make().stream(request("hi"), controller.signal)) {
              received.push(event);
              controller.abort();
            }
          })(),
        );
        expect((error as Error).name).toMatch(/Abort/);
        expect(received.length).toBe(1);
        await waitFor("the stand-in to see the abort", () => standIns.state.of("chat").aborted === 1);
        expect(standIns.state.of("chat").completed).toBe(0);
      } finally {
        standIns.script.llm.interTokenMs = 1;
      }
    });

    test("400 and 401 are final: no retry", async () => {
      standIns.failNext("chat", { status: 400 });
      const metrics = new ProviderMetrics();
      const provider = withLlmBase(adapter.make(), { metrics, policy: { baseDelayMs: 1 } });
      const error = await expectRejection(
        collect(provider.stream(request("hi"), new AbortController().signal)),
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).retryable).toBe(false);
      expect((error as ProviderError).status).toBe(400);
      expect(standIns.state.of("chat").requests).toBe(1);
      expect(metrics.get("llm", adapter.name)?.errors).toBe(1);

      standIns.failNext("chat", { status: 401 });
      const unauthorized = await expectRejection(
        collect(provider.stream(request("hi"), new AbortController().signal)),
      );
      expect((unauthorized as ProviderError).retryable).toBe(false);
      expect((unauthorized as ProviderError).status).toBe(401);
    });

    test("429 and 500 are retried with backoff until the stream starts", async () => {
      standIns.failNext("chat", { status: 429 });
      standIns.failNext("chat", { status: 500 });
      const metrics = new ProviderMetrics();
      const provider = withLlmBase(adapter.make(), { metrics, policy: { baseDelayMs: 1, maxAttempts: 3 } });
      const events = await collect(provider.stream(request("hi"), new AbortController().signal));
      expect(textOf(events)).toBe("Hello there. How can I help you today?");
      expect(standIns.state.of("chat").requests).toBe(3);
      const stats = metrics.get("llm", adapter.name);
      expect(stats?.errors).toBe(2);
      expect(stats?.retries).toBe(2);
      expect(stats?.firstOutputMs.length).toBe(1);
    });

    test("gives up after maxAttempts with a retryable error", async () => {
      standIns.failNext("chat", { status: 503 }, 2);
      const provider = withLlmBase(adapter.make(), { policy: { baseDelayMs: 1, maxAttempts: 2 } });
      const error = await expectRejection(
        collect(provider.stream(request("hi"), new AbortController().signal)),
      );
      expect((error as ProviderError).retryable).toBe(true);
      expect((error as ProviderError).status).toBe(503);
      expect(standIns.state.of("chat").requests).toBe(2);
    });

    test("a stalled server times out as retryable and the request is cancelled", async () => {
      standIns.failNext("chat", { stall: true });
      const provider = withLlmBase(adapter.make(), { policy: { maxAttempts: 1, firstOutputTimeoutMs: 300 } });
      const error = await expectRejection(
        collect(provider.stream(request("hi"), new AbortController().signal)),
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).retryable).toBe(true);
      expect((error as ProviderError).status).toBe(408);
      await waitFor("the stand-in to see the abort", () => standIns.state.of("chat").aborted === 1);
    });
  });
}
