import type { AgentTool } from "@switchboard/shared/agent";
import { guardedFetch, type OutboundUrlPolicy, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import type { RequestSigner } from "../../tenant/signed-requests.ts";
import type { ToolSecretSource } from "./secret-headers.ts";
import { jsonResult, type PipelineTool } from "./types.ts";

/** How requests leave for the customer's tool servers: through the URL guard, signed. */
export interface ToolRequestOptions {
  urlPolicy: OutboundUrlPolicy;
  signer?: RequestSigner;
  /** The call's context (call-headers.ts), sent with every request. */
  callHeaders?: Record<string, string>;
  /** Fills the tools' `secret_headers` from the org's credentials; unset: none can be filled. */
  secrets?: ToolSecretSource;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_WAITING_DELAY_MS = 1500;
/** Longer responses are cut: the model only needs the gist and tokens cost latency. */
const MAX_RESULT_CHARS = 8_000;

/**
 * A customer's HTTP endpoint: called with the model's arguments (query string for GET and
 * DELETE, JSON body otherwise); the response body, a status error or a timeout goes back to
 * the model as the tool result.
 */
export function httpTool(tool: AgentTool, requests: ToolRequestOptions): PipelineTool {
  if (!tool.name || !tool.url) throw new Error("an http tool needs a name and a url");
  const name = tool.name;
  const url = tool.url;
  const method = (tool.method ?? "POST").toUpperCase();
  const timeoutMs = tool.timeout_ms ?? DEFAULT_TIMEOUT_MS;
  return {
    definition: {
      name,
      description: tool.description ?? "",
      parameters: tool.parameters ?? { type: "object", properties: {} },
    },
    async execute(args, context) {
      const target = new URL(url);
      const withBody = method !== "GET" && method !== "DELETE";
      if (!withBody) {
        for (const [key, value] of Object.entries(args)) {
          target.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
        }
      }
      const timeout = AbortSignal.timeout(timeoutMs);
      const startedAt = performance.now();
      // A slow endpoint: the caller hears the tool's waiting message once, not silence.
      const waiting =
        tool.waiting_message && context.sayWhileWaiting
          ? setTimeout(
              () => context.sayWhileWaiting?.(tool.waiting_message!),
              tool.waiting_delay_ms ?? DEFAULT_WAITING_DELAY_MS,
            )
          : null;
      const requestBody = withBody ? JSON.stringify(args) : "";
      try {
        const response = await guardedFetch(
          target,
          {
            method,
            headers: {
              ...(withBody ? { "content-type": "application/json" } : {}),
              ...tool.headers,
              ...requests.callHeaders,
              ...requests.signer?.headers(requestBody),
            },
            body: withBody ? requestBody : undefined,
            signal: AbortSignal.any([context.signal, timeout]),
            redirect: "manual",
          },
          requests.urlPolicy,
        );
        const body = (await response.text()).slice(0, MAX_RESULT_CHARS);
        context.logger?.info(
          { tool: name, status: response.status, durationMs: Math.round(performance.now() - startedAt) },
          "http tool called",
        );
        if (!response.ok) return jsonResult({ error: `HTTP ${response.status}`, body });
        return { content: body || JSON.stringify({ ok: true }) };
      } catch (error) {
        if (timeout.aborted && !context.signal.aborted) {
          context.logger?.warn({ tool: name, timeoutMs }, "http tool timed out");
          return jsonResult({ error: `timed out after ${timeoutMs} ms` });
        }
        if (context.signal.aborted) throw error;
        if (error instanceof UnsafeUrlError) {
          context.logger?.warn(
            { tool: name, reason: error.message },
            "http tool url refused by the outbound guard",
          );
          return jsonResult({ error: `the tool's url is not allowed: ${error.message}` });
        }
        context.logger?.warn({ tool: name, err: error }, "http tool failed");
        return jsonResult({ error: `request failed: ${(error as Error).message}` });
      } finally {
        if (waiting) clearTimeout(waiting);
      }
    },
  };
}
