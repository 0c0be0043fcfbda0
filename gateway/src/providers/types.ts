// The provider families behind the turn pipeline. One folder per provider, one file per
// capability, each implementing one of these interfaces; retries, timeouts and metrics live
// once in each family's base.

export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    /** Worth trying again or on the next provider: network errors, timeouts, 408, 429, 5xx. */
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(`${provider}: ${message}`);
    this.name = "ProviderError";
  }
}

/** 4xx is final except 408 and 429. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

// LLM ---------------------------------------------------------------------------------------

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text as the model produced it. */
  arguments: string;
}

export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string | null;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface LlmRequest {
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  model: string;
  temperature: number;
  maxTokens?: number;
}

export type LlmEvent =
  | { type: "text"; text: string }
  | { type: "tool_call"; call: ToolCall }
  | { type: "done"; finishReason: string | null };

export interface LlmProvider {
  readonly name: string;
  /** Streams the completion; aborting `signal` cancels the HTTP request. */
  stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent>;
}

// STT ---------------------------------------------------------------------------------------

export interface TranscriptEvent {
  text: string;
  /** This text will not change any more. */
  isFinal: boolean;
  /** The provider detected the end of the caller's utterance. */
  endOfSpeech: boolean;
  /** No words for the provider's utterance gap (Deepgram UtteranceEnd); `text` is empty. */
  utteranceEnd?: boolean;
}

export interface SttOptions {
  model: string;
  language: string;
  sampleRateHz: number;
}

export interface SttSession {
  /**
   * 16 kHz PCM16, in order. The caller may reuse the array once this returns: a session that
   * keeps audio copies it.
   */
  sendAudio(pcm: Int16Array): void;
  /** The caller stopped speaking (VAD): produce the final transcript of what was sent. */
  flush(): void;
  close(): Promise<void>;
}

export interface SttProvider {
  readonly name: string;
  open(
    options: SttOptions,
    onTranscript: (event: TranscriptEvent) => void,
    onError: (error: ProviderError) => void,
  ): Promise<SttSession>;
}

// TTS ---------------------------------------------------------------------------------------

export interface TtsOptions {
  voiceId: string;
  speed?: number;
  sampleRateHz: number;
}

export interface TtsProvider {
  readonly name: string;
  /** Streams PCM16 chunks (any length) at `sampleRateHz` as they arrive; abort cancels. */
  synthesize(text: string, options: TtsOptions, signal: AbortSignal): AsyncIterable<Int16Array>;
}
