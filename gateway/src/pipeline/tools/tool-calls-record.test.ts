// Every tool call is on the agent turn's transcript: name, arguments, result, duration and
// outcome; one the caller interrupts is recorded as cancelled and the model is told so.
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

test("a tool call the caller interrupts is recorded as cancelled and the model hears why", async () => {
  const current = await start(
    lookup("/held"),
    [
      { toolCalls: [{ id: "call_1", name: "lookup_order", arguments: "{}" }] },
      { tokens: ["Your order has shipped."] },
      { tokens: ["Of course, what else?"] },
    ],
    ["where is my order", "actually never mind"],
  );
  await current.untilReal(() => current.llm.requests.length === 1);
  // The tool is held: the caller speaks again before it answers.
  await current.speak(400);
  await current.untilReal(() => current.agentTurns().some((turn) => turn.tool_calls));
  const turn = current.agentTurns().find((one) => one.tool_calls)!;
  expect(turn.tool_calls).toEqual([
    expect.objectContaining({ name: "lookup_order", arguments: "{}", outcome: "cancelled" }),
  ]);
  await current.untilReal(() => current.llm.requests.length === 2);
  const toolMessage = current.llm.requests[1]!.messages.find((message) => message.role === "tool");
  expect(toolMessage?.content).toContain("cancelled: the caller interrupted");
  releaseHeld();
});
