// An MCP server of the org's catalogue on a real call (embedded default, SIPp caller): the SDK's
// own McpServer on loopback with two tools is listed through /tools, an agent references it,
// and the model's call of one of its tools reaches the server with the arguments; the result
// goes back to the model (the transcript's tool call) and the reply after it is spoken.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestMcpServer } from "@switchboard/shared/testing/mcp-server";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import { type ApiClient, type Call, E2E_WAIT, makeCallerAudio } from "./support/acceptance.ts";
import { startEmbeddedPlatform } from "./support/embedded-platform.ts";
import { type RunningProcess, scripts, standInUrlsOf, startProcess } from "./support/processes.ts";

const NUMBER = "+14155550193";

let dir: string;
let callerAudio: string;
let standIns: RunningProcess;
let platform: RunningProcess;
let api: ApiClient;
let sipPort: number;
const mcpServer = startTestMcpServer();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mcp-tools-"));
  callerAudio = makeCallerAudio(dir);
  const script = {
    llm: {
      rules: [
        { match: "table", toolCalls: [{ name: "orders__lookup_order", arguments: { order_id: "A17" } }] },
      ],
      afterToolReply: "It shipped on Monday.",
    },
  };
  standIns = await startProcess(
    scripts.standIns,
    { STAND_IN_SCRIPT: JSON.stringify(script) },
    /ELEVENLABS_BASE_URL=\S+/,
  );
  const embedded = await startEmbeddedPlatform(dir, {
    NUMBER_INVENTORY: NUMBER,
    // The MCP server is on loopback here; the guard's refusals are tested in the /tools suite.
    ALLOW_PRIVATE_URLS: "true",
    OPENAI_API_KEY: "sk-stand-in",
    ...standInUrlsOf(standIns.output()),
  });
  ({ process: platform, api, sipPort } = embedded);
  expect((await api.request("POST", "/credits/purchase", { amount_cents: 10_000 })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  for (const process of [platform, standIns]) await process?.stop().catch(() => {});
  await mcpServer.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("an MCP server's tool is listed through /tools and called during a SIPp call", async () => {
  const tool = await api.request<{ id: string; mcp_tools: { name: string }[] }>("POST", "/tools", {
    type: "mcp",
    name: "orders",
    description: "The order system.",
    url: mcpServer.url,
    transport: "streamable_http",
  });
  expect(tool.status).toBe(201);
  expect(tool.body.mcp_tools.map((listed) => listed.name).sort()).toEqual(["cancel_order", "lookup_order"]);
  const agent = await api.request<{ id: string }>("POST", "/agents", {
    name: "Orders desk",
    first_message: "Hello.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0 },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
    tool_ids: [tool.body.id],
  });
  expect(agent.status).toBe(201);
  expect(
    (await api.request("POST", "/phone-numbers", { phone_number: NUMBER, agent_id: agent.body.id })).status,
  ).toBe(201);

  const result = await runSipp({
    scenario: speakingCallerScenario(dir, callerAudio, "uac-speaks-expect-reply", [1500], 8000),
    gatewayPort: sipPort,
    service: NUMBER,
    timeoutS: 30,
  });
  expect(result.errors).toBe("");
  const listed = await waitFor(
    "the completed call",
    async () => {
      const page = await api.request<{ data: Array<Call & { to_number: string }> }>(
        "GET",
        "/calls?status=completed",
      );
      return page.body.data.find((call) => call.to_number === NUMBER);
    },
    E2E_WAIT,
  );
  const call = (await api.request<Call>("GET", `/calls/${listed.id}`)).body;
  expect(mcpServer.calls).toEqual([{ tool: "lookup_order", arguments: { order_id: "A17" } }]);
  const toolCalls = call.transcript.flatMap(
    (turn) => (turn as { tool_calls?: { name: string; result: string; outcome: string }[] }).tool_calls ?? [],
  );
  expect(toolCalls).toContainEqual(
    expect.objectContaining({
      name: "orders__lookup_order",
      result: "order A17 shipped on Monday",
      outcome: "completed",
    }),
  );
  expect(
    call.transcript.some((turn) => turn.role === "agent" && turn.text.includes("shipped on Monday")),
  ).toBe(true);
}, 120_000);
