// One OpenAI SDK client per base URL and key. The SDK's own retries are off: retries live in
// the family bases so every provider behaves the same.
import OpenAI from "openai";

export interface OpenAiConnection {
  baseUrl: string;
  apiKey: string | null;
}

const clients = new Map<string, OpenAI>();

export function openAiClient(connection: OpenAiConnection): OpenAI {
  const key = `${connection.baseUrl}\n${connection.apiKey ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = new OpenAI({
      baseURL: connection.baseUrl,
      // Local OpenAI-compatible servers (Ollama, vLLM) accept any key.
      apiKey: connection.apiKey ?? "not-needed",
      maxRetries: 0,
      timeout: 60_000,
    });
    clients.set(key, client);
  }
  return client;
}
