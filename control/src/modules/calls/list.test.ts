import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newId } from "@switchboard/shared/ids";
import {
  type ApiClient,
  harnessClient,
  type QueryOf,
  type ResponseBody,
} from "../../testing/api-client/client.ts";
import { createAgent, eventOf, inboundCallEvents } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "./events.ts";

type CallsPage = ResponseBody<"/api/v1/calls", "get">;
type CallsQuery = QueryOf<"/api/v1/calls", "get">;

describe("GET /calls filters and pagination", () => {
  let h: Harness;
  let api: ApiClient;
  let agentA: string;
  let agentB: string;
  const ids: Record<string, string> = {};
  const baseMs = Date.parse("2026-03-01T12:00:00.000Z");

  beforeAll(async () => {
    h = await createHarness();
    api = harnessClient(h);
    agentA = await createAgent(h, { name: "A" });
    agentB = await createAgent(h, { name: "B" });
    // Six calls, one hour apart, created oldest first (ids sort by creation).
    const plan = [
      { name: "c0", agent: agentA, direction: "inbound", status: "completed" },
      { name: "c1", agent: agentA, direction: "outbound", status: "no_answer" },
      { name: "c2", agent: agentB, direction: "inbound", status: "failed" },
      { name: "c3", agent: agentB, direction: "outbound", status: "completed" },
      { name: "c4", agent: agentA, direction: "web", status: "busy" },
      { name: "c5", agent: agentB, direction: "inbound", status: "in_progress" },
    ] as const;
    for (const [index, item] of plan.entries()) {
      const callId = newId("call");
      ids[item.name] = callId;
      const atMs = baseMs + index * 3_600_000;
      const started = eventOf(h, {
        type: "call.started",
        call_id: callId,
        direction: item.direction,
        agent_id: item.agent,
        // c2 is from the number the filter looks for, c3 to it; the rest have other numbers.
        from_number: item.name === "c2" ? "+14155550100" : `+1628200000${index}`,
        to_number: item.name === "c3" ? "+14155550100" : "+14155550199",
        phone_number_id: null,
        answered_at: new Date(atMs).toISOString(),
      });
      await applyCallEvent(h.ctx, { ...started, occurred_at: new Date(atMs).toISOString() });
      if (item.status !== "in_progress") {
        await applyCallEvent(
          h.ctx,
          eventOf(h, {
            type: "call.ended",
            call_id: callId,
            status: item.status,
            hangup_cause: "test",
            ended_at: new Date(atMs + 60_000).toISOString(),
            duration_s: 0,
          }),
        );
      }
    }
  });
  afterAll(async () => {
    await h.close();
  });

  const names = (page: CallsPage) =>
    page.data.map((call) => Object.entries(ids).find(([, id]) => id === call.id)?.[0]);
  const list = async (query: CallsQuery) => (await api.GET("/api/v1/calls", { params: { query } })).data!;

  test("newest first, with cursor pagination", async () => {
    const answer = await api.GET("/api/v1/calls", { params: { query: { limit: 4 } } });
    expect(answer.response.status).toBe(200);
    const first = answer.data!;
    expect(names(first)).toEqual(["c5", "c4", "c3", "c2"]);
    expect(first.has_more).toBe(true);
    const second = await list({ limit: 4, cursor: first.next_cursor! });
    expect(names(second)).toEqual(["c1", "c0"]);
    expect(second.has_more).toBe(false);
    expect(second.next_cursor).toBeNull();
  });

  test("page and size as in seed 002", async () => {
    const page1 = await list({ page: 1, size: 2 });
    expect(names(page1)).toEqual(["c3", "c2"]);
  });

  test("status repeats as OR, case-insensitive; direction, agent and time window filter", async () => {
    const byStatus = await list({ status: ["NO_ANSWER", "FAILED"] });
    expect(names(byStatus)).toEqual(["c2", "c1"]);
    const single = await list({ status: "completed" });
    expect(names(single)).toEqual(["c3", "c0"]);
    const outbound = await list({ direction: "OUTBOUND" });
    expect(names(outbound)).toEqual(["c3", "c1"]);
    const byAgent = await list({ agent_id: agentB });
    expect(names(byAgent)).toEqual(["c5", "c3", "c2"]);
    const alias = await list({ agentId: agentA, direction: "inbound" });
    expect(names(alias)).toEqual(["c0"]);
    const from = new Date(baseMs + 2 * 3_600_000).toISOString();
    const to = new Date(baseMs + 4 * 3_600_000).toISOString();
    const window = await list({ from, to });
    expect(names(window)).toEqual(["c3", "c2"]);
    const combined = await list({ from, status: ["completed", "busy"], limit: 1 });
    expect(names(combined)).toEqual(["c4"]);
    expect(combined.has_more).toBe(true);
    const byNumber = await list({ number: "+14155550100" });
    expect(names(byNumber)).toEqual(["c3", "c2"]);
    const byNumberInbound = await list({ number: "+14155550100", direction: "inbound" });
    expect(names(byNumberInbound)).toEqual(["c2"]);
  });

  test("bad filters are 422 problems, and another org sees none of these calls", async () => {
    const queries: CallsQuery[] = [
      { status: "ringingx" },
      { direction: "sideways" },
      { from: "yesterday" },
      { number: "4155550100" },
      { limit: 0 },
    ];
    for (const query of queries) {
      const response = await api.GET("/api/v1/calls", { params: { query } });
      expect({ query, status: response.response.status, code: response.error?.code }).toEqual({
        query,
        status: 422,
        code: "validation_failed",
      });
    }
    const other = harnessClient(h, (await h.newOrg()).ownerKey);
    const theirs = await other.GET("/api/v1/calls");
    expect(theirs.data!.data).toHaveLength(0);
    const one = await other.GET("/api/v1/calls/{call_id}", { params: { path: { call_id: ids.c0! } } });
    expect(one.response.status).toBe(404);
    expect(one.error!.code).toBe("not_found");
  });
});

