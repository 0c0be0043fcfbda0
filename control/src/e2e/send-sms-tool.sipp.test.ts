// The send_sms built-in on a real call (embedded default, SIPp caller, LLM stand-in calling the
// tool): the caller is texted from the call's number through the Twilio stand-in, charged per
// segment, and the message is in GET /sms with the call's id; the model hears it was sent.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { runSipp } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import { startTwilioStandIn } from "@switchboard/stand-ins/twilio";
import { type ApiClient, type Call, E2E_WAIT, makeCallerAudio } from "./support/acceptance.ts";
import { startEmbeddedPlatform } from "./support/embedded-platform.ts";
import { type RunningProcess, scripts, standInUrlsOf, startProcess } from "./support/processes.ts";

const NUMBER = "+14155550192";
const TEXT = "Our address is 1 Main Street, Springfield.";

let dir: string;
let callerAudio: string;
let standIns: RunningProcess;
let platform: RunningProcess;
let api: ApiClient;
let sipPort: number;
const twilio = startTwilioStandIn();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "send-sms-tool-"));
  callerAudio = makeCallerAudio(dir);
  const script = {
    llm: {
      rules: [{ match: "table", toolCalls: [{ name: "send_sms", arguments: { body: TEXT } }] }],
      afterToolReply: "I have texted you the address.",
    },
  };
  standIns = await startProcess(
    scripts.standIns,
    { STAND_IN_SCRIPT: JSON.stringify(script) },
    /ELEVENLABS_BASE_URL=\S+/,
  );
  const embedded = await startEmbeddedPlatform(
    dir,
    {
      NUMBER_INVENTORY: NUMBER,
      OPENAI_API_KEY: "sk-stand-in",
      ...standInUrlsOf(standIns.output()),
      // This test's own Twilio stand-in, whose sent messages it reads.
      SMS_CARRIER: "twilio",
      SMS_CENTS_PER_SEGMENT: "4",
      TWILIO_BASE_URL: twilio.url,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
    },
    150_000,
  );
  ({ process: platform, api, sipPort } = embedded);
  expect((await api.request("POST", "/credits/purchase", { amount_cents: 10_000 })).status).toBe(201);
}, 240_000);

afterAll(async () => {
  for (const process of [platform, standIns]) await process?.stop().catch(() => {});
  await twilio.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the agent texts the caller during a SIPp call through the number's carrier, billed and listed with the call", async () => {
  const agent = await api.request<{ id: string }>("POST", "/agents", {
    name: "Front desk",
    first_message: "Hello.",
    stt: { provider: "openai", model: "whisper-1", language: "en" },
    llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0 },
    voice: { provider: "espeak", voice_id: "en-us" },
    endpointing: { silence_ms: 400 },
    tools: [{ type: "send_sms" }],
  });
  expect(agent.status).toBe(201);
  const bought = await api.request<{ id: string }>("POST", "/phone-numbers", {
    phone_number: NUMBER,
    agent_id: agent.body.id,
  });
  expect(bought.status).toBe(201);
  const builtIns = await api.request<{ data: Array<{ name: string; available: boolean }> }>(
    "GET",
    `/tools/built-ins?phone_number_id=${bought.body.id}`,
  );
  expect(builtIns.body.data.find((tool) => tool.name === "send_sms")?.available).toBe(true);

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
  type ToolCall = { name: string; result: string | null; outcome: string };
  const call = (
    await api.request<{
      id: string;
      from_number: string;
      transcript: Array<{ tool_calls?: ToolCall[] | null }>;
    }>("GET", `/calls/${listed.id}`)
  ).body;

  const sent = twilio.sent.filter((message) => message.body === TEXT);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ from: NUMBER, to: call.from_number });
  const messages = await api.request<{ data: Array<Record<string, unknown>> }>(
    "GET",
    `/sms?number=${bought.body.id}&direction=outbound`,
  );
  expect(messages.body.data).toHaveLength(1);
  expect(messages.body.data[0]).toMatchObject({
    from: NUMBER,
    to: call.from_number,
    body: TEXT,
    segments: 1,
    cost_cents: 4,
    metadata: { call_id: call.id, agent_id: agent.body.id },
  });
  const ledger = await api.request<{
    data: Array<{ kind: string; amount_cents: number; reference: string }>;
  }>("GET", "/credits/transactions");
  const smsCharge = ledger.body.data.filter((entry) => entry.kind === "sms_usage");
  expect(smsCharge.map((entry) => [entry.amount_cents, entry.reference])).toEqual([
    [-4, messages.body.data[0]!.id as string],
  ]);
  const toolCall = call.transcript
    .flatMap((turn) => turn.tool_calls ?? [])
    .find((item) => item.name === "send_sms");
  expect(toolCall?.outcome).toBe("completed");
  expect(JSON.parse(toolCall?.result ?? "{}")).toEqual({ ok: true, status: "sent" });
}, 120_000);
