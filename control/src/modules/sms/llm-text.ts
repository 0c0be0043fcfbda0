// The text channel of an agent's LLM: one chat completion over the operator's OpenAI-compatible
// API (OPENAI_BASE_URL, OPENAI_API_KEY), streamed as the gateway's providers stream it
// (chat.completion.chunk SSE lines, then [DONE]) and joined into one reply.
import type { Config } from "@switchboard/shared/config";

const REQUEST_TIMEOUT_MS = 30_000;

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export class LlmTextError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export async function completeText(
  config: Pick<Config, "openaiBaseUrl" | "openaiApiKey">,
  request: { model: string; temperature: number; maxTokens?: number; messages: ChatMessage[] },
): Promise<string> {
  let response: Response;
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
  for (const line of text.split("\n")) {
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (data === "[DONE]") break;
    try {
      const chunk = JSON.parse(data) as { choices?: Array<{ delta?: { content?: string | null } }> };
      reply += chunk.choices?.[0]?.delta?.content ?? "";
    } catch {
      throw new LlmTextError("LLM stream was not JSON", true);
    }
  }
  return reply.trim();
}
