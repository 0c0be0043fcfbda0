// What the stand-ins say and how slowly: deterministic content and latencies for tests and
// benchmarks. Every field has a default; pass a partial script to override some.
import { DEFAULT_REALTIME_SCRIPT, type RealtimeScript } from "./realtime-script.ts";

export interface LlmRule {
  /** Regular expression tested against the last user message (case-insensitive). */
  match: string;
  reply?: string;
  /** Tool calls to make instead of (or after) the reply text. */
  toolCalls?: Array<{ name: string; arguments: Record<string, unknown> }>;
}

export interface LlmScript {
  rules: LlmRule[];
  defaultReply: string;
  /** Reply after a tool result (the last message has role `tool`). */
  afterToolReply: string;
  firstTokenMs: number;
  interTokenMs: number;
  /** Characters per streamed tool-call argument fragment. */
  toolArgumentFragmentChars: number;
}

export interface SpeechScript {
  firstByteMs: number;
  /** Audio per streamed chunk. */
  chunkMs: number;
  /** Wall time between chunks (0: as fast as the socket takes them). */
  chunkIntervalMs: number;
  /** Audio per word of input text. */
  msPerWord: number;
}

export interface TranscriptionScript {
  /** Returned in turn, one per request (cycling). */
  texts: string[];
  delayMs: number;
  /** A segment whose RMS stays below this gives empty text. */
  speechRmsThreshold: number;
  /**
   * `scripted` answers with `texts`; `pocketsphinx` really recognises the audio with Debian's
   * pocketsphinx (good on clean 16 kHz speech such as flite's; seconds per request).
   */
  recognizer: "scripted" | "pocketsphinx";
  /** Realtime transcription (a streaming model): speech audio between two deltas of one word. */
  deltaEveryMs: number;
}

export interface DeepgramScript {
  /** The text of each caller utterance, in order (cycling). */
  utterances: string[];
  /** Delay between the endpoint (or Finalize) and the final Results message. */
  finalizationDelayMs: number;
  /** RMS of a 20 ms frame above which it counts as speech. */
  speechRmsThreshold: number;
  /** Audio between two interim Results while speech goes on. */
  interimEveryMs: number;
  /** Endpointing silence when the URL gives none. */
  defaultEndpointingMs: number;
  /** Deepgram closes a socket that gets neither audio nor KeepAlive for this long. */
  idleCloseMs: number;
}

export interface StandInScript {
  /** When set, requests must carry these keys (Bearer / Token / xi_api_key). */
  apiKeys: {
    openai: string | null;
    deepgram: string | null;
    elevenlabs: string | null;
    gemini: string | null;
  };
  llm: LlmScript;
  speech: SpeechScript;
  transcription: TranscriptionScript;
  deepgram: DeepgramScript;
  elevenlabs: SpeechScript;
  /** The speech-to-speech stand-ins (OpenAI Realtime, Gemini Live). */
  realtime: RealtimeScript;
}

export type PartialScript = { [K in keyof StandInScript]?: Partial<StandInScript[K]> };

const DEFAULT_SCRIPT: StandInScript = {
  apiKeys: { openai: null, deepgram: null, elevenlabs: null, gemini: null },
  llm: {
    rules: [],
    defaultReply: "Sure, I can help with that. What else would you like to know?",
    afterToolReply: "Done.",
    firstTokenMs: 150,
    interTokenMs: 10,
    toolArgumentFragmentChars: 8,
  },
  speech: { firstByteMs: 120, chunkMs: 40, chunkIntervalMs: 0, msPerWord: 250 },
  transcription: {
    texts: ["I would like to book a table for two people tomorrow evening."],
    delayMs: 150,
    speechRmsThreshold: 300,
    recognizer: "scripted",
    deltaEveryMs: 200,
  },
  deepgram: {
    utterances: ["I would like to book a table for two people tomorrow evening."],
    finalizationDelayMs: 50,
    speechRmsThreshold: 500,
    interimEveryMs: 200,
    defaultEndpointingMs: 10,
    idleCloseMs: 10_000,
  },
  elevenlabs: { firstByteMs: 100, chunkMs: 40, chunkIntervalMs: 0, msPerWord: 250 },
  realtime: DEFAULT_REALTIME_SCRIPT,
};

export function resolveScript(partial: PartialScript = {}): StandInScript {
  return {
    apiKeys: { ...DEFAULT_SCRIPT.apiKeys, ...partial.apiKeys },
    llm: { ...DEFAULT_SCRIPT.llm, ...partial.llm },
    speech: { ...DEFAULT_SCRIPT.speech, ...partial.speech },
    transcription: { ...DEFAULT_SCRIPT.transcription, ...partial.transcription },
    deepgram: { ...DEFAULT_SCRIPT.deepgram, ...partial.deepgram },
    elevenlabs: { ...DEFAULT_SCRIPT.elevenlabs, ...partial.elevenlabs },
    realtime: { ...DEFAULT_SCRIPT.realtime, ...partial.realtime },
  };
}
