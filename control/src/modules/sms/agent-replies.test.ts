// A number's agent answers texts: an inbound SMS signed as Twilio signs it reaches the agent
// (its prompt and the conversation so far go to the LLM stand-in) and the reply goes out
// through the Twilio stand-in; the job is in the database, so a restarted worker answers it;
// STOP keeps the agent away; the per-conversation rate limit holds.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { loadConfig } from "@switchboard/shared/config";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { startStandIns } from "@switchboard/stand-ins/index";
import { eq } from "drizzle-orm";
import { smsAgentReplies, smsMessages } from "../../db/schema.ts";
import { addCredits, addNumber, createAgent } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { randomUsNumber } from "../../testing/numbers.ts";
import { SmsAgentReplier } from "./agent-replies.ts";

const standIns = startStandIns({
  llm: {
    firstTokenMs: 1,
    interTokenMs: 0,
    defaultReply: "We are open 9 to 5 on weekdays.",
    rules: [{ match: "sunday", reply: "Sorry, we are closed on Sundays." }],
  },
});
const twilio = standIns.carriers.twilio;
const PUBLIC_URL = "https://switchboard.example.com";
const SMS_URL = `${PUBLIC_URL}/api/v1/carriers/twilio/sms`;
let h: Harness;
let number: { id: string; phoneNumber: string };

beforeAll(async () => {
  const base = loadConfig({});
  h = await createHarness({
    config: {
      openaiBaseUrl: standIns.urls.openai,
      openaiApiKey: "sk-test",
      carriers: {
        ...base.carriers,
        smsCarrier: "twilio",
        publicUrl: PUBLIC_URL,
        twilioBaseUrl: twilio.url,
        twilioAccountSid: twilio.accountSid,
        twilioAuthToken: twilio.authToken,
        smsCentsPerSegment: 1,
        smsAgentRepliesPerMinute: 2,
      },
    },
  });
  await addCredits(h, 10_000);
  const agentId = await createAgent(h, { system_prompt: "You are the front desk of Acme Dental." });
  number = await addNumber(h, { agentId });
}, 60_000);
afterAll(async () => {
  await standIns.stop();
  await h.close();
});

async function inbound(from: string, body: string): Promise<string | null> {
  const response = await h.app.handle(
    twilio.inboundSms(SMS_URL, { from, to: number.phoneNumber, body }).request(),
  );
  expect(response.status).toBe(200);
  const rows = await h.ctx.db.select().from(smsMessages).where(eq(smsMessages.fromNumber, from));
  return rows.find((row) => row.body === body)?.id ?? null;
}

async function job(inboundId: string) {
  const [row] = await h.ctx.db
    .select()
    .from(smsAgentReplies)
    .where(eq(smsAgentReplies.inboundSmsId, inboundId));
  return row ?? null;
}

const lastChatRequest = () =>
  standIns.state.of("chat").bodies.at(-1) as { messages: Array<{ role: string; content: string }> };

test("the agent answers with its prompt over the conversation so far, through the carrier", async () => {
  const sender = randomUsNumber();
  const replier = new SmsAgentReplier(h.ctx);
  const first = await inbound(sender, "Are you open on Sunday?");
  expect((await job(first!))?.status).toBe("pending");
  expect(await replier.runOnce()).toBe(true);
  const done = await job(first!);
  expect(done).toMatchObject({ status: "sent", attempts: 1 });
  const sent = twilio.sent.filter((m) => m.to === sender);
  expect(sent.map((m) => [m.from, m.body])).toEqual([
    [number.phoneNumber, "Sorry, we are closed on Sundays."],
  ]);
  const [reply] = await h.ctx.db.select().from(smsMessages).where(eq(smsMessages.id, done!.replySmsId!));
  expect(reply!.metadata).toMatchObject({ in_reply_to: first });
  const firstRequest = lastChatRequest();
  expect(firstRequest.messages[0]!.role).toBe("system");
  expect(firstRequest.messages[0]!.content).toStartWith("You are the front desk of Acme Dental.");
  expect(firstRequest.messages.slice(1)).toEqual([{ role: "user", content: "Are you open on Sunday?" }]);

  const second = await inbound(sender, "And on Monday?");
  expect(await replier.runOnce()).toBe(true);
  expect((await job(second!))?.status).toBe("sent");
  expect(lastChatRequest().messages.slice(1)).toEqual([
    { role: "user", content: "Are you open on Sunday?" },
    { role: "assistant", content: "Sorry, we are closed on Sundays." },
    { role: "user", content: "And on Monday?" },
  ]);
  expect(twilio.sent.filter((m) => m.to === sender).at(-1)?.body).toBe("We are open 9 to 5 on weekdays.");
  expect(await replier.runOnce()).toBe(false);
});

