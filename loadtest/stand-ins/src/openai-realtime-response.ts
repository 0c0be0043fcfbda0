// One OpenAI Realtime response on the stand-in: response.created, then after the scripted
// first-audio delay an assistant audio item (output_audio deltas with transcript deltas),
// then the function calls, then response.done with usage. A cancel (response.cancel, or the
// caller's speech under server VAD) ends it as `cancelled` with the audio sent so far.
import type {
  ConversationItem,
  RealtimeConversationItemAssistantMessage,
  RealtimeConversationItemFunctionCall,
  RealtimeResponseUsage,
  RealtimeServerEvent,
} from "openai/resources/realtime/realtime";
import { type AudioFormat, bytesPerMs, synthesizeReply } from "./realtime-audio.ts";
import type { RealtimeConnectionRecord } from "./realtime-log.ts";
import { type PlannedResponse, type RealtimeScript, wordTimings } from "./realtime-script.ts";
import { sleepUntil } from "./timing.ts";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A server event before the stand-in stamps its event_id. */
export type OutgoingEvent = DistributiveOmit<RealtimeServerEvent, "event_id">;

export type CancelReason = "turn_detected" | "client_cancelled";

/** A conversation item as the stand-in keeps it. */
export interface ItemState {
  item: ConversationItem & { id: string };
  /** Assistant audio: ms sent, or the truncation point. User audio: ms committed. */
  audioMs: number;
  /** What the item says in words (transcript or text). */
  text: string;
}

export interface ResponseContext {
  script: RealtimeScript;
  record: RealtimeConnectionRecord;
  outputFormat: AudioFormat;
  instructions: string;
  items: ItemState[];
  send(event: OutgoingEvent): void;
  newId(prefix: string): string;
}

// Billing rates the stand-in reports: OpenAI counts user audio at 1 token per 100 ms and
// assistant audio at 1 token per 50 ms; text at roughly 4 characters a token.
const INPUT_AUDIO_MS_PER_TOKEN = 100;
const OUTPUT_AUDIO_MS_PER_TOKEN = 50;
const CHARS_PER_TEXT_TOKEN = 4;

export class OpenAiResponseRun {
  readonly id: string;
  private cancelReason: CancelReason | null = null;
  private finished = false;
  private wake: () => void = () => {};
  private readonly woken = new Promise<void>((resolve) => {
    this.wake = resolve;
  });
  private readonly output: Array<ConversationItem & { id: string }> = [];
  private audioSentMs = 0;
  private textSent = "";

  constructor(private readonly context: ResponseContext) {
    this.id = context.newId("resp");
  }

  /** Until response.done is sent or a cancel lands. */
  get active(): boolean {
    return this.cancelReason === null && !this.finished;
  }

  /** False when the response had already ended. */
  cancel(reason: CancelReason): boolean {
    if (!this.active) return false;
    this.cancelReason = reason;
    this.context.record.cancellations.push({
      response_id: this.id,
      reason,
      audio_sent_ms: this.audioSentMs,
    });
    this.wake();
    return true;
  }

  /** Stops the response because its connection closed: nothing is sent, nothing recorded. */
  abandon(): void {
    if (!this.active) return;
    this.cancelReason = "client_cancelled";
    this.wake();
  }

  /** Runs the response to its end; resolves once response.done is sent. */
  async run(plan: PlannedResponse, startedAtMs: number): Promise<void> {
    const { send } = this.context;
    send({ type: "response.created", response: this.shape("in_progress") });
    await Promise.race([sleepUntil(startedAtMs + this.context.script.firstAudioMs), this.woken]);
    if (this.active && plan.text) await this.speak(plan.text);
    for (const call of plan.toolCalls) {
      if (!this.active) break;
      this.callFunction(call.name, JSON.stringify(call.arguments));
    }
    const status = this.cancelReason ? "cancelled" : "completed";
    send({
      type: "response.done",
      response: {
        ...this.shape(status),
        ...(this.cancelReason ? { status_details: { type: "cancelled", reason: this.cancelReason } } : {}),
      },
    });
    this.finished = true;
  }

