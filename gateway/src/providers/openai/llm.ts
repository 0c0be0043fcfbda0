// Streaming chat completions with tool calls: POST /chat/completions with `stream: true` against
// any OpenAI-compatible base URL (OpenAI, Ollama, vLLM, Groq), read as SSE.
import { chatCompletionsBody, readChatStream } from "../base/chat-stream.ts";
import { type LlmEvent, type LlmProvider, type LlmRequest, ProviderError } from "../types.ts";
import { type OpenAiConnection, openAiPost } from "./client.ts";

export class OpenAiLlm implements LlmProvider {
  readonly name = "openai";

  constructor(private readonly connection: OpenAiConnection) {}

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
    const response = await openAiPost(
      this.name,
      this.connection,
      "/chat/completions",
      chatCompletionsBody(request),
      signal,
    );
    if (!response.body) throw new ProviderError(this.name, "empty response body", true);
    yield* readChatStream(this.name, response.body, signal);
  }
}
