import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { newId } from "@switchboard/shared/ids";
import { createLogger } from "@switchboard/shared/logger";
import type { CallDetail } from "@switchboard/shared/schemas/call";
import { waitFor } from "@switchboard/shared/testing/wait-for";
import { type StandIns, startStandIns } from "@switchboard/stand-ins/index";
import { eq } from "drizzle-orm";
import { callAnalyses } from "../../db/schema.ts";
import {
  addCredits,
  addWebhookEndpoint,
  agentTurn,
  createAgent,
  eventOf,
  userTurn,
  webhookTypes,
} from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvents } from "../calls/events.ts";
import { runOneAnalysis } from "./worker.ts";

const log = createLogger("silent");
const OPTIONS = { maxAttempts: 2, backoffMs: 1, leaseMs: 30_000 };

const DATA_SCHEMA = {
  type: "object",
  properties: {
    appointment_day: { type: "string", enum: ["monday", "tuesday", "wednesday", "thursday", "friday"] },
    wants_callback: { type: "boolean" },
  },
  required: ["appointment_day", "wants_callback"],
  additionalProperties: false,
};

const GOOD_ANSWER = {
  summary: "The caller booked a cleaning on Tuesday.",
  success: { value: true, reason: "An appointment was booked." },
  data: { appointment_day: "tuesday", wants_callback: false },
};
// `appointment_day` is not one of the schema's values.
const BAD_ANSWER = { ...GOOD_ANSWER, data: { appointment_day: "someday", wants_callback: "no" } };

