// Streaming chat completions with tool calls through the openai SDK, against any
// OpenAI-compatible base URL (OpenAI, Ollama, vLLM, Groq).

import { ChatChunkAssembler, toOpenAiMessages, toOpenAiTools } from "../base/chat-chunks.ts";
import { throwIfAborted } from "../base/errors.ts";
import type { LlmEvent, LlmProvider, LlmRequest } from "../types.ts";
import { type OpenAiConnection, openAiClient } from "./client.ts";

export class OpenAiLlm implements LlmProvider {
  readonly name = "openai";

  constructor(private readonly connection: OpenAiConnection) {}

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
    const client = openAiClient(this.connection);
    const tools = toOpenAiTools(request.tools);
    const stream = await client.chat.completions.create(
      {
        model: request.model,
        messages: toOpenAiMessages(request.messages) as never,
        temperature: request.temperature,
        stream: true,
        ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
        ...(tools ? { tools } : {}),
      },
      { signal },
    );
    const assembler = new ChatChunkAssembler();
    for await (const chunk of stream) {
      yield* assembler.push(chunk);
    }
    // The SDK ends an aborted stream quietly; a cut-off answer must not look complete.
    throwIfAborted(signal);
    yield* assembler.end();
  }
}
