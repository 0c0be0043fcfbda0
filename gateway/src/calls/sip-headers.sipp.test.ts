// SIP headers both ways: an inbound INVITE's context headers reach the call.started event and
// the prompt (`{{sip.X-Customer-Id}}` in the LLM request the OpenAI stand-in records); an
// outbound call's `sip_headers` are on the INVITE the carrier (SIPp) receives.

import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hashes } from "@switchboard/shared/bus/topics";
import { loadConfig } from "@switchboard/shared/config";
import { type DispatchCommand, Streams } from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { runSipp, startSippServer } from "@switchboard/stand-ins/testing/sipp";
import { speakingCallerScenario } from "@switchboard/stand-ins/testing/speaking-caller";
import type { CallContext, MediaApplication } from "../call-core/application.ts";
import { GreetingApplication } from "../call-core/greeting-application.ts";
import { createAgentApplication } from "../pipeline/create.ts";
import { transferCallTool } from "../pipeline/tools/transfer-call.ts";
import { EspeakTts } from "../providers/espeak/tts.ts";
import {
  publishRoute,
  startTestGateway,
  TEST_AGENT_ID,
  TEST_ORG,
  type TestGateway,
  testAgent,
} from "./testing/test-gateway.ts";

let dir: string;
let callerAudio: string;
let standIns: StandIns;
const toolRequests: Array<Record<string, string>> = [];
const toolServer = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  fetch(request) {
    toolRequests.push(Object.fromEntries(request.headers));
    return Response.json({ account: "on file" });
  },
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sip-headers-"));
  const wav = join(dir, "caller.wav");
  callerAudio = join(dir, "caller.ulaw");
  expect(Bun.spawnSync(["espeak-ng", "-w", wav, "What is my account number"]).exitCode).toBe(0);
  expect(
    Bun.spawnSync(["sox", wav, "-r", "8000", "-c", "1", "-t", "raw", "-e", "mu-law", callerAudio]).exitCode,
  ).toBe(0);
  standIns = startStandIns({
    llm: {
      firstTokenMs: 20,
      interTokenMs: 2,
      rules: [{ match: ".", toolCalls: [{ name: "lookup_customer", arguments: {} }] }],
      afterToolReply: "Your number is on file.",
    },
    transcription: { texts: ["What is my account number?"], delayMs: 20, speechRmsThreshold: 100 },
  });
});

afterAll(async () => {
  await standIns?.stop();
  toolServer.stop(true);
  rmSync(dir, { recursive: true, force: true });
});

function systemPromptsSent(): string[] {
  return standIns.state.of("chat").bodies.flatMap((body) => {
    const messages = (body as { messages?: Array<{ role: string; content: string | null }> }).messages ?? [];
    return messages.filter((message) => message.role === "system").map((message) => message.content ?? "");
  });
}

