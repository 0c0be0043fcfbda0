// What the speech-to-speech stand-ins (OpenAI Realtime, Gemini Live) say and how slowly. One
// script serves both protocols, so the same conversation can be run against either.

export interface RealtimeRule {
  /** Regular expression tested against what the caller said (case-insensitive). */
  match: string;
  reply?: string;
  /** Function calls made after the reply; only tools the session declared are called. */
  toolCalls?: Array<{ name: string; arguments: Record<string, unknown> }>;
}

export interface RealtimeScript {
  /** What the caller says in each user turn that holds speech, in order (cycling). */
  utterances: string[];
  rules: RealtimeRule[];
  /** Said when the caller's words match no rule. */
  defaultReply: string;
  /**
   * The first response before the caller spoke. When the request's instructions (OpenAI
   * `response.create`) or text (Gemini `clientContent`) hold a double-quoted phrase, that
   * phrase is said instead: `Say exactly: "Hello, this is Ada."`.
   */
  greeting: string;
  /** The reply after function results. */
  afterToolReply: string;
  /** From the end of the caller's speech (or the request for a response) to the first audio. */
  firstAudioMs: number;
  /** From the end of the caller's speech to the caller's transcription event. */
  transcriptionDelayMs: number;
  /** Audio per streamed message. */
  chunkMs: number;
  /** Wall time between audio messages (0: as fast as the socket takes them, as the APIs do). */
  chunkIntervalMs: number;
  /** Audio per word of reply text. */
  msPerWord: number;
  /** RMS of a 20 ms frame (16-bit linear) above which the server VAD hears speech. */
  speechRmsThreshold: number;
  /** A turn with less speech than this transcribes to "" (a cough, a click, "mm"). */
  minWordsSpeechMs: number;
  /** End-of-speech silence when the session configures none. */
  silenceDurationMs: number;
}

export const DEFAULT_REALTIME_SCRIPT: RealtimeScript = {
  utterances: ["I would like to book a table for two people tomorrow evening.", "No, that is all. Goodbye."],
  rules: [
    {
      match: "goodbye",
      reply: "Thank you for calling. Goodbye!",
      toolCalls: [{ name: "end_call", arguments: {} }],
    },
  ],
  defaultReply: "Sure, I can help with that. What else would you like to know?",
  greeting: "Hello! How can I help you today?",
  afterToolReply: "Done.",
  firstAudioMs: 200,
  transcriptionDelayMs: 100,
  chunkMs: 100,
  chunkIntervalMs: 0,
  msPerWord: 250,
  speechRmsThreshold: 500,
  minWordsSpeechMs: 200,
  silenceDurationMs: 500,
};

export interface PlannedResponse {
  /** Spoken text; empty when the response only calls functions. */
  text: string;
  toolCalls: Array<{ name: string; arguments: Record<string, unknown> }>;
}

/** What the model answers to the caller's words, calling only tools the session declared. */
export function replyTo(script: RealtimeScript, said: string, declaredTools: string[]): PlannedResponse {
  const rule = script.rules.find((candidate) => new RegExp(candidate.match, "i").test(said));
  if (!rule) return { text: script.defaultReply, toolCalls: [] };
  return {
    text: rule.reply ?? "",
    toolCalls: (rule.toolCalls ?? []).filter((call) => declaredTools.includes(call.name)),
  };
}

/** The greeting: the quoted phrase in the request when there is one, else the scripted one. */
export function greetingFor(script: RealtimeScript, request: string | undefined): string {
  const quoted = request?.match(/"([^"]+)"/)?.[1];
  return quoted ?? script.greeting;
}

/** The caller's words for one user turn: nothing for a blip, else the next scripted utterance. */
export function nextUtterance(script: RealtimeScript, speechMs: number, index: number): string | null {
  if (speechMs < script.minWordsSpeechMs) return null;
  return script.utterances[index % Math.max(1, script.utterances.length)] ?? "";
}

/** Words of `text` with the audio offset (ms) at which each starts, as the stand-ins synthesise it. */
export function wordTimings(text: string, msPerWord: number): Array<{ word: string; startMs: number }> {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word, index) => ({ word, startMs: index * msPerWord }));
}
