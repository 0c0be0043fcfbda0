// In-process stand-ins for external LLM, STT and TTS services with scripted output, for
// frame-driven pipeline tests. They honour abort signals like the real adapters.
import {
  type ChatMessage,
  type LlmEvent,
  type LlmProvider,
  type LlmRequest,
  ProviderError,
  type SttProvider,
  type SttSession,
  type ToolCall,
  type TranscriptEvent,
  type TtsProvider,
} from "../../providers/types.ts";

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface LlmStep {
  /** Streamed as separate text events. */
  tokens?: string[];
  toolCalls?: ToolCall[];
  /** After the tokens, wait until aborted (a model still generating). */
  hang?: boolean;
  error?: Error;
}

export class ScriptedLlm implements LlmProvider {
  readonly name = "scripted-llm";
  readonly requests: { messages: ChatMessage[]; tools: string[] }[] = [];
  aborts = 0;

  constructor(private readonly steps: LlmStep[]) {}

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
    this.requests.push({
      messages: structuredClone(request.messages),
      tools: (request.tools ?? []).map((tool) => tool.name),
    });
    const step = this.steps.shift() ?? { tokens: ["Okay."] };
    try {
      for (const token of step.tokens ?? []) {
        await nextMacrotask();
        if (signal.aborted) throw signal.reason;
        yield { type: "text", text: token };
      }
      if (step.error) throw step.error;
      for (const call of step.toolCalls ?? []) yield { type: "tool_call", call };
      if (step.hang) {
        await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
      }
      yield { type: "done", finishReason: step.toolCalls ? "tool_calls" : "stop" };
    } finally {
      if (signal.aborted) this.aborts++;
    }
  }
}

/** Answers each flush with the next scripted utterance ("" when the script is used up). */
export class ScriptedStt implements SttProvider {
  readonly name = "scripted-stt";
  receivedSamples = 0;
  flushes = 0;
  closed = false;

  /** `null` leaves that flush unanswered (a stalled connection). */
  constructor(private readonly utterances: (string | null)[]) {}

  /** Sends a transcript event now, as a streaming STT does on its own (e.g. Deepgram's speech_final). */
  emit: (event: TranscriptEvent) => void = () => {
    throw new Error("no STT session open");
  };

  /** Fails the open session as a dropped connection would (retryable). */
  fail: () => void = () => {
    throw new Error("no STT session open");
  };
  sessions = 0;

  async open(
    _options: unknown,
    onTranscript: (event: TranscriptEvent) => void,
    onError: (error: ProviderError) => void,
  ): Promise<SttSession> {
    this.sessions++;
    this.emit = onTranscript;
    let failed = false;
    this.fail = () => {
      failed = true;
      onError(new ProviderError(this.name, "connection dropped", true));
    };
    return {
      sendAudio: (pcm) => {
        if (!failed) this.receivedSamples += pcm.length;
      },
      flush: () => {
        if (failed) return;
        this.flushes++;
        const next = this.utterances.shift();
        if (next === null) return;
        const text = next ?? "";
        setImmediate(() => onTranscript({ text, isFinal: true, endOfSpeech: true }));
      },
      close: async () => {
        this.closed = true;
      },
    };
  }
}

/**
 * Speech of a fixed length per word, streamed in chunks. A sentence containing `stallOn` sends
 * its first chunk and then waits until aborted (a synthesis still in flight).
 */
export class ScriptedTts implements TtsProvider {
  readonly name = "scripted-tts";
  readonly texts: string[] = [];
  aborts = 0;
  stallOn: string | null = null;

  constructor(
    private readonly samplesPerWord = 4800,
    private readonly chunkSamples = 1600,
  ) {}

  async *synthesize(text: string, _options: unknown, signal: AbortSignal): AsyncIterable<Int16Array> {
    this.texts.push(text);
    const words = text.split(/\s+/).filter(Boolean).length;
    let remaining = words * this.samplesPerWord;
    try {
      while (remaining > 0) {
        await nextMacrotask();
        if (signal.aborted) throw signal.reason;
        const size = Math.min(this.chunkSamples, remaining);
        remaining -= size;
        yield new Int16Array(size).fill(1000);
        if (this.stallOn && text.includes(this.stallOn)) {
          await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
        }
      }
    } finally {
      if (signal.aborted) this.aborts++;
    }
  }
}
