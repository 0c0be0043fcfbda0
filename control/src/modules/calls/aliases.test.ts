// The other platforms' call routes answer like the canonical ones: each case sends the same
// request to the alias and to its canonical route and compares status, code and body.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { StreamEntry } from "@switchboard/shared/bus/contract";
import { type DispatchCommand, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";
import { answerOf, harnessClient, type QueryOf, type RequestBody } from "../../testing/api-client/client.ts";
import { addCredits, addNumber, createAgent, inboundCallEvents } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "./events.ts";

const GROUP = "aliases-test";

type Body = Record<string, unknown> & {
  code?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
};
type Answer = { status: number; body: Body; headers: Headers };
type OutboundBody = RequestBody<"/api/v1/calls/outbound", "post">;
type TriggerBody = RequestBody<"/api/v1/calls/trigger", "post">;
type CallsQuery = QueryOf<"/api/v1/calls", "get">;

let h: Harness;
let agentId: string;
let attached: { id: string; phoneNumber: string };

beforeAll(async () => {
  h = await createHarness({ config: { outboundAllowedPrefixes: ["+1", "+44"] } });
  await h.ctx.bus.ensureGroup(Streams.dispatch, GROUP);
  agentId = await createAgent(h);
  attached = await addNumber(h, { agentId });
  await addCredits(h, 10_000);
});
afterAll(async () => {
  await h.close();
});

async function dispatched(): Promise<DispatchCommand[]> {
  const entries: StreamEntry[] = await h.ctx.bus.readGroup(Streams.dispatch, GROUP, "reader", {
    count: 100,
    blockMs: 50,
  });
  return entries.map((entry) => JSON.parse(entry.data) as DispatchCommand);
}

function as(key: string): Harness {
  return { ...h, json: (method, path, options) => h.json(method, path, { ...options, key }) };
}

const client = (key = h.ownerKey) => harnessClient(h, key);
const answer = (pending: Parameters<typeof answerOf>[0]): Promise<Answer> => answerOf<Body>(pending);
const callPath = (callId: string) => ({ params: { path: { call_id: callId } } });

/** A placed call without what differs between two placements of the same call. */
function placed(body: Body): Body {
  const { id: _id, started_at: _startedAt, trace_id: _traceId, ...rest } = body;
  return rest;
}

/** Both answered with the same status and problem (when one), content type included. */
function expectSameAnswer(alias: Answer, canonical: Answer): void {
  expect({ status: alias.status, code: alias.body?.code }).toEqual({
    status: canonical.status,
    code: canonical.body?.code,
  });
  expect(alias.headers.get("content-type")).toBe(canonical.headers.get("content-type"));
  if (canonical.status >= 400)
    expect(Object.keys(alias.body).sort()).toEqual(Object.keys(canonical.body).sort());
}

describe("GET /calls/{id}/transcript", () => {
  test("is GET /calls/{id}'s transcript, turn for turn; another org's call is a 404 on both", async () => {
    const callId = newId("call");
    const events = inboundCallEvents(h, {
      callId,
      agentId,
      answeredAtMs: Date.now() - 60_000,
      durationS: 30,
    });
    for (const event of events) expect(await applyCallEvent(h.ctx, event)).toBe("applied");

    const call = await client().GET("/api/v1/calls/{call_id}", callPath(callId));
    const transcript = await client().GET("/api/v1/calls/{call_id}/transcript", callPath(callId));
    expect(transcript.response.status).toBe(200);
    expect(call.data!.transcript).toHaveLength(3);
    expect(transcript.data!).toEqual({ call_id: callId, transcript: call.data!.transcript });

    const other = client((await h.newOrg()).ownerKey);
    for (const id of [callId, "call_missing"]) {
      const alias = await answer(other.GET("/api/v1/calls/{call_id}/transcript", callPath(id)));
      const canonical = await answer(other.GET("/api/v1/calls/{call_id}", callPath(id)));
      expect(alias.status).toBe(404);
      expectSameAnswer(alias, canonical);
      expect(alias.body).toEqual(canonical.body);
    }
  });
});

describe("GET /conversations and /conversations/{id}", () => {
  test("list, filter and page as GET /calls; get as GET /calls/{id}", async () => {
    const callId = newId("call");
    const events = inboundCallEvents(h, {
      callId,
      agentId,
      answeredAtMs: Date.now() - 30_000,
      durationS: 12,
    });
    for (const event of events) await applyCallEvent(h.ctx, event);

    const queries: CallsQuery[] = [
      {},
      { status: "COMPLETED", limit: 1 },
      { direction: "inbound", page: 0, size: 2 },
      { agentId },
    ];
    for (const query of queries) {
      const alias = await answer(client().GET("/api/v1/conversations", { params: { query } }));
      const canonical = await answer(client().GET("/api/v1/calls", { params: { query } }));
      expect(alias.status).toBe(200);
      expect(alias.body).toEqual(canonical.body);
    }
    const listed = await client().GET("/api/v1/conversations", { params: { query: { limit: 100 } } });
    expect(listed.data!.data.map((call) => call.id)).toContain(callId);

    const alias = await answer(
      client().GET("/api/v1/conversations/{id}", { params: { path: { id: callId } } }),
    );
    const canonical = await answer(client().GET("/api/v1/calls/{call_id}", callPath(callId)));
    expect(alias.status).toBe(200);
    expect(alias.body).toEqual(canonical.body);
    expect(alias.body.transcript).toHaveLength(3);
  });

  test("bad filters are the same 422; another org's conversation the same 404", async () => {
    const queries: CallsQuery[] = [{ status: "ringingx" }, { from: "yesterday" }, { limit: 0 }];
    for (const query of queries) {
      const alias = await answer(client().GET("/api/v1/conversations", { params: { query } }));
      const canonical = await answer(client().GET("/api/v1/calls", { params: { query } }));
      expect(alias.status).toBe(422);
      expectSameAnswer(alias, canonical);
      expect(alias.body).toEqual(canonical.body);
    }
    const callId = newId("call");
    for (const event of inboundCallEvents(h, { callId, agentId, answeredAtMs: Date.now(), durationS: 5 }))
      await applyCallEvent(h.ctx, event);
    const other = client((await h.newOrg()).ownerKey);
    const alias = await answer(other.GET("/api/v1/conversations/{id}", { params: { path: { id: callId } } }));
    const canonical = await answer(other.GET("/api/v1/calls/{call_id}", callPath(callId)));
    expect(alias.status).toBe(404);
    expect(alias.body).toEqual(canonical.body);
    const list = await other.GET("/api/v1/conversations");
    expect(list.data!.data).toEqual([]);
  });
});

describe("outbound aliases place the call POST /calls/outbound places", () => {
  const outbound = (body: OutboundBody, key = h.ownerKey) =>
    answer(client(key).POST("/api/v1/calls/outbound", { body }));
  const trigger = (body: TriggerBody, key = h.ownerKey) =>
    answer(client(key).POST("/api/v1/calls/trigger", { body }));
  const dispatch = (body: OutboundBody, key = h.ownerKey) =>
    answer(client(key).POST("/api/v1/conversations/dispatch", { body }));

  test("POST /calls/trigger {phone_number, agent_id}: 201, the same call, dispatched once", async () => {
    const alias = await trigger({ phone_number: "+14155550142", agent_id: agentId });
    const canonical = await outbound({ to_number: "+14155550142", agent_id: agentId });
    expect(alias.status).toBe(201);
    expectSameAnswer(alias, canonical);
    expect(placed(alias.body)).toEqual(placed(canonical.body));
    expect(alias.body).toMatchObject({
      status: "queued",
      direction: "outbound",
      to_number: "+14155550142",
      from_number: attached.phoneNumber,
    });
    const commands = await dispatched();
    expect(commands.map((command) => command.call_id).sort()).toEqual(
      [alias.body.id as string, canonical.body.id as string].sort(),
    );
  });

  test("POST /conversations/dispatch takes the outbound body, in either spelling", async () => {
    const body = {
      agent_id: agentId,
      to_number: "+442079460958",
      objective: "Confirm the order.",
      metadata: { crm: 7 },
    };
    const alias = await dispatch(body);
    const canonical = await outbound(body);
    expect(alias.status).toBe(201);
    expect(placed(alias.body)).toEqual(placed(canonical.body));
    const camel = await dispatch({
      agentId,
      toNumber: "+442079460958",
      objective: "Confirm the order.",
      metadata: { crm: 7 },
    });
    expect(camel.status).toBe(201);
    expect(placed(camel.body)).toEqual(placed(canonical.body));
    expect(await dispatched()).toHaveLength(3);
  });

  test("POST /calls/trigger's errors are the canonical ones, naming phone_number for to_number", async () => {
    const foreign = await h.newOrg();
    const foreignAgent = await createAgent(as(foreign.ownerKey));
    const inactiveAgent = await createAgent(h, { is_active: false });
    const cases: Array<{ trigger: Partial<TriggerBody>; status: number }> = [
      { trigger: { phone_number: "4155550142", agent_id: agentId }, status: 422 },
      { trigger: { phone_number: "+1415555", agent_id: agentId }, status: 422 },
      { trigger: { phone_number: "+33142685300", agent_id: agentId }, status: 403 },
      { trigger: { phone_number: "+14155550142", agent_id: "agt_missing" }, status: 404 },
      { trigger: { phone_number: "+14155550142", agent_id: foreignAgent }, status: 404 },
      { trigger: { phone_number: "+14155550142", agent_id: inactiveAgent }, status: 409 },
      { trigger: { phone_number: "+14155550142" }, status: 422 },
    ];
    for (const { trigger: body, status } of cases) {
      const { phone_number, ...rest } = body;
      const canonicalBody = phone_number === undefined ? rest : { ...rest, to_number: phone_number };
      // The last case leaves out the required agent_id on purpose: the casts are the point of it.
      const alias = await trigger(body as never);
      const canonical = await outbound(canonicalBody as never);
      expect({ trigger: body, status: alias.status }).toEqual({ trigger: body, status });
      expectSameAnswer(alias, canonical);
      const renamed = canonical.body.errors?.map((problem) => ({
        ...problem,
        field: problem.field === "to_number" ? "phone_number" : problem.field,
      }));
      expect(alias.body.errors).toEqual(renamed);
    }
    const malformed = await trigger({ phone_number: "4155550142", agent_id: agentId });
    expect(malformed.body.errors).toEqual([
      {
        field: "phone_number",
        message: "must be in E.164 form: + then the country code and number, digits only (e.g. +14155550142)",
      },
    ]);
    expect(malformed.body.detail).toStartWith("phone_number must be in E.164 form");
    expect(await dispatched()).toHaveLength(0);
  });

  test("without credits every route is the same 402, and nothing is queued", async () => {
    const broke = await h.newOrg();
    const brokeAgent = await createAgent(as(broke.ownerKey));
    await addNumber(h, { orgId: broke.orgId, agentId: brokeAgent });
    const key = broke.ownerKey;
    const canonical = await outbound({ agent_id: brokeAgent, to_number: "+14155550142" }, key);
    expect(canonical.status).toBe(402);
    const camel = { agentId: brokeAgent, toNumber: "+14155550142" };
    const aliases = [
      await trigger({ agent_id: brokeAgent, phone_number: "+14155550142" }, key),
      await dispatch({ agent_id: brokeAgent, to_number: "+14155550142" }, key),
      await dispatch(camel, key),
      await outbound(camel, key),
    ];
    for (const alias of aliases) {
      expect(alias.body).toEqual(canonical.body);
      expectSameAnswer(alias, canonical);
    }
    const list = await client(key).GET("/api/v1/conversations");
    expect(list.data!.data).toEqual([]);
    expect(await dispatched()).toHaveLength(0);
  });

  test("a member key may place calls on every route, as on the canonical one", async () => {
    const member = await h.newKey("member");
    const canonical = await outbound({ agent_id: agentId, to_number: "+14155550142" }, member);
    const byTrigger = await trigger({ agent_id: agentId, phone_number: "+14155550142" }, member);
    const byDispatch = await dispatch({ agent_id: agentId, to_number: "+14155550142" }, member);
    for (const alias of [byTrigger, byDispatch]) {
      expect(alias.status).toBe(201);
      expect(placed(alias.body)).toEqual(placed(canonical.body));
    }
    expect(await dispatched()).toHaveLength(3);
  });
});

describe("POST /calls/outbound in camelCase", () => {
  // Most bodies here are off the documented schema on purpose (a mix of spellings, a wrong
  // type, a missing field): the cast is the point of these tests.
  const post = (body: Record<string, unknown>) =>
    answer(client().POST("/api/v1/calls/outbound", { body: body as never }));
  const place = (body: OutboundBody) => answer(client().POST("/api/v1/calls/outbound", { body }));

  test("fromNumber, toNumber and agentId place the call snake_case places", async () => {
    const from = await addNumber(h);
    const camel = await place({
      fromNumber: from.phoneNumber,
      toNumber: "+14155550199",
      agentId,
      metadata: { a: 1 },
    });
    const snake = await place({
      from_number: from.phoneNumber,
      to_number: "+14155550199",
      agent_id: agentId,
      metadata: { a: 1 },
    });
    expect(camel.status).toBe(201);
    expect(placed(camel.body)).toEqual(placed(snake.body));
    expect(camel.body).toMatchObject({
      from_number: from.phoneNumber,
      to_number: "+14155550199",
      agent_id: agentId,
    });
    const commands = await dispatched();
    expect(commands.find((command) => command.call_id === camel.body.id)).toMatchObject({
      from_number: from.phoneNumber,
      to_number: "+14155550199",
      metadata: { a: 1 },
    });
  });

  test("a camelCase body answers each error as its snake_case twin, naming its own fields", async () => {
    const pairs: Array<[camel: Record<string, unknown>, snake: Record<string, unknown>, field: string]> = [
      [{ agentId: 12, toNumber: "+14155550142" }, { agent_id: 12, to_number: "+14155550142" }, "agentId"],
      [{ agentId }, { agent_id: agentId }, "toNumber"],
      [
        { agentId, toNumber: "+14155550142", fromNumber: "" },
        { agent_id: agentId, to_number: "+14155550142", from_number: "" },
        "fromNumber",
      ],
    ];
    for (const [camelBody, snakeBody, field] of pairs) {
      const camel = await post(camelBody);
      const snake = await post(snakeBody);
      expect({ camelBody, status: camel.status }).toEqual({ camelBody, status: 422 });
      expectSameAnswer(camel, snake);
      expect(new Set(camel.body.errors?.map((problem) => problem.field))).toEqual(new Set([field]));
      const camelOf: Record<string, string> = {
        agent_id: "agentId",
        to_number: "toNumber",
        from_number: "fromNumber",
      };
      expect(camel.body.errors).toEqual(
        snake.body.errors?.map(({ field, message }) => ({
          field: camelOf[field] ?? field,
          message: message.replace(`'${field}'`, `'${camelOf[field] ?? field}'`),
        })),
      );
    }
    const unknownAgent = await post({ agentId: "agt_missing", toNumber: "+14155550142" });
    const snakeUnknown = await post({ agent_id: "agt_missing", to_number: "+14155550142" });
    expect(unknownAgent.status).toBe(404);
    expect(unknownAgent.body).toEqual(snakeUnknown.body);
    expect(await dispatched()).toHaveLength(0);
  });

  test("mixing the spellings, or a field neither has, is a 422 naming the field; nothing is queued", async () => {
    const mixed = await post({ agentId, to_number: "+14155550142" });
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe("validation_failed");
    expect(mixed.body.errors?.map((problem) => problem.field)).toEqual(["to_number"]);
    expect(mixed.body.errors?.[0]?.message).toContain("toNumber");

    const both = await post({ agentId, agent_id: agentId, toNumber: "+14155550142" });
    expect(both.status).toBe(422);
    expect(both.body.errors?.map((problem) => problem.field)).toEqual(["agent_id"]);

    const unknown = await post({ agentId, toNumber: "+14155550142", callerId: "+14155550100" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe("validation_failed");
    expect(unknown.body.errors?.map((problem) => problem.field)).toEqual(["callerId"]);
    expect(await dispatched()).toHaveLength(0);
  });
});

describe("the aliases in the OpenAPI document", () => {
  test("each is deprecated and points at its canonical operation, which is not", async () => {
    const document = (await (await h.app.handle(new Request("http://localhost/openapi.json"))).json()) as {
      paths: Record<
        string,
        Record<string, { deprecated?: boolean; description?: string; operationId?: string }>
      >;
    };
    const aliases: Array<[method: string, path: string, canonical: string]> = [
      ["get", "/api/v1/calls/{call_id}/transcript", "GET /api/v1/calls/{call_id}"],
      ["get", "/api/v1/conversations", "GET /api/v1/calls"],
      ["get", "/api/v1/conversations/{id}", "GET /api/v1/calls/{call_id}"],
      ["post", "/api/v1/conversations/dispatch", "POST /api/v1/calls/outbound"],
      ["post", "/api/v1/calls/trigger", "POST /api/v1/calls/outbound"],
    ];
    for (const [method, path, canonical] of aliases) {
      const operation = document.paths[path]?.[method];
      expect({ path, deprecated: operation?.deprecated }).toEqual({ path, deprecated: true });
      expect(operation?.description).toContain(`\`${canonical}\``);
      const [canonicalMethod, canonicalPath] = canonical.split(" ") as [string, string];
      const target = document.paths[canonicalPath]?.[canonicalMethod.toLowerCase()];
      expect({ canonical, found: target !== undefined, deprecated: target?.deprecated }).toEqual({
        canonical,
        found: true,
        deprecated: undefined,
      });
    }
  });
});