describe("GET /calls/{id}/recording", () => {
  let h: Harness;
  let api: ApiClient;
  let dir: string;
  let callId: string;
  const bytes = new Uint8Array(10_000).map((_, i) => i % 251);

  beforeAll(async () => {
    h = await createHarness();
    api = harnessClient(h);
    dir = await mkdtemp(join(tmpdir(), "sb-recordings-"));
    const path = join(dir, "call.wav");
    await Bun.write(path, bytes);
    const agentId = await createAgent(h);
    callId = newId("call");
    for (const event of inboundCallEvents(h, {
      callId,
      agentId,
      answeredAtMs: Date.now() - 5000,
      durationS: 5,
    })) {
      await applyCallEvent(h.ctx, event);
    }
    await applyCallEvent(
      h.ctx,
      eventOf(h, { type: "call.recording", call_id: callId, path, duration_s: 5, bytes: bytes.length }),
    );
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  const recordingOf = (id: string) => ({
    params: { path: { call_id: id } },
    parseAs: "arrayBuffer" as const,
  });
  // The client has read the body (as an ArrayBuffer): the answer keeps it beside status and headers.
  const get = async (range?: string) => {
    const { data, response } = await api.GET("/api/v1/calls/{call_id}/recording", {
      ...recordingOf(callId),
      headers: range ? { range } : {},
    });
    return { status: response.status, headers: response.headers, arrayBuffer: async () => data! };
  };

  test("the whole file, then single ranges with 206 and Content-Range", async () => {
    const whole = await get();
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/wav");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);

    const cases: Array<[string, number, number]> = [
      ["bytes=0-99", 0, 99],
      ["bytes=9990-", 9990, 9999],
      ["bytes=-10", 9990, 9999],
      ["bytes=5000-20000", 5000, 9999],
    ];
    for (const [range, start, end] of cases) {
      const response = await get(range);
      expect(response.status).toBe(206);
      expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/10000`);
      expect(response.headers.get("content-length")).toBe(String(end - start + 1));
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
    }
  });

  test("a range past the end is 416; a malformed one gets the whole file", async () => {
    const past = await get("bytes=10000-10010");
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe("bytes */10000");
    const malformed = await get("bytes=abc");
    expect(malformed.status).toBe(200);
    expect((await malformed.arrayBuffer()).byteLength).toBe(10_000);
  });

  test("calls without a recording, and other orgs, get 404", async () => {
    const agentId = await createAgent(h);
    const bare = newId("call");
    const [, started] = inboundCallEvents(h, {
      callId: bare,
      agentId,
      answeredAtMs: Date.now(),
      durationS: 1,
    });
    await applyCallEvent(h.ctx, started!);
    const none = await api.GET("/api/v1/calls/{call_id}/recording", recordingOf(bare));
    expect(none.response.status).toBe(404);
    const other = await h.newOrg();
    const foreign = await harnessClient(h, other.ownerKey).GET(
      "/api/v1/calls/{call_id}/recording",
      recordingOf(callId),
    );
    expect(foreign.response.status).toBe(404);
  });
});
