// The text channel of an agent's LLM: one chat completion over the operator's OpenAI-compatible
// API (OPENAI_BASE_URL, OPENAI_API_KEY), streamed as the gateway's providers stream it
// (chat.completion.chunk SSE lines, then [DONE]) and joined into one reply, with the function
// calls the model asked for (their streamed fragments joined by index).
import type { Config } from "@switchboard/shared/config";

const REQUEST_TIMEOUT_MS = 30_000;

export interface ToolCallRequest {
  id: string;
  name: string;
  /** JSON text, as the model wrote it. */
  arguments: string;
}

export type ChatMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string; tool_calls?: ChatToolCall[] }
  | { role: "tool"; tool_call_id: string; content: string };

interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export class LlmTextError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

interface ChatRequest {
  model: string;
  temperature: number;
  maxTokens?: number;
  messages: ChatMessage[];
  tools?: ToolDefinition[];
}

interface StreamChunk {
  choices?: Array<{
    delta?: {
      content?: string | null;
      tool_calls?: Array<{ index?: number; id?: string; function?: { name?: string; arguments?: string } }>;
    };
  }>;
}

/** The assistant message for the history when it asked for `calls`. */
export function assistantToolMessage(content: string, calls: ToolCallRequest[]): ChatMessage {
  return {
    role: "assistant",
    content,
    tool_calls: calls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    })),
  };
}

export async function completeChat(
  config: Pick<Config, "openaiBaseUrl" | "openaiApiKey">,
  request: ChatRequest,
): Promise<{ text: string; toolCalls: ToolCallRequest[] }> {
  let response: Response;
  const tools = request.tools?.length
    ? {
        tools: request.tools.map((tool) => ({
          type: "function",
          function: { name: tool.name, description: tool.description, parameters: tool.parameters },
        })),
      }
    : {};
  try {
    response = await fetch(`${config.openaiBaseUrl}/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(config.openaiApiKey ? { authorization: `Bearer ${config.openaiApiKey}` } : {}),
      },
      body: JSON.stringify({
        model: request.model,
        temperature: request.temperature,
        ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
        stream: true,
        messages: request.messages,
        ...tools,
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new LlmTextError((error as Error).message, true);
  }
  if (!response.ok) {
    throw new LlmTextError(
      `LLM answered ${response.status}`,
      response.status >= 500 || response.status === 429,
    );
  }
  const text = await response.text();
  let reply = "";
  const calls: ToolCallRequest[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (data === "[DONE]") break;
    let chunk: StreamChunk;
    try {
      chunk = JSON.parse(data) as StreamChunk;
    } catch {
      throw new LlmTextError("LLM stream was not JSON", true);
    }
    const delta = chunk.choices?.[0]?.delta;
    reply += delta?.content ?? "";
    for (const part of delta?.tool_calls ?? []) {
      const index = part.index ?? 0;
      calls[index] ??= { id: "", name: "", arguments: "" };
      const call = calls[index]!;
      if (part.id) call.id = part.id;
      if (part.function?.name) call.name += part.function.name;
      if (part.function?.arguments) call.arguments += part.function.arguments;
    }
  }
  return { text: reply.trim(), toolCalls: calls.filter((call) => call.name) };
}

export async function completeText(
  config: Pick<Config, "openaiBaseUrl" | "openaiApiKey">,
  request: Omit<ChatRequest, "tools">,
): Promise<string> {
  return (await completeChat(config, request)).text;
}
