// Streamed chat completions over HTTP, shared by the OpenAI adapter and the custom webhook:
// the request body in the OpenAI shape, and the SSE answer (`data: {chunk}` ... `data: [DONE]`)
// read into LlmEvents.
import { createParser } from "eventsource-parser";
import { type LlmEvent, type LlmRequest, ProviderError } from "../types.ts";
import { type ChatChunk, ChatChunkAssembler, toOpenAiMessages, toOpenAiTools } from "./chat-chunks.ts";
import { throwIfAborted } from "./errors.ts";

/** The body of POST /chat/completions with `stream: true`. */
export function chatCompletionsBody(request: LlmRequest): Record<string, unknown> {
  const tools = toOpenAiTools(request.tools);
  return {
    model: request.model,
    messages: toOpenAiMessages(request.messages),
    temperature: request.temperature,
    stream: true,
    ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
    ...(tools ? { tools } : {}),
  };
}

interface StreamedError {
  error?: { message?: string } | string | null;
}

/**
 * The events of one SSE chat-completions answer. The answer is complete at `[DONE]` or a
 * finish_reason; a body that ends before either is a retryable error, never a short answer.
 */
export async function* readChatStream(
  provider: string,
  body: AsyncIterable<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<LlmEvent> {
  const assembler = new ChatChunkAssembler();
  const ready: LlmEvent[] = [];
  let sawDone = false;
  let sawFinish = false;
  let failure: ProviderError | null = null;
  const parser = createParser({
    onEvent: (message) => {
      if (sawDone || failure) return;
      if (message.data.trim() === "[DONE]") {
        sawDone = true;
        return;
      }
      let chunk: ChatChunk & StreamedError;
      try {
        chunk = JSON.parse(message.data) as ChatChunk & StreamedError;
      } catch {
        failure = new ProviderError(provider, "the stream sent a chunk that is not JSON", false);
        return;
      }
      // OpenAI reports a failure after the headers as an `error` object in the stream.
      if (chunk.error) {
        const detail = typeof chunk.error === "string" ? chunk.error : chunk.error.message;
        failure = new ProviderError(provider, `error in stream: ${detail ?? "unknown"}`, true);
        return;
      }
      if (chunk.choices?.[0]?.finish_reason) sawFinish = true;
      for (const event of assembler.push(chunk)) ready.push(event);
    },
  });
  const decoder = new TextDecoder();
  for await (const bytes of body) {
    parser.feed(decoder.decode(bytes, { stream: true }));
    if (failure) throw failure;
    for (const event of ready) yield event;
    ready.length = 0;
    if (sawDone) break;
  }
  throwIfAborted(signal);
  if (!sawDone && !sawFinish) {
    throw new ProviderError(provider, "the stream ended before [DONE]", true);
  }
  yield* assembler.end();
}
