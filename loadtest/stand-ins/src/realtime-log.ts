// What the speech-to-speech stand-ins received, per connection, so tests can assert on the
// protocol a client spoke: the session it configured, the tools it declared, the truncations
// and function results it sent. Audio is counted, not kept.

export interface RealtimeConnectionRecord {
  /** The model named in the URL (OpenAI) or the setup message (Gemini). */
  model: string | null;
  /** The credential the client presented (Bearer, subprotocol or `key` parameter). */
  apiKey: string | null;
  /** The session as configured so far (OpenAI: merged session.update; Gemini: the setup). */
  session: Record<string, unknown>;
  /** Names of the functions the session declared. */
  tools: string[];
  /** Every client message in order, audio payloads left out. */
  events: Array<Record<string, unknown> & { type: string }>;
  /** Client messages by type. */
  counts: Record<string, number>;
  audioInBytes: number;
  truncations: Array<{ item_id: string; content_index: number; audio_end_ms: number }>;
  /** Function results: OpenAI `function_call_output` items, Gemini `toolResponse`s. */
  functionResults: Array<{ call_id: string; output: unknown }>;
  /** Responses the stand-in cancelled, and why (`turn_detected`, `client_cancelled`). */
  cancellations: Array<{ response_id: string; reason: string; audio_sent_ms: number }>;
  /** Audio the stand-in sent, in ms of the session's output format. */
  audioOutMs: number;
  closed: boolean;
}

const MAX_EVENTS = 2000;

export class RealtimeLog {
  readonly connections: RealtimeConnectionRecord[] = [];

  open(model: string | null, apiKey: string | null): RealtimeConnectionRecord {
    const record: RealtimeConnectionRecord = {
      model,
      apiKey,
      session: {},
      tools: [],
      events: [],
      counts: {},
      audioInBytes: 0,
      truncations: [],
      functionResults: [],
      cancellations: [],
      audioOutMs: 0,
      closed: false,
    };
    this.connections.push(record);
    return record;
  }

  /** The newest connection (most tests open one). */
  last(): RealtimeConnectionRecord | undefined {
    return this.connections.at(-1);
  }

  reset(): void {
    this.connections.length = 0;
  }
}

export function recordEvent(
  record: RealtimeConnectionRecord,
  type: string,
  event: Record<string, unknown>,
): void {
  record.counts[type] = (record.counts[type] ?? 0) + 1;
  if (record.events.length < MAX_EVENTS) record.events.push({ ...event, type });
}
