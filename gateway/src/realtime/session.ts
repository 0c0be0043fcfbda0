// What the realtime application needs from a speech-to-speech model, whatever its protocol.
// Audio crosses this interface as the call has it (16 kHz PCM16, or a G.711 call's 8 kHz
// samples); each adapter converts to and from what its model speaks.
import type { ToolDefinition } from "../providers/types.ts";
import type { RealtimeUsage } from "./settings.ts";

export type RealtimeEvent =
  /** Model audio of one output item, in the call's format (`callRateHz`). */
  | { type: "audio"; itemId: string; pcm: Int16Array }
  /** The model's transcript of its own audio, as it is produced. */
  | { type: "agent_transcript_delta"; itemId: string; text: string }
  /** The whole transcript of one output item. */
  | { type: "agent_transcript_done"; itemId: string; text: string }
  /** The model's transcription of one caller utterance (empty: speech without words). */
  | { type: "caller_transcript"; text: string }
  /** The server's own voice activity detection heard the caller start or stop. */
  | { type: "speech_started" }
  | { type: "speech_stopped" }
  | { type: "tool_call"; callId: string; name: string; arguments: string }
  /** The model finished (or abandoned) one response. */
  | { type: "response_done" }
  /** Tokens the model reports for some of its work; the call's usage is their sum. */
  | { type: "usage"; usage: RealtimeUsage }
  /** The connection failed or the provider reported an error it cannot recover from. */
  | { type: "failed"; message: string };

export interface RealtimeSessionConfig {
  model: string;
  voice: string;
  instructions: string;
  tools: ToolDefinition[];
  /** "gateway": the gateway's VAD decides turns (commitTurn); otherwise the server's VAD does. */
  turnDetection: "server_vad" | "semantic_vad" | "gateway";
  /**
   * The caller's audio is G.711 (8 kHz): an adapter that can should speak G.711 with its model
   * (µ-law or A-law) instead of wideband PCM.
   */
  narrowbandCodec: "PCMU" | "PCMA" | null;
  /**
   * The rate of appendAudio's frames and of the audio events: the gateway's 16 kHz, or 8 kHz
   * on a G.711 call whose codec the model speaks too (nothing is resampled then).
   */
  callRateHz: 16_000 | 8_000;
}

export interface RealtimeSession {
  readonly provider: string;
  /** One 20 ms frame of caller audio (PCM16 at `callRateHz`). */
  appendAudio(pcm: Int16Array): void;
  /** Asks for a response; `instructions` replace the session's for this one response. */
  createResponse(instructions?: string): void;
  /** A user message in text (DTMF digits), answered at once. */
  sendText(text: string): void;
  /** The caller started speaking (gateway turn detection only). */
  startTurn(): void;
  /** The caller's turn is over: answer it (gateway turn detection only). */
  commitTurn(): void;
  /**
   * Barge-in: stop the response in progress and keep in the model's history only what the
   * caller heard of each item still playing or queued (`playedMs` of its audio, 0 for one
   * queued behind the first).
   */
  interrupt(cuts: Array<{ itemId: string; playedMs: number }>): void;
  /** The result of a tool call; `respond: false` when the call ends and nothing more is said. */
  submitToolResult(callId: string, name: string, output: string, respond: boolean): void;
  close(): void;
}

export type RealtimeListener = (event: RealtimeEvent) => void;
