import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import type { AgentTool } from "@switchboard/shared/agent";
import { generateWebhookSecret } from "@switchboard/shared/secrets/webhook-signature";
import { captureLogs } from "@switchboard/shared/testing/log-capture";
import { Webhook } from "standardwebhooks";
import { requestSigner } from "../tenant/signed-requests.ts";
import type { PipelineProviders } from "./agent-application.ts";
import type { LlmStep } from "./testing/scripted-providers.ts";
import { startTestCall, type TestCall } from "./testing/test-call.ts";
import { httpTool } from "./tools/http-tool.ts";
import type { ToolContext } from "./tools/types.ts";

let call: TestCall | null = null;
afterEach(async () => {
  await call?.app.stop();
  call = null;
});

const received: {
  method: string;
  path: string;
  body: string;
  auth: string | null;
  headers: Record<string, string>;
}[] = [];
let server: ReturnType<typeof Bun.serve>;
/** /slow answers only when the file's tests are done: any tool timeout is shorter. */
let releaseSlow = () => {};
const slowReleased = new Promise<void>((resolve) => {
  releaseSlow = resolve;
});
beforeAll(() => {
  server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      const url = new URL(request.url);
      received.push({
        method: request.method,
        path: url.pathname + url.search,
        body: await request.text(),
        auth: request.headers.get("authorization"),
        headers: Object.fromEntries(request.headers),
      });
      if (url.pathname === "/slow") await slowReleased;
      if (url.pathname === "/broken") return new Response("database down", { status: 500 });
      return Response.json({ slots: ["9:00", "11:30"] });
    },
  });
});
afterAll(() => {
  releaseSlow();
  server.stop(true);
});

function http(path: string, extra: Partial<AgentTool> = {}): AgentTool {
  return {
    type: "http",
    name: "check_slots",
    description: "Free appointment slots for a day.",
    parameters: { type: "object", properties: { day: { type: "string" } }, required: ["day"] },
    url: `http://127.0.0.1:${server.port}${path}`,
    method: "POST",
    timeout_ms: 300,
    headers: { authorization: "Bearer tool-secret" },
    ...extra,
  };
}

const toolCall = (name: string, args: unknown, id = "call_1") => ({
  id,
  name,
  arguments: JSON.stringify(args),
});

/** The tool server is on loopback, which only ALLOW_PRIVATE_URLS lets tools reach. */
const LOOPBACK_ALLOWED: Partial<PipelineProviders> = { toolRequests: { urlPolicy: { allowPrivate: true } } };

async function askWithTools(tools: AgentTool[], steps: LlmStep[], providers = LOOPBACK_ALLOWED) {
  call = await startTestCall({ agent: { tools }, llm: steps, stt: ["please help"], providers });
  await call.speak(400);
  return call;
}

