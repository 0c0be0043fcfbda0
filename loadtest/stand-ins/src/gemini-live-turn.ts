// One Gemini Live model turn on the stand-in: after the scripted first-audio delay,
// serverContent.modelTurn parts with inline 24 kHz PCM (and outputTranscription text when the
// setup asked for it), then either a toolCall (the turn continues after the toolResponse) or
// generationComplete and turnComplete with the turn's usageMetadata. The caller's speech ends
// it early with `interrupted`.
import { synthesizeWords } from "./audio.ts";
import type { RealtimeConnectionRecord } from "./realtime-log.ts";
import { type PlannedResponse, type RealtimeScript, wordTimings } from "./realtime-script.ts";
import { sleepUntil } from "./timing.ts";

export const GEMINI_OUTPUT_RATE_HZ = 24_000;
// Gemini counts audio at 25 tokens a second, in and out; text at roughly 4 characters a token.
const AUDIO_TOKENS_PER_S = 25;
const CHARS_PER_TEXT_TOKEN = 4;

/** Wire shapes (BidiGenerateContentServerMessage, camelCase JSON). */
export interface ModalityTokenCount {
  modality: "TEXT" | "AUDIO";
  tokenCount: number;
}
export interface UsageMetadata {
  promptTokenCount: number;
  responseTokenCount: number;
  totalTokenCount: number;
  promptTokensDetails: ModalityTokenCount[];
  responseTokensDetails: ModalityTokenCount[];
}
export type ServerMessage =
  | { setupComplete: Record<string, never> }
  | { serverContent: Record<string, unknown>; usageMetadata?: UsageMetadata }
  | { toolCall: { functionCalls: Array<{ id: string; name: string; args: Record<string, unknown> }> } }
  | { usageMetadata: UsageMetadata };

/** What the model has heard and said so far on the connection: its context for usage. */
export interface GeminiContext {
  instructionChars: number;
  textChars: number;
  userAudioMs: number;
  modelAudioMs: number;
}

export interface TurnContext {
  script: RealtimeScript;
  record: RealtimeConnectionRecord;
  context: GeminiContext;
  outputTranscription: boolean;
  send(message: ServerMessage): void;
  /** A function call the client must answer with a toolResponse. */
  onToolCall(id: string, name: string): void;
  newId(prefix: string): string;
}

export class GeminiTurnRun {
  private interrupted = false;
  private finished = false;
  private wake: () => void = () => {};
  private readonly woken = new Promise<void>((resolve) => {
    this.wake = resolve;
  });
  private audioSentMs = 0;
  private textSent = "";

  constructor(private readonly turn: TurnContext) {}

  get active(): boolean {
    return !this.interrupted && !this.finished;
  }

  /** The caller spoke over the turn: `interrupted` goes out at once. */
  interrupt(): boolean {
    if (!this.active) return false;
    this.interrupted = true;
    this.turn.record.cancellations.push({
      response_id: "turn",
      reason: "turn_detected",
      audio_sent_ms: this.audioSentMs,
    });
    this.turn.send({ serverContent: { interrupted: true } });
    this.wake();
    return true;
  }

  /** Stops the turn because its connection closed: nothing is sent, nothing recorded. */
  abandon(): void {
    if (!this.active) return;
    this.interrupted = true;
    this.wake();
  }

  async run(plan: PlannedResponse, startedAtMs: number): Promise<void> {
    const promptUsage = this.promptUsage();
    await Promise.race([sleepUntil(startedAtMs + this.turn.script.firstAudioMs), this.woken]);
    if (this.active && plan.text) await this.speak(plan.text);
    this.turn.context.modelAudioMs += this.audioSentMs;
    this.turn.context.textChars += this.textSent.length;
    const usageMetadata = this.usage(promptUsage);
    if (!this.active) {
      this.finished = true;
      this.turn.send({ usageMetadata });
      return;
    }
    if (plan.toolCalls.length > 0) {
      const functionCalls = plan.toolCalls.map((call) => ({
        id: this.turn.newId("function-call"),
        name: call.name,
        args: call.arguments,
      }));
      for (const call of functionCalls) this.turn.onToolCall(call.id, call.name);
      this.finished = true;
      this.turn.send({ toolCall: { functionCalls } });
      this.turn.send({ usageMetadata });
      return;
    }
    this.finished = true;
    this.turn.send({ serverContent: { generationComplete: true } });
    this.turn.send({ serverContent: { turnComplete: true }, usageMetadata });
  }

  private async speak(text: string): Promise<void> {
    const { script } = this.turn;
    const pcm = synthesizeWords(text, GEMINI_OUTPUT_RATE_HZ, script.msPerWord);
    const chunkSamples = Math.max(1, Math.round((GEMINI_OUTPUT_RATE_HZ * script.chunkMs) / 1000));
    const words = wordTimings(text, script.msPerWord);
    let wordsSent = 0;
    for (let offset = 0; offset < pcm.length && this.active; offset += chunkSamples) {
      const chunk = pcm.subarray(offset, offset + chunkSamples);
      const chunkEndMs = ((offset + chunk.length) * 1000) / GEMINI_OUTPUT_RATE_HZ;
      let spoken = "";
      while (wordsSent < words.length && (words[wordsSent]?.startMs ?? 0) < chunkEndMs) {
        spoken += `${wordsSent === 0 ? "" : " "}${words[wordsSent]?.word}`;
        wordsSent += 1;
      }
      const data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("base64");
      this.turn.send({
        serverContent: {
          modelTurn: {
            parts: [{ inlineData: { mimeType: `audio/pcm;rate=${GEMINI_OUTPUT_RATE_HZ}`, data } }],
          },
        },
      });
      if (spoken && this.turn.outputTranscription)
        this.turn.send({ serverContent: { outputTranscription: { text: spoken } } });
      this.textSent += spoken;
      const chunkMs = (chunk.length * 1000) / GEMINI_OUTPUT_RATE_HZ;
      this.audioSentMs += chunkMs;
      this.turn.record.audioOutMs += chunkMs;
      // Yields between chunks so the caller's speech can interrupt mid-reply.
      if (script.chunkIntervalMs > 0) await Promise.race([Bun.sleep(script.chunkIntervalMs), this.woken]);
      else await Bun.sleep(0);
    }
  }

  /** The context before this turn, as the model read it. */
  private promptUsage(): ModalityTokenCount[] {
    const { context } = this.turn;
    return [
      {
        modality: "TEXT",
        tokenCount: Math.ceil((context.instructionChars + context.textChars) / CHARS_PER_TEXT_TOKEN),
      },
      {
        modality: "AUDIO",
        tokenCount: Math.ceil(((context.userAudioMs + context.modelAudioMs) * AUDIO_TOKENS_PER_S) / 1000),
      },
    ];
  }

  private usage(promptTokensDetails: ModalityTokenCount[]): UsageMetadata {
    const responseTokensDetails: ModalityTokenCount[] = [
      { modality: "AUDIO", tokenCount: Math.ceil((this.audioSentMs * AUDIO_TOKENS_PER_S) / 1000) },
    ];
    const promptTokenCount = promptTokensDetails.reduce((sum, entry) => sum + entry.tokenCount, 0);
    const responseTokenCount = responseTokensDetails.reduce((sum, entry) => sum + entry.tokenCount, 0);
    return {
      promptTokenCount,
      responseTokenCount,
      totalTokenCount: promptTokenCount + responseTokenCount,
      promptTokensDetails,
      responseTokensDetails,
    };
  }
}
