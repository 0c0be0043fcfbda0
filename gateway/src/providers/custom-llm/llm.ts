// The agent's webhook mode: POST an OpenAI chat-completions body with `stream: true` to the
// customer's webhook_url and read the answer as SSE chunks (`data: {...}` ... `data: [DONE]`).
import { chatCompletionsBody, readChatStream } from "../base/chat-stream.ts";
import { responseError } from "../base/errors.ts";
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
    const response = await fetch(this.options.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        ...this.options.headers,
      },
      body: JSON.stringify({ ...this.options.extraBody, ...chatCompletionsBody(request) }),
      signal,
    });
    if (!response.ok) throw await responseError(this.name, response);
    if (!response.body) throw new ProviderError(this.name, "empty response body", true);
    yield* readChatStream(this.name, response.body, signal);
  }
}
