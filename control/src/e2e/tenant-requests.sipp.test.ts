// The tenant boundary on a real call (embedded default, SIPp caller): an agent on its org's own
// OpenAI-compatible endpoint reaches it with the org's key and never the operator's, and the
// custom LLM and HTTP tool requests carry Standard Webhooks signatures that verify with the
// org's signing secret and name the call and agent.
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

const OPERATOR_OPENAI_KEY = "sk-operator-never-leaves";
const TENANT_OPENAI_KEY = "sk-tenant-own-key-0123456789";
const NUMBERS = ["+14155550181", "+14155550182"];

interface Seen {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The tenant's servers: records every request; /v1/* is its OpenAI-compatible model, /brain its
 * custom-LLM endpoint (which calls that model with its own key), /tool an HTTP tool.
 */
function startTenantServer(upstreamOpenAiUrl: string) {
  const seen: Seen[] = [];
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 0,
    async fetch(request) {
      const url = new URL(request.url);
      const body = request.method === "GET" ? "" : await request.text();
      seen.push({ path: url.pathname + url.search, headers: Object.fromEntries(request.headers), body });
      if (url.pathname.startsWith("/tool")) return Response.json({ tables_free: 3 });
      const headers = new Headers(request.headers);
      headers.delete("host");
      headers.delete("content-length");
      let path = url.pathname;
      if (path === "/brain") {
        path = "/v1/chat/completions";
        headers.set("authorization", `Bearer ${TENANT_OPENAI_KEY}`);
      }
      const target = `${upstreamOpenAiUrl.replace(/\/v1$/, "")}${path}`;
      return fetch(target, { method: request.method, headers, body: body || undefined });
    },
  });
  return { url: `http://127.0.0.1:${server.port}`, seen, stop: () => server.stop(true) };
}