describe("turn pipeline: tools", () => {
  test("end_call says goodbye, then hangs up once it has been heard", async () => {
    const call = await askWithTools(
      [{ type: "end_call" }],
      [{ tokens: ["Thanks for calling, goodbye!"], toolCalls: [toolCall("end_call", { reason: "done" })] }],
    );
    await call.until(() => call.llm.requests.length === 1 && call.audio.playedSamples > 0);
    expect(call.llm.requests[0]!.tools).toEqual(["end_call"]);
    expect(call.hangups).toEqual([]);
    await call.until(() => call.hangups.length === 1);
    expect(call.hangups).toEqual(["agent_end_call"]);
    expect(call.audio.queuedSamples).toBe(0);
    expect(call.agentTurns()[0]).toMatchObject({ text: "Thanks for calling, goodbye!", interrupted: false });
    expect(call.llm.requests).toHaveLength(1);
  });

  test("end_call without words speaks a default goodbye", async () => {
    const call = await askWithTools([{ type: "end_call" }], [{ toolCalls: [toolCall("end_call", {})] }]);
    await call.until(() => call.hangups.length === 1);
    expect(call.tts.texts).toEqual(["Goodbye."]);
  });

  test("transfer_call transfers after the agent's words were played and reports the outcome", async () => {
    const call = await askWithTools(
      [{ type: "transfer_call" }],
      [
        { tokens: ["Connecting you now."], toolCalls: [toolCall("transfer_call", { target: "+15550123" })] },
        { tokens: ["Done."] },
      ],
    );
    await call.until(() => call.transfers.length === 1);
    expect(call.transfers).toEqual([{ target: "+15550123", playedSamples: 3 * 4800, queuedSamples: 0 }]);
    await call.until(() => call.llm.requests.length === 2);
    const toolMessage = call.llm.requests[1]!.messages.at(-1)!;
    expect(toolMessage.role).toBe("tool");
    expect(toolMessage.tool_call_id).toBe("call_1");
    expect(JSON.parse(toolMessage.content!)).toEqual({ ok: true, status: 200, reason: "OK" });
  });

  test("send_dtmf presses keys on the far end", async () => {
    const call = await askWithTools(
      [{ type: "send_dtmf" }],
      [{ toolCalls: [toolCall("send_dtmf", { digits: "2#" })] }, { tokens: ["Pressed."] }],
    );
    await call.until(() => call.llm.requests.length === 2);
    expect(call.audio.dtmfSent).toEqual(["2#"]);
    expect(JSON.parse(call.llm.requests[1]!.messages.at(-1)!.content!)).toEqual({ ok: true, sent: "2#" });
  });

  test("an HTTP tool is called with the model's arguments and its result goes back to the model", async () => {
    received.length = 0;
    const call = await askWithTools(
      [http("/slots")],
      [{ toolCalls: [toolCall("check_slots", { day: "monday" })] }, { tokens: ["Nine or eleven thirty."] }],
    );
    await call.untilReal(() => call.llm.requests.length === 2);
    expect(received).toMatchObject([
      { method: "POST", path: "/slots", body: JSON.stringify({ day: "monday" }), auth: "Bearer tool-secret" },
    ]);
    const messages = call.llm.requests[1]!.messages;
    expect(messages.at(-2)).toMatchObject({ role: "assistant", tool_calls: [{ name: "check_slots" }] });
    expect(JSON.parse(messages.at(-1)!.content!)).toEqual({ slots: ["9:00", "11:30"] });
    await call.until(() => call.agentTurns().length === 1);
    expect(call.agentTurns()[0]!.text).toBe("Nine or eleven thirty.");
  });

  test("an HTTP tool request is signed with the org's secret and names the call and agent", async () => {
    received.length = 0;
    const secret = generateWebhookSecret();
    const signer = requestSigner({ callId: "call_signed", agentId: "agt_signed", secrets: [secret] });
    const call = await askWithTools(
      [http("/slots")],
      [{ toolCalls: [toolCall("check_slots", { day: "monday" })] }, { tokens: ["Ok."] }],
      { toolRequests: { urlPolicy: { allowPrivate: true }, signer } },
    );
    await call.untilReal(() => call.llm.requests.length === 2);
    const [request] = received;
    expect(request!.headers["x-switchboard-call-id"]).toBe("call_signed");
    expect(request!.headers["x-switchboard-agent-id"]).toBe("agt_signed");
    expect(() => new Webhook(secret).verify(request!.body, request!.headers)).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(request!.body, request!.headers)).toThrow();
  });

  test("without ALLOW_PRIVATE_URLS a tool on loopback gets no request and the model hears why", async () => {
    received.length = 0;
    const call = await askWithTools(
      [http("/slots"), { ...http("/slots"), name: "by_name", url: `http://localhost:${server.port}/slots` }],
      [
        {
          toolCalls: [
            toolCall("check_slots", { day: "monday" }, "call_a"),
            toolCall("by_name", {}, "call_b"),
          ],
        },
        { tokens: ["Sorry."] },
      ],
      { toolRequests: { urlPolicy: { allowPrivate: false } } },
    );
    await call.untilReal(() => call.llm.requests.length === 2);
    const results = call.llm.requests[1]!.messages.filter((message) => message.role === "tool");
    expect(results).toHaveLength(2);
    for (const result of results) expect(JSON.parse(result.content!).error).toContain("not allowed");
    expect(received).toEqual([]);
  });

  test("a refused tool URL is logged as a warning with the reason, never the URL or its query", async () => {
    received.length = 0;
    const { logger, lines, entries } = captureLogs("warn");
    const tool = httpTool(
      { ...http("/slots", { method: "GET" }), url: `http://127.0.0.1:${server.port}/slots?key=tool-secret` },
      { urlPolicy: { allowPrivate: false } },
    );
    // An http tool uses only the signal and the logger of its context.
    const context = { signal: new AbortController().signal, logger } as unknown as ToolContext;
    const result = JSON.parse((await tool.execute({ day: "monday" }, context)).content);
    expect(result.error).toContain("resolves to 127.0.0.1, a loopback address");
    expect(received).toEqual([]);
    expect(entries()).toMatchObject([{ level: 40, tool: "check_slots" }]);
    expect(entries()[0]!.reason).toStartWith("resolves to 127.0.0.1, a loopback address");
    expect(lines.join("")).not.toContain("tool-secret");
    expect(lines.join("")).not.toContain("monday");
  });

  test("GET tools send the arguments as a query string", async () => {
    received.length = 0;
    const call = await askWithTools(
      [http("/slots", { method: "GET" })],
      [{ toolCalls: [toolCall("check_slots", { day: "friday" })] }, { tokens: ["Ok."] }],
    );
    await call.untilReal(() => call.llm.requests.length === 2);
    expect(received[0]).toMatchObject({ method: "GET", path: "/slots?day=friday", body: "" });
  });

  test("an HTTP tool timeout is reported to the model as the tool result", async () => {
    const call = await askWithTools(
      [http("/slow", { timeout_ms: 200 })],
      [
        { toolCalls: [toolCall("check_slots", { day: "monday" })] },
        { tokens: ["Sorry, I could not check."] },
      ],
    );
    await call.untilReal(() => call.llm.requests.length === 2);
    expect(JSON.parse(call.llm.requests[1]!.messages.at(-1)!.content!)).toEqual({
      error: "timed out after 200 ms",
    });
  });

  test("an HTTP tool error status and bad arguments are reported to the model", async () => {
    const call = await askWithTools(
      [http("/broken")],
      [
        {
          toolCalls: [
            toolCall("check_slots", { day: "monday" }, "call_a"),
            { id: "call_b", name: "check_slots", arguments: "{not json" },
            toolCall("no_such_tool", {}, "call_c"),
          ],
        },
        { tokens: ["Sorry."] },
      ],
    );
    await call.untilReal(() => call.llm.requests.length === 2);
    const results = call.llm.requests[1]!.messages.filter((message) => message.role === "tool");
    expect(results.map((message) => [message.tool_call_id, JSON.parse(message.content!)])).toEqual([
      ["call_a", { error: "HTTP 500", body: "database down" }],
      ["call_b", { error: "arguments are not valid JSON" }],
      ["call_c", { error: "unknown tool no_such_tool" }],
    ]);
  });
});
