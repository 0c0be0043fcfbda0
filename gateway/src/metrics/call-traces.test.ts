import { expect, test } from "bun:test";
import type { CallEvent } from "@switchboard/shared/events";
import { startInMemoryTracing } from "@switchboard/shared/testing/in-memory-tracing";
import { traceTurn } from "./call-traces.ts";

type Turn = Extract<CallEvent, { type: "call.turn" }>["turn"];

test("an agent turn's tool calls and retrievals are child spans with name, duration and outcome, never arguments or results", async () => {
  const tracing = startInMemoryTracing();
  const callSpan = tracing.tracer.startSpan("call", { root: true });
  const startedMs = Date.parse("2026-01-01T10:00:01.000Z");
  const turn: Turn = {
    role: "agent",
    text: "Your table is booked.",
    started_at: new Date(startedMs).toISOString(),
    ended_at: new Date(startedMs + 2_000).toISOString(),
    interrupted: false,
    latency: null,
    tool_calls: [
      {
        name: "book_table",
        arguments: '{"guest":"secret-guest-name"}',
        result: '{"booking":"secret-booking-ref"}',
        duration_ms: 120,
        outcome: "completed",
      },
      { name: "send_sms", arguments: "{}", result: null, duration_ms: 30, outcome: "failed" },
    ],
  };
  traceTurn(tracing, callSpan, turn, [
    { started_ms: startedMs - 300, duration_ms: 45, outcome: "completed" },
  ]);
  callSpan.end();
  await tracing.flush();

  const spans = tracing.finishedSpans();
  const turnSpan = spans.find((span) => span.name === "turn")!;
  expect(turnSpan.parentSpanContext?.spanId).toBe(callSpan.spanContext().spanId);
  const children = spans.filter((span) => span.parentSpanContext?.spanId === turnSpan.spanContext().spanId);
  const durationMs = (span: (typeof spans)[number]) => span.duration[0] * 1_000 + span.duration[1] / 1e6;

  const tools = children.filter((span) => span.name === "tool_call");
  expect(tools.map((span) => span.attributes)).toEqual([
    { "switchboard.tool": "book_table", "switchboard.outcome": "completed" },
    { "switchboard.tool": "send_sms", "switchboard.outcome": "failed" },
  ]);
  expect(tools.map(durationMs)).toEqual([120, 30]);
  expect(tools[1]!.status.code).toBe(2); // SpanStatusCode.ERROR

  const retrievals = children.filter((span) => span.name === "retrieval");
  expect(retrievals).toHaveLength(1);
  expect(durationMs(retrievals[0]!)).toBe(45);
  expect(retrievals[0]!.attributes).toEqual({ "switchboard.outcome": "completed" });

  const exported = JSON.stringify(spans.map((span) => span.attributes));
  expect(exported).not.toContain("secret-guest-name");
  expect(exported).not.toContain("secret-booking-ref");
  await tracing.shutdown();
});
