// Every tool call is on the agent turn's transcript: name, arguments, result, duration and
// outcome. A call the caller interrupts while it runs still finishes: its result is on the
// transcript and goes to the model with the caller's next words, and is never spoken in the
// interrupted turn.
import { afterAll, afterEach, beforeAll, expect, test } from "bun:test";
import type { AgentTool } from "@switchboard/shared/agent";
import type { PipelineProviders } from "../agent-application.ts";
import type { LlmStep } from "../testing/scripted-providers.ts";
import { startTestCall, type TestCall } from "../testing/test-call.ts";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

let releaseHeld = () => {};
let server: ReturnType<typeof Bun.serve>;
beforeAll(() => {
  const released = new Promise<void>((resolve) => {
    releaseHeld = resolve;
  });
  server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      if (new URL(request.url).pathname === "/held") await released;
      return Response.json({ order: "shipped" });
    },
  });
});
afterAll(() => {
  releaseHeld();
  server.stop(true);
});

const LOOPBACK_ALLOWED: Partial<PipelineProviders> = { toolRequests: { urlPolicy: { allowPrivate: true } } };

function lookup(path: string): AgentTool {
  return {
    type: "http",
    name: "lookup_order",
    url: `http://127.0.0.1:${server.port}${path}`,
    timeout_ms: 20_000,
  };
}

async function start(tool: AgentTool, llm: LlmStep[], stt: string[]): Promise<TestCall> {
  call = await startTestCall({ agent: { tools: [tool] }, llm, stt, providers: LOOPBACK_ALLOWED });
  await call.speak(400);
  return call;
}

test("a completed tool call is on the agent turn with its arguments, result and duration", async () => {
  const current = await start(
    lookup("/quick"),
    [
      { toolCalls: [{ id: "call_1", name: "lookup_order", arguments: '{"order":"A17"}' }] },
      { tokens: ["Your order has shipped."] },
    ],
    ["where is order A17"],
  );
  await current.untilReal(() => current.agentTurns().some((turn) => turn.tool_calls));
  const turn = current.agentTurns().find((one) => one.tool_calls)!;
  expect(turn.text).toBe("Your order has shipped.");
  expect(turn.tool_calls).toEqual([
    {
      name: "lookup_order",
      arguments: '{"order":"A17"}',
      result: '{"order":"shipped"}',
      duration_ms: expect.any(Number),
      outcome: "completed",
    },
  ]);
});

test("a tool call the caller interrupts finishes: its result is kept for the next turn, not spoken in the interrupted one", async () => {
  const current = await start(
    lookup("/held"),
    [
      { toolCalls: [{ id: "call_1", name: "lookup_order", arguments: "{}" }] },
      { tokens: ["It has shipped, anything else?"] },
    ],
    ["where is my order", "hello are you there"],
  );
  await current.untilReal(() => current.llm.requests.length === 1);
  // The tool is held: the caller speaks again before it answers, then it answers.
  await current.speak(400);
  // Long past the endpointing window: the caller's turn waits for the running call.
  await current.silence(1500);
  expect(current.turns.filter((turn) => turn.role === "user")).toHaveLength(1);
  expect(current.agentTurns().some((turn) => turn.tool_calls)).toBe(false);
  expect(current.llm.requests).toHaveLength(1);
  releaseHeld();
  await current.untilReal(() => current.agentTurns().some((turn) => turn.tool_calls));
  const turn = current.agentTurns().find((one) => one.tool_calls)!;
  expect(turn.interrupted).toBe(true);
  expect(turn.tool_calls).toEqual([
    expect.objectContaining({ name: "lookup_order", result: '{"order":"shipped"}', outcome: "completed" }),
  ]);
  // The next request carries the result, then the caller's new words; nothing asked the model
  // to speak the result in between.
  await current.untilReal(() => current.llm.requests.length === 2);
  const messages = current.llm.requests[1]!.messages;
  const toolIndex = messages.findIndex((message) => message.role === "tool");
  expect(messages[toolIndex]).toMatchObject({ tool_call_id: "call_1", content: '{"order":"shipped"}' });
  expect(messages[toolIndex + 1]).toMatchObject({ role: "user", content: "hello are you there" });
  await current.untilReal(() => current.agentTurns().some((one) => one.text.includes("shipped")));
  expect(current.agentTurns().filter((one) => one.text.includes("shipped"))).toHaveLength(1);
});
