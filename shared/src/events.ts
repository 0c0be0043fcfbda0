// Events, defined once: the webhook catalogue users subscribe to, and the call events
// gateways write to the bus for control to persist.
import type { RealtimeUsage } from "./realtime.ts";
import type { AmdSettings, AnsweredBy } from "./schemas/amd.ts";
import type { TranscriptTurn } from "./schemas/call.ts";

export const WEBHOOK_EVENT_TYPES = [
  "call.started",
  "call.ended",
  "call.failed",
  "call.transcript.ready",
  "call.recording.ready",
  "call.analysis.ready",
  "sms.sent",
  "sms.received",
  "sms.failed",
  "number.suspended",
  "credits.low",
  "credits.auto_recharge_failed",
  "campaign.started",
  "campaign.paused",
  "campaign.completed",
  "lead.completed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const CALL_DIRECTIONS = ["inbound", "outbound", "web"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const CALL_STATUSES = [
  "queued",
  "ringing",
  "in_progress",
  "completed",
  "busy",
  "no_answer",
  "failed",
  "canceled",
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** A transcript turn and its latency by stage; the schemas are in schemas/call.ts. */
export type { TranscriptTurn, TurnLatency } from "./schemas/call.ts";

interface CallEventBase {
  /** Unique per event: control persists each exactly once by this id. */
  event_id: string;
  call_id: string;
  org_id: string;
  gateway_id: string;
  occurred_at: string;
}

export type CallEvent =
  | (CallEventBase & {
      type: "call.status";
      status: CallStatus;
    })
  | (CallEventBase & {
      type: "call.started";
      direction: CallDirection;
      agent_id: string;
      from_number: string | null;
      to_number: string | null;
      phone_number_id: string | null;
      answered_at: string;
      /** Inbound SIP calls: the INVITE's `X-*`, Diversion, P-Asserted-Identity, User-to-User headers. */
      sip_headers?: Record<string, string> | null;
    })
  | (CallEventBase & { type: "call.turn"; index: number; turn: TranscriptTurn })
  | (CallEventBase & {
      type: "call.ended";
      status: CallStatus;
      hangup_cause: string;
      ended_at: string;
      duration_s: number;
      /** A realtime (speech-to-speech) call's token usage; absent or null for pipeline calls. */
      usage?: RealtimeUsage | null;
    })
  | (CallEventBase & { type: "call.recording"; path: string; duration_s: number; bytes: number })
  | (CallEventBase & {
      type: "call.transfer";
      /** The Refer-To target (E.164 or SIP URI), and the final sipfrag NOTIFY's outcome (RFC 3515 §2.4.5). */
      target: string;
      ok: boolean;
      status: number | null;
      reason: string;
    })
  | (CallEventBase & {
      type: "call.amd";
      answered_by: AnsweredBy;
      /** From the answer to the verdict. */
      decision_ms: number;
      evidence: string[];
    })
  /** The callee asked not to be called again (the add_to_do_not_call tool); control lists their number. */
  | (CallEventBase & { type: "call.do_not_call"; reason: string | null })
  /**
   * The send_sms tool: control sends `body` from the call's number to `to` (null: the other
   * side of the call) as SMS `sms_id`, and publishes the outcome on Channels.smsOutcomes.
   */
  | (CallEventBase & { type: "call.sms"; sms_id: string; to: string | null; body: string });

/** Control -> the gateway waiting on a send_sms tool call (Channels.smsOutcomes). */
export interface CallSmsOutcome {
  sms_id: string;
  /** `queued`/`sent`: the carrier has it or will; `failed`: refused, see `error_code`. */
  status: "queued" | "sent" | "failed";
  error_code: string | null;
  segments: number;
  cost_cents: number;
}

export const Streams = {
  /** Gateways -> control: CallEvent JSON. */
  callEvents: "calls:events",
  /** Control -> gateways: outbound dispatch commands. */
  dispatch: "calls:dispatch",
  /** Control -> gateways with LiveKit configured: a browser call's room to join (RoomDispatchCommand). */
  liveKitRooms: "calls:livekit-rooms",
} as const;

/**
 * When a number forwards instead of reaching its agent:
 * `no_agent` when no agent is attached, `no_credits` when the org's balance is empty or the
 * number is suspended for an unpaid renewal, `always` for every call.
 */
export const FORWARDING_MODES = ["no_agent", "no_credits", "always"] as const;
export type ForwardingMode = (typeof FORWARDING_MODES)[number];

export interface NumberForwarding {
  forward_to: string;
  mode: ForwardingMode;
}

const NUMBER_STATUSES = ["active", "suspended"] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

/** One routing-table entry (bus hash `numbers:routes`, keyed by the E.164 number). */
export interface NumberRoute {
  org_id: string;
  phone_number_id: string;
  agent_id: string | null;
  forwarding: NumberForwarding | null;
  status: NumberStatus;
}

/** Control -> gateways (Streams.dispatch): place one outbound call. */
export interface DispatchCommand {
  call_id: string;
  org_id: string;
  agent_id: string;
  /** E.164 caller id; the trunk's caller-id rules may replace it. */
  from_number: string | null;
  to_number: string;
  /** The goal added to the system prompt for this call. */
  objective: string | null;
  metadata: Record<string, unknown>;
  /** The org's trunk to use; null picks the org's trunk or the gateway's default trunk. */
  trunk_id: string | null;
  /** Answering-machine detection for this call; absent or null: none. */
  amd?: AmdSettings | null;
  /** Extra headers for the INVITE (validated by control: `X-*` or the allow-list). */
  sip_headers?: Record<string, string> | null;
}

/** Control -> gateways (Streams.liveKitRooms): join this LiveKit room as the agent of one browser call. */
export interface RoomDispatchCommand {
  call_id: string;
  org_id: string;
  agent_id: string;
  /** The room, named after the call. */
  room: string;
  /** Fills the agent's `{{name}}` placeholders for this call. */
  metadata: Record<string, unknown>;
  /** The caller's room token expires then: a room still without its caller is left. */
  expires_at: string;
}