test("the job outlives its worker: a new worker answers it, and a dead worker's lease runs out", async () => {
  const sender = randomUsNumber();
  const id = await inbound(sender, "Hello?");
  // A worker claimed it and died: the lease is taken, the job never finished.
  await h.ctx.db
    .update(smsAgentReplies)
    .set({ attempts: 1, lockedUntil: new Date(Date.now() + 60_000) })
    .where(eq(smsAgentReplies.inboundSmsId, id!));
  const restarted = await createHarness({ config: h.ctx.config });
  try {
    const replier = new SmsAgentReplier(restarted.ctx);
    expect(await replier.runOnce()).toBe(false);
    await h.ctx.db
      .update(smsAgentReplies)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(smsAgentReplies.inboundSmsId, id!));
    expect(await replier.runOnce()).toBe(true);
    expect(await job(id!)).toMatchObject({ status: "sent", attempts: 2 });
    expect(twilio.sent.filter((m) => m.to === sender)).toHaveLength(1);
  } finally {
    await restarted.close();
  }
});

test("STOP never reaches the agent, nor does anything after it until START", async () => {
  const sender = randomUsNumber();
  const stop = await inbound(sender, "STOP");
  expect(await job(stop!)).toBeNull();
  const after = await inbound(sender, "what time do you open?");
  expect(await job(after!)).toBeNull();
  await inbound(sender, "START");
  const back = await inbound(sender, "so when do you open?");
  expect((await job(back!))?.status).toBe("pending");
  const replier = new SmsAgentReplier(h.ctx);
  expect(await replier.runOnce()).toBe(true);
  expect(twilio.sent.filter((m) => m.to === sender)).toHaveLength(1);
});

test("more than SMS_AGENT_REPLIES_PER_MINUTE messages in a conversation: the extra ones get no reply", async () => {
  const sender = randomUsNumber();
  const replier = new SmsAgentReplier(h.ctx);
  const ids = [await inbound(sender, "one"), await inbound(sender, "two"), await inbound(sender, "three")];
  while (await replier.runOnce()) {}
  const statuses = await Promise.all(ids.map(async (id) => (await job(id!))?.status));
  expect(statuses).toEqual(["sent", "sent", "skipped"]);
  expect((await job(ids[2]!))?.error).toBe("rate_limited");
  expect(twilio.sent.filter((m) => m.to === sender)).toHaveLength(2);
});

test("a started replier is woken by the commit that queues the job; its poll is far off", async () => {
  const replier = new SmsAgentReplier(h.ctx, 120_000);
  replier.start();
  try {
    expect(await replier.wokenByCommits()).toBe(true);
    const sender = randomUsNumber();
    const id = await inbound(sender, "Are you open on Sunday, please?");
    await waitFor("the reply sent", async () => (await job(id!))?.status === "sent", { timeoutMs: 10_000 });
    expect(twilio.sent.filter((m) => m.to === sender).map((m) => m.body)).toEqual([
      "Sorry, we are closed on Sundays.",
    ]);
  } finally {
    await replier.stop();
  }
});
