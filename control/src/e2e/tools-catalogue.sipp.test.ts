// A tool of the org's catalogue on a real call (embedded default, SIPp caller): created through
// /tools, referenced by two agents through tool_ids, called during a call as a signed request
// naming the call and agent; deleting it is refused while the agents use it.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import { Webhook } from "standardwebhooks";
import { type ApiClient, type Call, E2E_WAIT, makeCallerAudio } from "./support/acceptance.ts";
import { startEmbeddedPlatform } from "./support/embedded-platform.ts";
import { type RunningProcess, scripts, standInUrlsOf, startProcess } from "./support/processes.ts";

const NUMBER = "+14155550191";

interface Seen {
  path: string;
  headers: Record<string, string>;
  body: string;
}

let dir: string;
let callerAudio: string;
let standIns: RunningProcess;
let platform: RunningProcess;
let api: ApiClient;
let sipPort: number;
const seen: Seen[] = [];
const toolServer = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(request) {
    const url = new URL(request.url);
    seen.push({
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    return Response.json({ tables_free: 3 });
  },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tools-catalogue-"));
  callerAudio = makeCallerAudio(dir);
  const script = {
    llm: {
      rules: [{ match: "table", toolCalls: [{ name: "check_tables", arguments: { party: 2 } }] }],
      afterToolReply: "Three tables are free.",
    },
  };
  standIns = await startProcess(
    scripts.standIns,
    { STAND_IN_SCRIPT: JSON.stringify(script) },
    /ELEVENLABS_BASE_URL=\S+/,
  );
  const embedded = await startEmbeddedPlatform(dir, {
    NUMBER_INVENTORY: NUMBER,
    // The tool server is on loopback here; the guard's refusals are tested in the /tools suite.
    ALLOW_PRIVATE_URLS: "true",
    OPENAI_API_KEY: "sk-stand-in",
    ...standInUrlsOf(standIns.output()),
  });
  ({ process: platform, api, sipPort } = embedded);
  expect((await api.request("POST", "/credits/purchase", { amount_cents: 10_000 })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  for (const process of [platform, standIns]) await process?.stop().catch(() => {});
  toolServer.stop(true);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a catalogue tool referenced by two agents is called during a SIPp call, signed and naming the call", async () => {
  const rotated = await api.request<{ secret: string }>("POST", "/org/signing-secret/rotate");
  expect(rotated.status).toBe(200);
  const tool = await api.request<{ id: string }>("POST", "/tools", {
    type: "http",
    name: "check_tables",
    description: "Free tables for a party size.",
    url: `http://127.0.0.1:${toolServer.port}/tool/tables`,
    method: "POST",
    parameters: { type: "object", properties: { party: { type: "integer" } } },
  });
  expect(tool.status).toBe(201);
  const agentBody = (name: string) => ({
    name,
    first_message: "Hello.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0 },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
    tool_ids: [tool.body.id],
  });
  const first = await api.request<{ id: string }>("POST", "/agents", agentBody("Bookings"));
  const second = await api.request<{ id: string }>("POST", "/agents", agentBody("Events"));
  expect([first.status, second.status]).toEqual([201, 201]);
  expect(
    (await api.request("POST", "/phone-numbers", { phone_number: NUMBER, agent_id: first.body.id })).status,
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
  const toolRequests = seen.filter((item) => item.path === "/tool/tables");
  expect(toolRequests).toHaveLength(1);
  const request = toolRequests[0]!;
  expect(() => new Webhook(rotated.body.secret).verify(request.body, request.headers)).not.toThrow();
  expect(request.headers["x-switchboard-call-id"]).toBe(call.id);
  expect(request.headers["x-switchboard-agent-id"]).toBe(first.body.id);
  expect(JSON.parse(request.body)).toEqual({ party: 2 });
  expect(call.transcript.some((turn) => turn.role === "agent" && turn.text.includes("Three tables"))).toBe(
    true,
  );

  const refused = await api.request<{ detail: string }>("DELETE", `/tools/${tool.body.id}`);
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toContain(first.body.id);
  expect(refused.body.detail).toContain(second.body.id);
}, 120_000);