  private async speak(text: string): Promise<void> {
    const { send, script, outputFormat } = this.context;
    const itemId = this.context.newId("item");
    const base = {
      response_id: this.id,
      item_id: itemId,
      output_index: this.output.length,
      content_index: 0,
    };
    const message: RealtimeConversationItemAssistantMessage & { id: string } = {
      id: itemId,
      object: "realtime.item",
      type: "message",
      role: "assistant",
      status: "in_progress",
      content: [],
    };
    const state: ItemState = { item: message, audioMs: 0, text: "" };
    this.output.push(message);
    this.context.items.push(state);
    send({
      type: "response.output_item.added",
      response_id: this.id,
      output_index: base.output_index,
      item: message,
    });
    send({ type: "conversation.item.added", previous_item_id: this.previousItemId(itemId), item: message });
    send({ type: "response.content_part.added", ...base, part: { type: "audio", transcript: "" } });

    const audio = synthesizeReply(outputFormat, text, script.msPerWord);
    const chunkBytes = Math.max(1, Math.round(bytesPerMs(outputFormat) * script.chunkMs));
    const words = wordTimings(text, script.msPerWord);
    let wordsSent = 0;
    for (let offset = 0; offset < audio.length && this.active; offset += chunkBytes) {
      const chunk = audio.subarray(offset, offset + chunkBytes);
      const chunkEndMs = (offset + chunk.length) / bytesPerMs(outputFormat);
      while (wordsSent < words.length && (words[wordsSent]?.startMs ?? 0) < chunkEndMs) {
        const delta = `${wordsSent === 0 ? "" : " "}${words[wordsSent]?.word}`;
        state.text += delta;
        send({ type: "response.output_audio_transcript.delta", ...base, delta });
        wordsSent += 1;
      }
      send({ type: "response.output_audio.delta", ...base, delta: Buffer.from(chunk).toString("base64") });
      state.audioMs = chunkEndMs;
      this.audioSentMs += chunk.length / bytesPerMs(outputFormat);
      this.context.record.audioOutMs += chunk.length / bytesPerMs(outputFormat);
      // Yields between deltas so a response.cancel or the caller's speech can land mid-reply.
      if (script.chunkIntervalMs > 0) await Promise.race([Bun.sleep(script.chunkIntervalMs), this.woken]);
      else await Bun.sleep(0);
    }
    this.textSent += state.text;
    message.status = this.active ? "completed" : "incomplete";
    message.content = [{ type: "output_audio", transcript: state.text }];
    send({ type: "response.output_audio.done", ...base });
    send({ type: "response.output_audio_transcript.done", ...base, transcript: state.text });
    send({ type: "response.content_part.done", ...base, part: { type: "audio", transcript: state.text } });
    send({
      type: "response.output_item.done",
      response_id: this.id,
      output_index: base.output_index,
      item: message,
    });
    send({ type: "conversation.item.done", previous_item_id: this.previousItemId(itemId), item: message });
  }

  private callFunction(name: string, args: string): void {
    const { send } = this.context;
    const itemId = this.context.newId("item");
    const callId = this.context.newId("call");
    const outputIndex = this.output.length;
    const call: RealtimeConversationItemFunctionCall & { id: string } = {
      id: itemId,
      object: "realtime.item",
      type: "function_call",
      status: "in_progress",
      name,
      call_id: callId,
      arguments: "",
    };
    this.output.push(call);
    this.context.items.push({ item: call, audioMs: 0, text: "" });
    send({ type: "response.output_item.added", response_id: this.id, output_index: outputIndex, item: call });
    send({ type: "conversation.item.added", previous_item_id: this.previousItemId(itemId), item: call });
    const base = { response_id: this.id, item_id: itemId, output_index: outputIndex, call_id: callId };
    send({ type: "response.function_call_arguments.delta", ...base, delta: args });
    send({ type: "response.function_call_arguments.done", ...base, name, arguments: args });
    call.arguments = args;
    call.status = "completed";
    this.textSent += args;
    send({ type: "response.output_item.done", response_id: this.id, output_index: outputIndex, item: call });
    send({ type: "conversation.item.done", previous_item_id: this.previousItemId(itemId), item: call });
  }

  private previousItemId(itemId: string): string | null {
    const index = this.context.items.findIndex((state) => state.item.id === itemId);
    return index > 0 ? (this.context.items[index - 1]?.item.id ?? null) : null;
  }

  private shape(status: "in_progress" | "completed" | "cancelled") {
    return {
      object: "realtime.response" as const,
      id: this.id,
      status,
      output: [...this.output],
      output_modalities: ["audio" as const],
      ...(status === "in_progress" ? {} : { usage: this.usage() }),
    };
  }

  /** The context the model read (instructions and the conversation before this response) and what it produced. */
  private usage(): RealtimeResponseUsage {
    const own = new Set(this.output.map((item) => item.id));
    let inputAudioTokens = 0;
    let inputTextChars = this.context.instructions.length;
    for (const state of this.context.items) {
      if (own.has(state.item.id)) continue;
      const isUser = state.item.type === "message" && state.item.role === "user";
      inputAudioTokens += Math.ceil(
        state.audioMs / (isUser ? INPUT_AUDIO_MS_PER_TOKEN : OUTPUT_AUDIO_MS_PER_TOKEN),
      );
      inputTextChars += state.text.length;
    }
    const inputTextTokens = Math.ceil(inputTextChars / CHARS_PER_TEXT_TOKEN);
    const outputAudioTokens = Math.ceil(this.audioSentMs / OUTPUT_AUDIO_MS_PER_TOKEN);
    const outputTextTokens = Math.ceil(this.textSent.length / CHARS_PER_TEXT_TOKEN);
    const inputTokens = inputAudioTokens + inputTextTokens;
    const outputTokens = outputAudioTokens + outputTextTokens;
    return {
      total_tokens: inputTokens + outputTokens,
      input_tokens: inputTokens,
      output_tokens: outputTokens,
      input_token_details: {
        text_tokens: inputTextTokens,
        audio_tokens: inputAudioTokens,
        cached_tokens: 0,
        cached_tokens_details: { text_tokens: 0, audio_tokens: 0 },
      },
      output_token_details: { text_tokens: outputTextTokens, audio_tokens: outputAudioTokens },
    };
  }
}
