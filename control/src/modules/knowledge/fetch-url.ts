// Fetches a knowledge URL through the outbound URL guard (http(s) only, public addresses only
// unless ALLOW_PRIVATE_URLS, the connection pinned to the checked address), every redirect
// checked the same way, a total timeout, and the body read no further than the size limit.
import { ApiError } from "@switchboard/shared/errors";
import { guardedFetch, type OutboundUrlPolicy, UnsafeUrlError } from "@switchboard/shared/net/outbound-url";
import {
  type DocumentType,
  detectType,
  type ExtractedDocument,
  extractDocument,
} from "./extract/document.ts";

interface FetchLimits {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
}

const MAX_REDIRECTS = 5;

function urlProblem(detail: string): ApiError {
  return new ApiError(422, "invalid_url", detail, [{ field: "url", message: detail }]);
}

function fetchProblem(detail: string): ApiError {
  return new ApiError(422, "url_fetch_failed", detail, [{ field: "url", message: detail }]);
}

/** The guard's refusal as this module's problem: a host that does not resolve is a failed fetch. */
function refusalProblem(error: UnsafeUrlError, redirected: boolean): ApiError {
  const detail = `The url ${redirected ? "redirected to a URL that " : ""}${error.message}.`;
  return error.code === "unresolvable" ? fetchProblem(detail) : urlProblem(detail);
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new ApiError(413, "document_too_large", `The page is larger than the ${maxBytes}-byte limit.`);
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ApiError(413, "document_too_large", `The page is larger than the ${maxBytes}-byte limit.`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

function typeOf(contentType: string, url: URL, bytes: Uint8Array): DocumentType {
  const mime = contentType.toLowerCase().split(";")[0]!.trim();
  const fileName = url.pathname.split("/").pop() ?? "";
  const detected = detectType(bytes, fileName, mime);
  if (detected) return detected;
  if (
    mime === "application/xhtml+xml" ||
    (!mime && /^\s*</.test(new TextDecoder().decode(bytes.slice(0, 64))))
  ) {
    return "html";
  }
  throw new ApiError(
    415,
    "unsupported_media_type",
    `The url returned ${mime || "an unknown content type"}; HTML, PDF, DOCX, plain text or Markdown is supported.`,
  );
}

/** The readable text behind `url`; every failure is a 4xx naming the cause. */
export async function fetchDocument(
  rawUrl: string,
  limits: FetchLimits,
): Promise<ExtractedDocument & { url: string }> {
  const policy: OutboundUrlPolicy = { allowPrivate: limits.allowPrivate };
  let target: string | URL = rawUrl;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await guardedFetch(
        target,
        {
          redirect: "manual",
          signal,
          headers: { accept: "text/html, application/pdf, text/plain, text/markdown;q=0.9, */*;q=0.5" },
        },
        policy,
      );
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw refusalProblem(error, redirects > 0);
      if ((error as Error).name === "TimeoutError" || signal.aborted) {
        throw fetchProblem(`The url did not answer within ${limits.timeoutMs} ms.`);
      }
      throw fetchProblem(`The url could not be fetched: ${(error as Error).message}`);
    }
    const url = new URL(response.url);
    if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
      await response.body?.cancel();
      if (redirects >= MAX_REDIRECTS)
        throw fetchProblem(`The url redirected more than ${MAX_REDIRECTS} times.`);
      try {
        target = new URL(response.headers.get("location")!, url);
      } catch {
        throw fetchProblem("The url redirected to an invalid URL.");
      }
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw fetchProblem(`The url answered HTTP ${response.status}.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(response, limits.maxBytes);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw fetchProblem(`The url's body could not be read within ${limits.timeoutMs} ms.`);
    }
    const type = typeOf(response.headers.get("content-type") ?? "", url, bytes);
    return { ...(await extractDocument(bytes, type)), url: url.toString() };
  }
}
