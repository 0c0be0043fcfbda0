// POST to the OpenAI REST API (or any OpenAI-compatible base URL) with Bun's fetch. No retries
// here: they live in the family bases so every provider behaves the same.
import { responseError, timeoutError } from "../base/errors.ts";

export interface OpenAiConnection {
  baseUrl: string;
  apiKey: string | null;
  /** A tenant-supplied base URL is reached through the outbound URL guard (tenant/connections.ts). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** Time allowed until the response headers; a streamed body is then paced by the bases. */
const OPENAI_RESPONSE_TIMEOUT_MS = 60_000;

/**
 * POST `body` to `{baseUrl}{path}` and return the 2xx response; any other status throws a
 * ProviderError (retryable for 408, 429 and 5xx). A JSON body is sent as JSON; FormData
 * sets its own multipart content type.
 */
export async function openAiPost(
  provider: string,
  connection: OpenAiConnection,
  path: string,
  body: Record<string, unknown> | FormData,
  signal: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = {};
  // Local OpenAI-compatible servers (Ollama, vLLM) take requests without a key.
  if (connection.apiKey) headers.authorization = `Bearer ${connection.apiKey}`;
  let payload: BodyInit;
  if (body instanceof FormData) {
    payload = body;
  } else {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(timeoutError(provider, "response", OPENAI_RESPONSE_TIMEOUT_MS)),
    OPENAI_RESPONSE_TIMEOUT_MS,
  );
  try {
    const send = connection.fetch ?? fetch;
    const response = await send(`${connection.baseUrl.replace(/\/+$/, "")}${path}`, {
      method: "POST",
      headers,
      body: payload,
      signal: AbortSignal.any([signal, timeout.signal]),
    });
    if (!response.ok) throw await responseError(provider, response);
    return response;
  } finally {
    clearTimeout(timer);
  }
}