describe("post-call analysis against the OpenAI chat stand-in", () => {
  let h: Harness;
  let standIns: StandIns;
  let agentId: string;

  beforeAll(async () => {
    standIns = startStandIns({
      llm: {
        firstTokenMs: 0,
        interTokenMs: 0,
        rules: [
          { match: "book-good", reply: JSON.stringify(GOOD_ANSWER) },
          { match: "book-bad", reply: JSON.stringify(BAD_ANSWER) },
        ],
      },
    });
    h = await createHarness({ config: { openaiBaseUrl: standIns.urls.openai, openaiApiKey: "sk-stand-in" } });
    agentId = await createAgent(h, {
      analysis: { summary: true, success_criteria: "An appointment is booked.", schema: DATA_SCHEMA },
    });
    await addCredits(h, 10_000);
    await addWebhookEndpoint(h);
  }, 20_000);
  afterAll(async () => {
    await h.close();
    await standIns.stop();
  });

  const deps = () => ({ db: h.ctx.db, config: h.ctx.config, log });

  /** One answered call with the caller saying `words`, ended; its analysis job queued with the end. */
  async function endedCall(words: string, agent = agentId): Promise<string> {
    const callId = newId("call");
    const answeredAtMs = Date.now() - 30_000;
    await applyCallEvents(h.ctx, [
      eventOf(h, {
        type: "call.started",
        call_id: callId,
        direction: "inbound",
        agent_id: agent,
        from_number: "+14155550100",
        to_number: "+14155550199",
        phone_number_id: null,
        answered_at: new Date(answeredAtMs).toISOString(),
      }),
      eventOf(h, { type: "call.turn", call_id: callId, index: 0, turn: agentTurn(answeredAtMs, 600) }),
      eventOf(h, {
        type: "call.turn",
        call_id: callId,
        index: 1,
        turn: userTurn(answeredAtMs + 3000, words),
      }),
      eventOf(h, {
        type: "call.ended",
        call_id: callId,
        status: "completed",
        hangup_cause: "caller_hangup",
        ended_at: new Date().toISOString(),
        duration_s: 30,
      }),
    ]);
    return callId;
  }

  /** Runs the worker until the call's analysis is no longer pending (retries are 1 ms apart). */
  async function settle(callId: string): Promise<void> {
    await waitFor(
      `the analysis of ${callId}`,
      async () => {
        await runOneAnalysis(deps(), OPTIONS);
        const [job] = await h.ctx.db.select().from(callAnalyses).where(eq(callAnalyses.callId, callId));
        return job?.status !== "pending";
      },
      { timeoutMs: 15_000, intervalMs: 5 },
    );
  }

  const detail = (callId: string) => h.json<CallDetail>("GET", `/api/v1/calls/${callId}`);

  test("a schema-valid answer is the call's analysis, with the webhook", async () => {
    const callId = await endedCall("Tuesday works, please book-good the cleaning");
    expect((await detail(callId)).body.analysis).toMatchObject({ status: "pending", data: null });
    const before = standIns.state.of("chat").requests;
    await settle(callId);
    const { body } = await detail(callId);
    expect(body.analysis).toEqual({
      status: "completed",
      ...GOOD_ANSWER,
      error: null,
      completed_at: expect.any(String),
    });
    expect(standIns.state.of("chat").requests - before).toBe(1);
    const request = standIns.state.of("chat").bodies.at(-1) as {
      response_format: { type: string; json_schema: { schema: { properties: Record<string, unknown> } } };
    };
    expect(request.response_format.type).toBe("json_schema");
    expect(request.response_format.json_schema.schema.properties.data).toEqual(DATA_SCHEMA);
    expect(await webhookTypes(h)).toContain("call.analysis.ready");
  });

  test("an answer that does not match the schema is retried a bounded number of times, then recorded as the error", async () => {
    const callId = await endedCall("maybe book-bad sometime");
    const before = standIns.state.of("chat").requests;
    await settle(callId);
    const { body } = await detail(callId);
    expect(body.analysis?.status).toBe("failed");
    expect(body.analysis?.data).toBeNull();
    expect(body.analysis?.error).toContain("appointment_day");
    expect(standIns.state.of("chat").requests - before).toBe(OPTIONS.maxAttempts);
    const [job] = await h.ctx.db.select().from(callAnalyses).where(eq(callAnalyses.callId, callId));
    expect(job!.attempts).toBe(OPTIONS.maxAttempts);
  });

  test("a job a killed worker held is taken up again once its lease has run out", async () => {
    const callId = await endedCall("Tuesday then, book-good it");
    // As a worker that claimed the job and died would leave it.
    const held = { lockedUntil: new Date(Date.now() + 60_000), attempts: 1 };
    await h.ctx.db.update(callAnalyses).set(held).where(eq(callAnalyses.callId, callId));
    expect(await runOneAnalysis(deps(), OPTIONS)).toBe(false);
    await h.ctx.db
      .update(callAnalyses)
      .set({ lockedUntil: new Date(Date.now() - 1) })
      .where(eq(callAnalyses.callId, callId));
    await settle(callId);
    expect((await detail(callId)).body.analysis?.status).toBe("completed");
  });

  test("an agent's analysis schema that is not an object schema is a 422 naming it", async () => {
    const response = await h.json<unknown>("POST", "/api/v1/agents", {
      body: { name: "Bad", analysis: { summary: true, schema: { type: "string" } } },
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toContain("analysis.schema");
    const agent = await h.json<{ analysis: { schema: unknown } }>("GET", `/api/v1/agents/${agentId}`);
    expect(agent.body.analysis.schema).toEqual(DATA_SCHEMA);
  });

  test("the end queues a job with the agent's analysis block; an agent without one queues none", async () => {
    const analysed = await endedCall("book-good");
    const [job] = await h.ctx.db.select().from(callAnalyses).where(eq(callAnalyses.callId, analysed));
    expect(job).toMatchObject({ status: "pending", agentId });
    expect(job!.settings).toMatchObject({ summary: true, schema: DATA_SCHEMA });
    const plainAgent = await createAgent(h);
    const plain = await endedCall("book-good", plainAgent);
    expect((await detail(plain)).body.status).toBe("completed");
    expect(await h.ctx.db.select().from(callAnalyses).where(eq(callAnalyses.callId, plain))).toEqual([]);
    await settle(analysed);
  });
});
