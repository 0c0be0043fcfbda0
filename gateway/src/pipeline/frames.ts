// Typed frames flowing through the turn pipeline. System frames act at once and are never
// dropped; realtime frames (caller audio) bypass queues; data frames wait in order in a
// processor's queue and are dropped when the caller interrupts.
import type { PcmFrame } from "../media/audio-format.ts";
import type { AgentTurn, TurnTimeline } from "./turn.ts";

export type SystemFrame =
  | { type: "start" }
  | { type: "end"; cause: string }
  | { type: "user_speech_started"; atMs: number }
  | { type: "user_speech_stopped"; atMs: number; speechMs: number }
  /** The caller really spoke over the agent: stop playout, cancel LLM and TTS. */
  | { type: "interruption"; atMs: number }
  /**
   * The caller spoke over the agent long enough to stop it, but the words may be a backchannel
   * ("mm-hm"): hold its audio (nothing more sent, nothing dropped) until they are known.
   */
  | { type: "playout_hold"; atMs: number }
  /** The words over the held agent were a backchannel: its audio goes on where it stopped. */
  | { type: "playout_resume" }
  /** The caller's words so far in the open turn (after each transcript), before it ends. */
  | { type: "caller_words"; text: string }
  /** Upstream: end the caller's utterance in the STT session now. */
  | { type: "stt_flush" }
  /** Upstream: the agent took the floor. */
  | { type: "agent_turn_started"; turn: AgentTurn }
  /** Upstream: the turn's last sample was played (not sent on interruption). */
  | { type: "agent_turn_ended"; turn: AgentTurn }
  /**
   * Upstream: playout stopped (interruption or end of call) with `playedSamples` of agent audio
   * on the wire since the call started: what the caller heard of the turns in progress.
   */
  | { type: "playout_stopped"; playedSamples: number }
  /** The VAD's speech probability for one 32 ms window of caller audio, ending at `atMs`. */
  | { type: "vad_probability"; probability: number; atMs: number }
  /**
   * The caller's turn is likely over and its transcript settled: the LLM may start on `text`
   * before the turn is confirmed, speaking and recording nothing until the `user_turn` comes.
   */
  | { type: "preemptive_turn"; text: string; atMs: number }
  /** The caller went on (or the text changed): drop the reply started early. */
  | { type: "preemptive_turn_cancelled" };

export type RealtimeFrame = { type: "audio_in"; pcm: PcmFrame; atMs: number };

export type DataFrame =
  | {
      type: "transcript";
      text: string;
      isFinal: boolean;
      endOfSpeech: boolean;
      /** No words for a while (Deepgram UtteranceEnd); carries no text. */
      utteranceEnd?: boolean;
      atMs: number;
    }
  | { type: "dtmf"; digit: string; atMs: number }
  /** The caller's complete utterance (empty text: speech without words). */
  | {
      type: "user_turn";
      text: string;
      source: "speech" | "dtmf";
      timeline: TurnTimeline;
      startedAt: number;
    }
  /** A scripted agent line (first message, reprompt, goodbye), spoken without the LLM. */
  | { type: "say"; text: string; hangupCause: string | null }
  | { type: "llm_text"; text: string; turn: AgentTurn }
  /** Nothing more will be said in this turn. */
  | { type: "llm_end"; turn: AgentTurn }
  /** One sentence or clause, ready for TTS. */
  | { type: "speak"; text: string; turn: AgentTurn }
  | { type: "tts_audio"; pcm: Int16Array; turn: AgentTurn; sentenceStart: boolean; text: string }
  | { type: "tts_sentence_end"; turn: AgentTurn }
  /** Resolves once everything before it has been played (tools that must wait for speech). */
  | { type: "mark"; resolve: () => void };

export type Frame = SystemFrame | RealtimeFrame | DataFrame;

const SYSTEM_TYPES = new Set<Frame["type"]>([
  "start",
  "end",
  "user_speech_started",
  "user_speech_stopped",
  "interruption",
  "playout_hold",
  "playout_resume",
  "caller_words",
  "stt_flush",
  "agent_turn_started",
  "agent_turn_ended",
  "playout_stopped",
  "vad_probability",
  "preemptive_turn",
  "preemptive_turn_cancelled",
]);

export function isDataFrame(frame: Frame): frame is DataFrame {
  return frame.type !== "audio_in" && !SYSTEM_TYPES.has(frame.type);
}