let dir: string;
let callerAudio: string;
let upstream: RunningProcess;
let tenant: ReturnType<typeof startTenantServer>;
let platform: RunningProcess;
let api: ApiClient;
let sipPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tenant-requests-"));
  callerAudio = makeCallerAudio(dir);
  const script = {
    apiKeys: { openai: TENANT_OPENAI_KEY },
    llm: {
      rules: [{ match: "table", toolCalls: [{ name: "check_tables", arguments: { party: 2 } }] }],
      afterToolReply: "Three tables are free.",
    },
  };
  upstream = await startProcess(
    scripts.standIns,
    { STAND_IN_SCRIPT: JSON.stringify(script) },
    /ELEVENLABS_BASE_URL=\S+/,
  );
  tenant = startTenantServer(standInUrlsOf(upstream.output()).OPENAI_BASE_URL!);
  const embedded = await startEmbeddedPlatform(dir, {
    NUMBER_INVENTORY: NUMBERS.join(","),
    // The tenant's servers are on loopback here; the guard's refusals are tested elsewhere.
    ALLOW_PRIVATE_URLS: "true",
    // The operator's own endpoint and key: the tenant's agent must use neither.
    OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
    OPENAI_API_KEY: OPERATOR_OPENAI_KEY,
  });
  ({ process: platform, api, sipPort } = embedded);
  expect((await api.request("POST", "/credits/purchase", { amount_cents: 10_000 })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  for (const process of [platform, upstream]) await process?.stop().catch(() => {});
  tenant?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function ownCredential(): Promise<string> {
  const credential = await api.request<{ id: string; api_key_prefix: string }>(
    "POST",
    "/provider-credentials",
    {
      provider: "openai_compatible",
      name: "Our vLLM",
      base_url: `${tenant.url}/v1`,
      api_key: TENANT_OPENAI_KEY,
    },
  );
  expect(credential.status).toBe(201);
  expect(JSON.stringify(credential.body)).not.toContain(TENANT_OPENAI_KEY);
  return credential.body.id;
}

async function attach(agentId: string, number: string): Promise<void> {
  const attached = await api.request("POST", "/phone-numbers", { phone_number: number, agent_id: agentId });
  expect(attached.status).toBe(201);
}

/** SIPp calls `number` and speaks once; resolves with the completed call and its transcript. */
async function callAndSpeak(number: string): Promise<Call> {
  const result = await runSipp({
    scenario: speakingCallerScenario(dir, callerAudio, "uac-speaks-expect-reply", [1500], 8000),
    gatewayPort: sipPort,
    service: number,
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
      return page.body.data.find((call) => call.to_number === number);
    },
    E2E_WAIT,
  );
  return (await api.request<Call>("GET", `/calls/${listed.id}`)).body;
}

test("an agent on the org's own OpenAI-compatible endpoint uses the org's key, never the operator's", async () => {
  const refused = await api.request<{ code: string; errors: Array<{ field: string }> }>("POST", "/agents", {
    name: "No credential",
    llm: { provider: "openai", base_url: `${tenant.url}/v1`, model: "m", temperature: 0 },
  });
  expect(refused.status).toBe(422);
  expect(refused.body.errors[0]!.field).toBe("llm.base_url");

  const credentialId = await ownCredential();
  const agent = await api.request<{ id: string }>("POST", "/agents", {
    name: "Own model",
    first_message: "Hello.",
    llm: { provider: "openai", model: "our-model", temperature: 0, credential_id: credentialId },
    stt: { provider: "openai", model: "whisper-1", language: "en", credential_id: credentialId },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
  });
  expect(agent.status).toBe(201);
  await attach(agent.body.id, NUMBERS[0]!);

  const seenBefore = tenant.seen.length;
  const call = await callAndSpeak(NUMBERS[0]!);
  expect(call.transcript.some((turn) => turn.role === "user")).toBe(true);
  const modelRequests = tenant.seen.slice(seenBefore).filter((item) => item.path.startsWith("/v1/"));
  const paths = new Set(modelRequests.map((item) => item.path));
  expect(paths.has("/v1/chat/completions")).toBe(true);
  expect(paths.has("/v1/audio/transcriptions")).toBe(true);
  for (const item of modelRequests) expect(item.headers.authorization).toBe(`Bearer ${TENANT_OPENAI_KEY}`);
  for (const item of tenant.seen) expect(JSON.stringify(item)).not.toContain(OPERATOR_OPENAI_KEY);
}, 120_000);

test("custom LLM and HTTP tool requests are signed with the org's secret and name the call and agent", async () => {
  const rotated = await api.request<{ secret: string; prefix: string }>("POST", "/org/signing-secret/rotate");
  expect(rotated.status).toBe(200);
  expect(rotated.body.secret.startsWith(rotated.body.prefix)).toBe(true);
  const agent = await api.request<{ id: string; llm: { model: string } }>("POST", "/agents", {
    name: "Own brain",
    first_message: "Hello.",
    llm: { provider: "custom", webhook_url: `${tenant.url}/brain`, temperature: 0 },
    stt: { provider: "openai", model: "whisper-1", language: "en", credential_id: await ownCredential() },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
    tools: [
      {
        type: "http",
        name: "check_tables",
        description: "Free tables for a party size.",
        url: `${tenant.url}/tool/tables`,
        method: "POST",
        parameters: { type: "object", properties: { party: { type: "integer" } } },
      },
    ],
  });
  expect(agent.status).toBe(201);
  expect(agent.body.llm.model).toBe("custom");
  await attach(agent.body.id, NUMBERS[1]!);

  const seenBefore = tenant.seen.length;
  const call = await callAndSpeak(NUMBERS[1]!);
  const requests = tenant.seen.slice(seenBefore);
  const llmRequests = requests.filter((item) => item.path === "/brain");
  const toolRequests = requests.filter((item) => item.path === "/tool/tables");
  expect(llmRequests.length).toBeGreaterThanOrEqual(2);
  expect(toolRequests.length).toBe(1);
  const verifier = new Webhook(rotated.body.secret);
  for (const item of [...llmRequests, ...toolRequests]) {
    expect(() => verifier.verify(item.body, item.headers)).not.toThrow();
    expect(item.headers["x-switchboard-call-id"]).toBe(call.id);
    expect(item.headers["x-switchboard-agent-id"]).toBe(agent.body.id);
  }
  expect(JSON.parse(llmRequests[0]!.body).model).toBe("custom");
  expect(JSON.parse(toolRequests[0]!.body)).toEqual({ party: 2 });
  // A forged signature does not verify: the check above could fail.
  const forged = { ...toolRequests[0]!.headers, "webhook-signature": "v1,AAAA" };
  expect(() => verifier.verify(toolRequests[0]!.body, forged)).toThrow();
  expect(call.transcript.some((turn) => turn.role === "agent" && turn.text.includes("Three tables"))).toBe(
    true,
  );
}, 120_000);
