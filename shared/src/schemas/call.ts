// The call and its transcript, written once: the API's schemas, the call_turns column type and
// the `call.turn` bus event all derive from these.
import { type Static, Type } from "@sinclair/typebox";
import { CALL_DIRECTIONS, CALL_STATUSES } from "../events.ts";
import { RealtimeUsageSchema } from "../realtime.ts";
import { SipHeadersSchema } from "../sip/custom-headers.ts";
import { AmdSettingsSchema, ANSWERED_BY } from "./amd.ts";
import { CallAnalysisSchema } from "./analysis.ts";
import { DateTime, JsonObject, Nullable, STRICT, StringEnum } from "./kit.ts";

const stageMs = (description: string) => Nullable(Type.Number({ description }));

/** Where one agent turn's latency went, in milliseconds (null where the stage did not run). */
export const TurnLatencySchema = Type.Object({
  endpointing_ms: stageMs("From the end of the caller's speech to the end of their turn being decided."),
  stt_ms: stageMs("From the end of the turn to the final transcript."),
  llm_first_token_ms: stageMs("From the request to the model's first token."),
  tts_first_byte_ms: stageMs("From the speech request to its first audio byte."),
  first_packet_ms: stageMs("From the first audio queued for playout to the first packet sent."),
  total_ms: stageMs("From the end of the caller's speech to the first packet sent."),
  preemptive: Type.Optional(
    Type.Boolean({
      description: "The reply was started before the caller's turn was confirmed, on the same words.",
    }),
  ),
  preemptive_saved_ms: Type.Optional(
    Nullable(
      Type.Number({
        description:
          "How much sooner the first token was there for a preemptive reply than a request made at the confirmed end of turn would have had it.",
      }),
    ),
  ),
});

/** One tool call of an agent turn, as the turn's transcript records it. */
export const ToolCallRecordSchema = Type.Object({
  name: Type.String(),
  arguments: Type.String({
    description: "The model's arguments (JSON text), masked by the org's redaction.",
  }),
  result: Nullable(
    Type.String({ description: "What went back to the model, masked by the org's redaction." }),
  ),
  duration_ms: Type.Number(),
  outcome: StringEnum(["completed", "failed", "cancelled"], {
    description: "`cancelled`: the caller interrupted before the tool answered; the model is told so.",
  }),
});

export const TranscriptTurnSchema = Type.Object({
  role: StringEnum(["agent", "user"]),
  text: Type.String({ description: "For agent turns: what the caller actually heard (cut at barge-in)." }),
  started_at: DateTime(),
  ended_at: DateTime(),
  interrupted: Type.Boolean(),
  latency: Nullable(TurnLatencySchema),
  tool_calls: Type.Optional(
    Type.Array(ToolCallRecordSchema, { description: "Agent turns: the tools it called." }),
  ),
});

/** A transfer (SIP REFER) and the outcome its final sipfrag NOTIFY reported (RFC 3515 §2.4.5). */
export const CallTransferSchema = Type.Object({
  target: Type.String({ description: "The Refer-To target: a phone number (E.164) or SIP URI." }),
  ok: Type.Boolean({ description: "The transferee reached the target (a 2xx in the sipfrag)." }),
  status: Nullable(Type.Integer({ description: "The sipfrag's (or the REFER's own) final status code." })),
  reason: Type.String(),
  at: DateTime(),
});

const callFields = {
  id: Type.String(),
  direction: StringEnum(CALL_DIRECTIONS),
  status: StringEnum(CALL_STATUSES),
  agent_id: Nullable(Type.String()),
  from_number: Nullable(Type.String()),
  to_number: Nullable(Type.String()),
  phone_number_id: Nullable(Type.String()),
  objective: Nullable(Type.String()),
  started_at: DateTime(),
  answered_at: Nullable(DateTime()),
  ended_at: Nullable(DateTime()),
  duration_s: Nullable(Type.Number()),
  cost_cents: Nullable(Type.Integer()),
  usage: Nullable(RealtimeUsageSchema, {
    description:
      "A realtime agent's call: the model's token usage, billed with the minutes; null for pipeline calls.",
  }),
  hangup_cause: Nullable(Type.String()),
  answered_by: Nullable(StringEnum(ANSWERED_BY), {
    description: "Outbound calls with `amd` enabled: who answered; null without detection.",
  }),
  amd_decision_ms: Nullable(Type.Integer({ description: "From the answer to the detection's verdict." })),
  amd_evidence: Nullable(Type.Array(Type.String()), {
    description: "The cues behind the verdict, e.g. `beep`, `long_greeting`, `phrase:leave a message`.",
  }),
  recording_url: Nullable(Type.String()),
  trace_id: Type.String({
    description:
      "The call's OpenTelemetry trace id (its id without the `call_` prefix): the trace to look up when traces are exported (OTEL_EXPORTER_OTLP_ENDPOINT).",
  }),
  metadata: JsonObject(),
  transfer: Nullable(CallTransferSchema, {
    description: "The call's last blind transfer and its outcome; null when it was never transferred.",
  }),
  sip_headers: Nullable(Type.Record(Type.String(), Type.String()), {
    description:
      "The INVITE's context headers: on inbound calls those received (`X-*`, Diversion, P-Asserted-Identity, " +
      "User-to-User; in prompts as `{{sip.X-Customer-Id}}`), on outbound calls those sent; null when none.",
  }),
};

export const CallSchema = Type.Object(callFields);

/** GET /calls/{id}: the call with its transcript. */
export const CallDetailSchema = Type.Object({
  ...callFields,
  transcript: Type.Array(TranscriptTurnSchema),
  analysis: Nullable(CallAnalysisSchema, {
    description: "Post-call analysis when the agent asks for it (`analysis` on the agent); null otherwise.",
  }),
});

/** POST /calls/outbound. */
export const OutboundCallBodySchema = Type.Object(
  {
    agent_id: Type.String({ minLength: 1, maxLength: 100 }),
    to_number: Type.String({ minLength: 1, maxLength: 32, description: "E.164, e.g. +14155550142." }),
    from_number: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 32,
        description: "One of your active numbers; default: the number attached to the agent.",
      }),
    ),
    objective: Type.Optional(
      Type.String({ maxLength: 5000, description: "The goal of this call, added to the prompt." }),
    ),
    metadata: Type.Optional(JsonObject()),
    amd: Type.Optional(AmdSettingsSchema),
    sip_headers: Type.Optional(SipHeadersSchema),
  },
  STRICT,
);

export type TurnLatency = Static<typeof TurnLatencySchema>;
export type TranscriptTurn = Static<typeof TranscriptTurnSchema>;
export type ToolCallRecord = Static<typeof ToolCallRecordSchema>;
export type Call = Static<typeof CallSchema>;
export type CallTransfer = Static<typeof CallTransferSchema>;
export type CallDetail = Static<typeof CallDetailSchema>;
export type OutboundCallBody = Static<typeof OutboundCallBodySchema>;
