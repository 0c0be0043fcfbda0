// A slow HTTP tool: the agent says the tool's waiting message after its delay, then the
// tool's real result still reaches the model; a quick tool says nothing extra.
import { afterAll, afterEach, beforeAll, expect, test } from "bun:test";
import type { AgentTool } from "@switchboard/shared/agent";
import type { PipelineProviders } from "../agent-application.ts";
import { startTestCall, type TestCall } from "../testing/test-call.ts";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

let releaseSlow = () => {};
let server: ReturnType<typeof Bun.serve>;
beforeAll(() => {
  const released = new Promise<void>((resolve) => {
    releaseSlow = resolve;
  });
  server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      if (new URL(request.url).pathname === "/slow") await released;
      return Response.json({ order: "shipped" });
    },
  });
});
afterAll(() => {
  releaseSlow();
  server.stop(true);
});

const LOOPBACK_ALLOWED: Partial<PipelineProviders> = { toolRequests: { urlPolicy: { allowPrivate: true } } };
const WAITING = "One moment while I check that.";

function lookup(path: string, waitingDelayMs: number): AgentTool {
  return {
    type: "http",
    name: "lookup_order",
    url: `http://127.0.0.1:${server.port}${path}`,
    timeout_ms: 20_000,
    waiting_message: WAITING,
    waiting_delay_ms: waitingDelayMs,
  };
}

async function askWithTool(tool: AgentTool): Promise<TestCall> {
  call = await startTestCall({
    agent: { tools: [tool] },
    llm: [
      { toolCalls: [{ id: "call_1", name: "lookup_order", arguments: "{}" }] },
      { tokens: ["Your order has shipped."] },
    ],
    stt: ["where is my order"],
    providers: LOOPBACK_ALLOWED,
  });
  await call.speak(400);
  return call;
}

test("a slow tool gets its waiting message spoken, and its result still goes to the model", async () => {
  const current = await askWithTool(lookup("/slow", 100));
  await current.untilReal(() => current.tts.texts.some((text) => text.includes(WAITING)));
  // Still waiting for the tool: the model has not been asked again.
  expect(current.llm.requests).toHaveLength(1);
  releaseSlow();
  await current.untilReal(() => current.llm.requests.length === 2);
  expect(JSON.parse(current.llm.requests[1]!.messages.at(-1)!.content!)).toEqual({ order: "shipped" });
});

test("a tool that answers before the delay says nothing extra", async () => {
  const current = await askWithTool(lookup("/quick", 5000));
  await current.untilReal(() => current.llm.requests.length === 2);
  await current.untilReal(() => current.tts.texts.some((text) => text.includes("shipped")));
  expect(current.tts.texts.some((text) => text.includes(WAITING))).toBe(false);
});
