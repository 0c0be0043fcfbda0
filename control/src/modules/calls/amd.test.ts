import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type DispatchCommand, Streams } from "@switchboard/shared/events";
import { addCredits, addNumber, createAgent, eventOf } from "../../testing/calls.ts";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { applyCallEvent } from "./events.ts";

const GROUP = "amd-test";

describe("answering-machine detection on outbound calls", () => {
  let h: Harness;
  let agentId: string;

  beforeAll(async () => {
    h = await createHarness({ config: { outboundAllowedPrefixes: ["+1"] } });
    await h.ctx.bus.ensureGroup(Streams.dispatch, GROUP);
    agentId = await createAgent(h);
    await addNumber(h, { agentId });
    await addCredits(h, 1000);
  }, 20_000);
  afterAll(async () => {
    await h.close();
  });

  const place = (body: Record<string, unknown>, key: string) =>
    h.json<Record<string, unknown> & { id: string }>("POST", "/api/v1/calls/outbound", {
      body: { agent_id: agentId, to_number: "+14155550142", ...body },
      headers: { "Idempotency-Key": key },
    });

  test("the amd block goes to the gateway in the dispatch command; the verdict is stored once", async () => {
    const amd = { enabled: true, on_machine: "leave_message", message: "Call us back, {{name}}." } as const;
    const placed = await place({ amd, metadata: { name: "Ada" } }, "amd-1");
    expect(placed.status).toBe(201);
    expect(placed.body.answered_by).toBeNull();
    const entries = await h.ctx.bus.readGroup(Streams.dispatch, GROUP, "reader", { count: 10, blockMs: 50 });
    const commands = entries.map((entry) => JSON.parse(entry.data) as DispatchCommand);
    expect(commands.find((command) => command.call_id === placed.body.id)?.amd).toEqual(amd);

    const verdict = eventOf(h, {
      type: "call.amd",
      call_id: placed.body.id,
      answered_by: "machine",
      decision_ms: 1840,
      evidence: ["phrase:leave a message", "long_greeting"],
    });
    expect(await applyCallEvent(h.ctx, verdict)).toBe("applied");
    expect(await applyCallEvent(h.ctx, verdict)).toBe("duplicate");
    const detail = await h.json<Record<string, unknown>>("GET", `/api/v1/calls/${placed.body.id}`);
    expect(detail.body.answered_by).toBe("machine");
    expect(detail.body.amd_decision_ms).toBe(1840);
    expect(detail.body.amd_evidence).toEqual(["phrase:leave a message", "long_greeting"]);
    expect(detail.body.analysis).toBeNull();
  });

  test("a call without amd dispatches none; a malformed amd block is a 422 naming the field", async () => {
    const plain = await place({}, "amd-2");
    expect(plain.status).toBe(201);
    const entries = await h.ctx.bus.readGroup(Streams.dispatch, GROUP, "reader", { count: 10, blockMs: 50 });
    const command = entries
      .map((entry) => JSON.parse(entry.data) as DispatchCommand)
      .find((one) => one.call_id === plain.body.id);
    expect(command?.amd ?? null).toBeNull();

    const wrong = await place({ amd: { enabled: true, on_machine: "shout" } }, "amd-3");
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain("on_machine");
    const short = await place({ amd: { enabled: true, on_machine: "hangup", timeout_ms: 10 } }, "amd-4");
    expect(short.status).toBe(422);
  });
});