describe("SIP headers both ways (SIPp)", () => {
  let gateway: TestGateway | null = null;
  afterAll(async () => {
    await gateway?.stop();
  });

  test("an inbound INVITE's X-Customer-Id is on call.started, in the LLM request's prompt and sent to tools", async () => {
    // The tool server is on loopback; the URL guard's refusals are tested with the tools.
    const config = loadConfig({ OPENAI_BASE_URL: standIns.urls.openai, ALLOW_PRIVATE_URLS: "true" });
    gateway = await startTestGateway({
      env: { SIP_TRUNK_INBOUND_CIDRS: "127.0.0.1/32" },
      application: await createAgentApplication({ config, log: createLogger("fatal") }),
    });
    await publishRoute(gateway.bus, "+14155550100");
    const agent = testAgent({
      system_prompt: "You help customer number {{sip.X-Customer-Id}} (lower case: {{sip.x-customer-id}}).",
      first_message: "Hello.",
      stt: { provider: "openai", model: "whisper-1", language: "en" },
      llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2 },
      endpointing: { silence_ms: 400 },
      tools: [{ type: "http", name: "lookup_customer", url: `http://127.0.0.1:${toolServer.port}/customer` }],
    });
    await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(agent));
    const scenario = speakingCallerScenario(dir, callerAudio, "uac-with-context-headers", [1200], 6000, {
      inviteHeaders: [
        "X-Customer-Id: 42",
        "P-Asserted-Identity: <sip:+14155550111@carrier.example>",
        "Subject: not context",
      ],
    });
    const result = await runSipp({ scenario, gatewayPort: gateway.port, timeoutS: 30 });
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    const target = gateway;
    await waitFor(
      "the call.ended event",
      () => target.events().some((event) => event.type === "call.ended"),
      {
        timeoutMs: 10_000,
      },
    );
    const started = target.events().find((event) => event.type === "call.started");
    expect(started).toMatchObject({
      sip_headers: {
        "X-Customer-Id": "42",
        "P-Asserted-Identity": "<sip:+14155550111@carrier.example>",
      },
    });
    expect(Object.keys((started as { sip_headers: object }).sip_headers)).toHaveLength(2);
    const prompts = systemPromptsSent();
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.at(-1)).toContain("You help customer number 42 (lower case: 42).");
    expect(toolRequests).toHaveLength(1);
    expect(toolRequests[0]).toMatchObject({
      "x-switchboard-call-id": (started as { call_id: string }).call_id,
      "x-switchboard-call-direction": "inbound",
      "x-switchboard-from-number": "+14155550111",
      "x-switchboard-to-number": "+14155550100",
      "x-switchboard-sip-x-customer-id": "42",
      "x-switchboard-sip-p-asserted-identity": "<sip:+14155550111@carrier.example>",
    });
  }, 60_000);

  test("an outbound call's sip_headers are on the INVITE the carrier receives", async () => {
    await gateway?.stop();
    const carrier = await startSippServer({ scenario: "uas-answer-expect-context-headers.xml" });
    gateway = await startTestGateway({
      env: { SIP_TRUNK_OUTBOUND_URI: `sip:127.0.0.1:${carrier.port};transport=udp` },
      application: new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: 100 }),
    });
    await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(testAgent()));
    const command: DispatchCommand = {
      call_id: `call_${crypto.randomUUID().replaceAll("-", "")}`,
      org_id: TEST_ORG,
      agent_id: TEST_AGENT_ID,
      from_number: "+14155550100",
      to_number: "+14155550123",
      objective: null,
      metadata: {},
      trunk_id: null,
      sip_headers: { "X-Campaign-Id": "7", "User-to-User": "56a390f3;encoding=hex" },
    };
    await gateway.bus.append(Streams.dispatch, JSON.stringify(command));
    const result = await carrier.done;
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    const target = gateway;
    await waitFor("the call.ended event", () =>
      target.events().some((event) => event.type === "call.ended" && event.call_id === command.call_id),
    );
    expect(target.events().findLast((event) => event.type === "call.ended")).toMatchObject({
      status: "completed",
    });
  }, 60_000);

  test("an outbound dispatch with a header the stack owns is not dialled", async () => {
    const target = gateway!;
    const command: DispatchCommand = {
      call_id: `call_${crypto.randomUUID().replaceAll("-", "")}`,
      org_id: TEST_ORG,
      agent_id: TEST_AGENT_ID,
      from_number: "+14155550100",
      to_number: "+14155550123",
      objective: null,
      metadata: {},
      trunk_id: null,
      sip_headers: { Via: "SIP/2.0/UDP evil.example" },
    };
    await target.bus.append(Streams.dispatch, JSON.stringify(command));
    await waitFor("the refused call's call.ended event", () =>
      target.events().some((event) => event.type === "call.ended" && event.call_id === command.call_id),
    );
    expect(target.events().findLast((event) => event.call_id === command.call_id)).toMatchObject({
      status: "failed",
      hangup_cause: "invalid_sip_headers",
    });
  });

  test("transfer_call with sip_headers: REFER carries them in the Refer-To URI and Referred-By; the outcome is a call.transfer event", async () => {
    await gateway?.stop();
    const tool = transferCallTool({
      type: "transfer_call",
      target: "+14155550123",
      sip_headers: { "X-Case-Id": "77", "User-to-User": "56a390f3;encoding=hex" },
    });
    const results: string[] = [];
    const transferring: MediaApplication = {
      async start(call: CallContext) {
        // Once start has returned (the ACK left before it began).
        setTimeout(() => {
          tool
            .execute(
              {},
              {
                signal: new AbortController().signal,
                sendDtmf: async () => {},
                control: call.control,
                waitForSpeech: async () => {},
                logger: null,
              },
            )
            .then((result) => results.push(result.content));
        }, 0);
        return { stop: async () => {} };
      },
    };
    const carrier = await startSippServer({ scenario: "uas-refer-with-headers-notify-200-expect-bye.xml" });
    gateway = await startTestGateway({
      env: { SIP_TRUNK_OUTBOUND_URI: `sip:127.0.0.1:${carrier.port};transport=udp` },
      application: transferring,
    });
    await gateway.bus.hashSet(Hashes.agentSnapshots, TEST_AGENT_ID, JSON.stringify(testAgent()));
    const callId = `call_${crypto.randomUUID().replaceAll("-", "")}`;
    const command: DispatchCommand = {
      call_id: callId,
      org_id: TEST_ORG,
      agent_id: TEST_AGENT_ID,
      from_number: "+14155550100",
      to_number: "+14155550123",
      objective: null,
      metadata: {},
      trunk_id: null,
    };
    await gateway.bus.append(Streams.dispatch, JSON.stringify(command));
    const result = await carrier.done;
    expect(result.errors).toBe("");
    expect(result.exitCode).toBe(0);
    const target = gateway;
    await waitFor("the call.ended event", () =>
      target.events().some((event) => event.type === "call.ended" && event.call_id === callId),
    );
    expect(JSON.parse(results[0]!)).toMatchObject({ ok: true, status: 200 });
    const transfer = target
      .events()
      .find((event) => event.type === "call.transfer" && event.call_id === callId);
    expect(transfer).toMatchObject({ target: "+14155550123", ok: true, status: 200, reason: "OK" });
    expect(target.events().findLast((event) => event.call_id === callId)).toMatchObject({
      type: "call.ended",
      hangup_cause: "transferred",
    });
  }, 60_000);
});
