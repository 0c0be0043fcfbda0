// A texting agent uses what a voice agent uses: the passages of its knowledge sources that
// match the message go to the model, and the model's call of a catalogue HTTP tool reaches the
// customer's server signed and naming the agent and the message, its result going back to the
// model before the reply is texted through the Twilio stand-in.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@switchboard/shared/config";
import { embedderFromConfig } from "@switchboard/shared/embeddings/embedder";
import { writeTestModel } from "@switchboard/shared/embeddings/test-model";
import { startStandIns } from "@switchboard/stand-ins/index";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { smsAgentReplies, smsMessages } from "../../db/schema.ts";
import { addCredits, addNumber, createAgent } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber } from "../../testing/numbers.ts";
import { KnowledgeWorker } from "../knowledge/worker.ts";
import { SmsAgentReplier } from "./agent-replies.ts";

const standIns = startStandIns({
  llm: {
    firstTokenMs: 1,
    interTokenMs: 0,
    defaultReply: "Parking is free in the north garage.",
    rules: [{ match: "appointment", toolCalls: [{ name: "book_slot", arguments: { day: "tuesday" } }] }],
    afterToolReply: "You are booked for Tuesday at 10.",
  },
});
const twilio = standIns.carriers.twilio;
const PUBLIC_URL = "https://switchboard.example.com";
const SMS_URL = `${PUBLIC_URL}/api/v1/carriers/twilio/sms`;
const toolRequests: Array<{ headers: Record<string, string>; body: string }> = [];
const toolServer = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(request) {
    toolRequests.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
    return Response.json({ booked: "tuesday 10:00" });
  },
});
let dir: string;
let h: Harness;
let number: { id: string; phoneNumber: string };
let agentId: string;
let signingSecret: string;

type ChatBody = {
  messages: Array<{ role: string; content: string }>;
  tools?: Array<{ function: { name: string } }>;
};
const chatBodies = () => standIns.state.of("chat").bodies as ChatBody[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sms-context-"));
  const model = writeTestModel(dir);
  const base = loadConfig({});
  h = await createHarness({
    config: {
      embeddingModel: model.embeddingModel,
      modelsDir: model.modelsDir,
      openaiBaseUrl: standIns.urls.openai,
      openaiApiKey: "sk-test",
      // The tool server is on loopback; the guard's refusals are tested with the tools catalogue.
      allowPrivateUrls: true,
      carriers: {
        ...base.carriers,
        smsCarrier: "twilio",
        publicUrl: PUBLIC_URL,
        twilioBaseUrl: twilio.url,
        twilioAccountSid: twilio.accountSid,
        twilioAuthToken: twilio.authToken,
      },
    },
  });
  await addCredits(h, 10_000);
  const source = await h.json<{ id: string }>("POST", "/api/v1/knowledge/text", {
    body: {
      title: "Parking",
      content: "Parking is free for patients in the garage on the north side of the building.",
    },
  });
  expect(source.status).toBe(201);
  const worker = new KnowledgeWorker({
    db: h.ctx.db,
    bus: h.ctx.bus,
    log: h.ctx.log,
    embedder: () => embedderFromConfig(h.ctx.config),
    chunkTokens: 200,
    orgIds: [h.orgId],
  });
  await worker.drain();
  const tool = await h.json<{ id: string }>("POST", "/api/v1/tools", {
    body: {
      type: "http",
      name: "book_slot",
      description: "Book an appointment slot.",
      url: `http://127.0.0.1:${toolServer.port}/book`,
      parameters: { type: "object", properties: { day: { type: "string" } } },
    },
  });
  expect(tool.status).toBe(201);
  signingSecret = (await h.json<{ secret: string }>("POST", "/api/v1/org/signing-secret/rotate")).body.secret;
  agentId = await createAgent(h, {
    system_prompt: "You are the front desk of Acme Dental.",
    knowledge: { mode: "all", source_ids: [], top_k: 2 },
    tool_ids: [tool.body.id],
  });
  number = await addNumber(h, { agentId });
}, 120_000);
afterAll(async () => {
  await standIns.stop();
  toolServer.stop(true);
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function inbound(from: string, body: string): Promise<string> {
  const response = await h.app.handle(
    twilio.inboundSms(SMS_URL, { from, to: number.phoneNumber, body }).request(),
  );
  expect(response.status).toBe(200);
  const rows = await h.ctx.db.select().from(smsMessages).where(eq(smsMessages.fromNumber, from));
  return rows.find((row) => row.body === body)!.id;
}

async function jobOf(inboundId: string) {
  const [row] = await h.ctx.db
    .select()
    .from(smsAgentReplies)
    .where(eq(smsAgentReplies.inboundSmsId, inboundId));
  return row;
}

test("the passages of the agent's knowledge that match the text go to the model", async () => {
  const sender = randomUsNumber();
  const id = await inbound(sender, "Where can I park my car at the building?");
  expect(await new SmsAgentReplier(h.ctx).runOnce()).toBe(true);
  expect((await jobOf(id))?.status).toBe("sent");
  const request = chatBodies().at(-1)!;
  const knowledge = request.messages.find(
    (message) => message.role === "system" && message.content.includes("knowledge base"),
  );
  expect(knowledge?.content).toContain("garage on the north side");
  expect(request.tools?.map((tool) => tool.function.name)).toEqual(["book_slot"]);
  expect(twilio.sent.filter((m) => m.to === sender).map((m) => m.body)).toEqual([
    "Parking is free in the north garage.",
  ]);
}, 60_000);

test("the model's call of a catalogue HTTP tool is signed, names the agent and message, and its result is answered", async () => {
  const sender = randomUsNumber();
  const id = await inbound(sender, "Can I get an appointment this week?");
  expect(await new SmsAgentReplier(h.ctx).runOnce()).toBe(true);
  expect((await jobOf(id))?.status).toBe("sent");
  expect(toolRequests).toHaveLength(1);
  const request = toolRequests[0]!;
  expect(JSON.parse(request.body)).toEqual({ day: "tuesday" });
  expect(request.headers["x-switchboard-agent-id"]).toBe(agentId);
  expect(request.headers["x-switchboard-sms-id"]).toBe(id);
  expect(() => new Webhook(signingSecret).verify(request.body, request.headers)).not.toThrow();
  const final = chatBodies().at(-1)!;
  expect(final.messages.at(-1)).toMatchObject({
    role: "tool",
    content: JSON.stringify({ booked: "tuesday 10:00" }),
  });
  expect(twilio.sent.filter((m) => m.to === sender).map((m) => m.body)).toEqual([
    "You are booked for Tuesday at 10.",
  ]);
}, 60_000);
