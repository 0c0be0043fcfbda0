import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newId } from "@switchboard/shared/ids";
import { createAgent, eventOf, inboundCallEvents } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "./events.ts";

interface CallsPage {
  data: Array<{ id: string; status: string; direction: string; agent_id: string | null; started_at: string }>;
  has_more: boolean;
  next_cursor: string | null;
}

describe("GET /calls filters and pagination", () => {
  let h: Harness;
  let agentA: string;
  let agentB: string;
  const ids: Record<string, string> = {};
  const baseMs = Date.parse("2026-03-01T12:00:00.000Z");

  beforeAll(async () => {
    h = await createHarness();
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
        from_number: null,
        to_number: null,
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

  test("newest first, with cursor pagination", async () => {
    const first = await h.json<CallsPage>("GET", "/api/v1/calls?limit=4");
    expect(first.status).toBe(200);
    expect(names(first.body)).toEqual(["c5", "c4", "c3", "c2"]);
    expect(first.body.has_more).toBe(true);
    const second = await h.json<CallsPage>("GET", `/api/v1/calls?limit=4&cursor=${first.body.next_cursor}`);
    expect(names(second.body)).toEqual(["c1", "c0"]);
    expect(second.body.has_more).toBe(false);
    expect(second.body.next_cursor).toBeNull();
  });

  test("page and size as in seed 002", async () => {
    const page1 = await h.json<CallsPage>("GET", "/api/v1/calls?page=1&size=2");
    expect(names(page1.body)).toEqual(["c3", "c2"]);
  });

  test("status repeats as OR, case-insensitive; direction, agent and time window filter", async () => {
    const byStatus = await h.json<CallsPage>("GET", "/api/v1/calls?status=NO_ANSWER&status=FAILED");
    expect(names(byStatus.body)).toEqual(["c2", "c1"]);
    const single = await h.json<CallsPage>("GET", "/api/v1/calls?status=completed");
    expect(names(single.body)).toEqual(["c3", "c0"]);
    const outbound = await h.json<CallsPage>("GET", "/api/v1/calls?direction=OUTBOUND");
    expect(names(outbound.body)).toEqual(["c3", "c1"]);
    const byAgent = await h.json<CallsPage>("GET", `/api/v1/calls?agent_id=${agentB}`);
    expect(names(byAgent.body)).toEqual(["c5", "c3", "c2"]);
    const alias = await h.json<CallsPage>("GET", `/api/v1/calls?agentId=${agentA}&direction=inbound`);
    expect(names(alias.body)).toEqual(["c0"]);
    const from = new Date(baseMs + 2 * 3_600_000).toISOString();
    const to = new Date(baseMs + 4 * 3_600_000).toISOString();
    const window = await h.json<CallsPage>("GET", `/api/v1/calls?from=${from}&to=${to}`);
    expect(names(window.body)).toEqual(["c3", "c2"]);
    const combined = await h.json<CallsPage>(
      "GET",
      `/api/v1/calls?from=${from}&status=completed&status=busy&limit=1`,
    );
    expect(names(combined.body)).toEqual(["c4"]);
    expect(combined.body.has_more).toBe(true);
  });

  test("bad filters are 422 problems, and another org sees none of these calls", async () => {
    for (const query of ["status=ringingx", "direction=sideways", "from=yesterday", "limit=0"]) {
      const response = await h.json<{ code: string }>("GET", `/api/v1/calls?${query}`);
      expect({ query, status: response.status, code: response.body.code }).toEqual({
        query,
        status: 422,
        code: "validation_failed",
      });
    }
    const other = await h.newOrg();
    const list = await h.json<CallsPage>("GET", "/api/v1/calls", { key: other.ownerKey });
    expect(list.body.data).toHaveLength(0);
    const one = await h.json<{ code: string }>("GET", `/api/v1/calls/${ids.c0}`, { key: other.ownerKey });
    expect(one.status).toBe(404);
    expect(one.body.code).toBe("not_found");
  });
});

describe("GET /calls/{id}/recording", () => {
  let h: Harness;
  let dir: string;
  let callId: string;
  const bytes = new Uint8Array(10_000).map((_, i) => i % 251);

  beforeAll(async () => {
    h = await createHarness();
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

  const get = (range?: string) =>
    h.request("GET", `/api/v1/calls/${callId}/recording`, range ? { headers: { range } } : {});

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
    const none = await h.json<{ code: string }>("GET", `/api/v1/calls/${bare}/recording`);
    expect(none.status).toBe(404);
    const other = await h.newOrg();
    const foreign = await h.json<{ code: string }>("GET", `/api/v1/calls/${callId}/recording`, {
      key: other.ownerKey,
    });
    expect(foreign.status).toBe(404);
  });
});
