// The agent's webhook mode: POST an OpenAI chat-completions body with `stream: true` to the
// customer's webhook_url and read the answer as SSE chunks (`data: {...}` ... `data: [DONE]`).
// The URL is the tenant's: requests go through the outbound URL guard and are signed with the
// org's secret (Standard Webhooks) so the customer's server can tell them from anyone else's.
import type { Logger } from "@switchboard/shared/logger";
import { guardedFetch, type OutboundUrlPolicy, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import type { RequestSigner } from "../../tenant/signed-requests.ts";
import { chatCompletionsBody, readChatStream } from "../base/chat-stream.ts";
import { responseError } from "../base/errors.ts";
import { type LlmEvent, type LlmProvider, type LlmRequest, ProviderError } from "../types.ts";

interface CustomLlmOptions {
  webhookUrl: string;
  /** Extra headers for the customer's server (e.g. a shared secret). */
  headers?: Record<string, string>;
  /** Extra top-level body fields (e.g. `call` with the call id and metadata). */
  extraBody?: Record<string, unknown>;
  /** The gateway's ALLOW_PRIVATE_URLS; the URL is checked before every request. */
  urlPolicy: OutboundUrlPolicy;
  /** Where a refused URL is reported (the reason only, never the URL). */
  logger?: Logger | null;
  signer?: RequestSigner;
}

export class CustomLlm implements LlmProvider {
  readonly name = "custom";

  constructor(private readonly options: CustomLlmOptions) {}

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmEvent> {
    const body = JSON.stringify({ ...this.options.extraBody, ...chatCompletionsBody(request) });
    let response: Response;
    try {
      response = await guardedFetch(
        this.options.webhookUrl,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "text/event-stream",
            ...this.options.headers,
            ...this.options.signer?.headers(body),
          },
          body,
          signal,
        },
        this.options.urlPolicy,
      );
    } catch (error) {
      if (!(error instanceof UnsafeUrlError)) throw error;
      this.options.logger?.warn(
        { provider: this.name, reason: error.message, code: error.code },
        "custom LLM webhook_url refused",
      );
      // A name that does not resolve may on the next attempt; a refused address will not change.
      throw new ProviderError(
        this.name,
        `webhook_url refused: ${error.message}`,
        error.code === "unresolvable",
      );
    }
    if (!response.ok) throw await responseError(this.name, response);
    if (!response.body) throw new ProviderError(this.name, "empty response body", true);
    yield* readChatStream(this.name, response.body, signal);
  }
}
