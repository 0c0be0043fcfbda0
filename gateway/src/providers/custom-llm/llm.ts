// The agent's webhook mode: POST an OpenAI chat-completions body with `stream: true` to the
// customer's webhook_url and read the answer as SSE chunks (`data: {...}` ... `data: [DONE]`).
import { createParser } from "eventsource-parser";
import { type ChatChunk, ChatChunkAssembler, toOpenAiMessages, toOpenAiTools } from "../base/chat-chunks.ts";
import { httpError } from "../base/errors.ts";
import { type LlmEvent, type LlmProvider, type LlmRequest, ProviderError } from "../types.ts";

export interface CustomLlmOptions {
  webhookUrl: string;
  /** Extra headers for the customer's server (e.g. a shared secret). */
  headers?: Record<string, string>;
  /** Extra top-level body fields (e.g. `call` with the call id and metadata). */
  extraBody?: Record<string, unknown>;
}

export class CustomLlm implements LlmProvider {
  readonly name = "custom";

  constructor(private readonly options: CustomLlmOptions) {}

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
    const tools = toOpenAiTools(request.tools);
    const response = await fetch(this.options.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        ...this.options.headers,
      },
      body: JSON.stringify({
        ...this.options.extraBody,
        model: request.model,
        messages: toOpenAiMessages(request.messages),
        temperature: request.temperature,
        stream: true,
        ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
        ...(tools ? { tools } : {}),
      }),
      signal,
    });
    if (!response.ok) {
      throw httpError(this.name, response.status, await response.text().catch(() => ""));
    }
    if (!response.body) throw new ProviderError(this.name, "empty response body", true);

    const assembler = new ChatChunkAssembler();
    const ready: LlmEvent[] = [];
    let sawDone = false;
    let badChunk: ProviderError | null = null;
    const parser = createParser({
      onEvent: (message) => {
        if (sawDone || badChunk) return;
        if (message.data.trim() === "[DONE]") {
          sawDone = true;
          return;
        }
        try {
          ready.push(...assembler.push(JSON.parse(message.data) as ChatChunk));
        } catch {
          badChunk = new ProviderError(this.name, "webhook sent a chunk that is not JSON", false);
        }
      },
    });
    const decoder = new TextDecoder();
    for await (const bytes of response.body) {
      parser.feed(decoder.decode(bytes, { stream: true }));
      if (badChunk) throw badChunk;
      while (ready.length > 0) yield ready.shift() as LlmEvent;
      if (sawDone) break;
    }
    yield* assembler.end();
  }
}
