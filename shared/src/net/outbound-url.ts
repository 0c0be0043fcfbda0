// The one guard for requests to tenant-supplied URLs (webhooks, knowledge URLs, the custom LLM,
// HTTP tools, provider base URLs): http(s) only, no credentials in the URL, and unless
// ALLOW_PRIVATE_URLS only global unicast addresses.
//
// No npm guard fits Bun's fetch: request-filtering-agent, ssrf-req-filter and the like hook
// Node's http.Agent or undici's dispatcher, neither of which Bun's fetch uses. So the address is
// pinned here: the host is resolved once, every address checked, and the request sent to the
// checked IP literal with the original Host header. For https, Bun's `tls.serverName` sets the
// SNI and is the name the certificate is verified against (a request to an IP literal without
// it fails with ERR_TLS_CERT_ALTNAME_INVALID); Bun keeps connections with different serverNames
// apart. Redirects are taken by hand (redirect: "manual"), each hop through the same check.
import { isIP } from "node:net";
import {
  bareHost,
  checkAddresses,
  type OutboundUrlPolicy,
  parseOutboundUrl,
  resolveHost,
  testHooksOf,
  UnsafeUrlError,
} from "./resolve.ts";

export {
  OUTBOUND_TEST_HOOKS,
  type OutboundUrlPolicy,
  type OutboundUrlTestHooks,
  type OutboundUrlTestPolicy,
  UnsafeUrlError,
} from "./resolve.ts";

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Failures before any byte of the request was sent: the next address may be tried. */
const CONNECT_ERROR_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);
/** Fetch standard, HTTP-redirect fetch step 12: dropped with the body when POST becomes GET. */
const BODY_HEADERS = ["content-encoding", "content-language", "content-location", "content-type"];
/** Not carried to another origin (fetch standard step 14; undici also drops the cookies). */
const ORIGIN_BOUND_HEADERS = ["authorization", "proxy-authorization", "cookie"];

/**
 * Parses and checks a tenant-supplied URL: http/https only, no credentials in it, and (unless
 * allowPrivate) every address its host resolves to is public. Throws UnsafeUrlError. With
 * allowPrivate nothing depends on the addresses, so the host is not resolved.
 */
export async function checkOutboundUrl(raw: string | URL, policy: OutboundUrlPolicy): Promise<URL> {
  const url = parseOutboundUrl(raw);
  if (!policy.allowPrivate) checkAddresses(await resolveHost(url, policy), policy);
  return url;
}

interface Hop {
  method: string;
  headers: Headers;
  body: BodyInit | null;
}

function replayable(body: BodyInit | null): boolean {
  return !(body instanceof ReadableStream);
}

function isConnectFailure(error: unknown): boolean {
  return CONNECT_ERROR_CODES.has((error as { code?: string }).code ?? "");
}

function ipUrl(url: URL, address: string): URL {
  const target = new URL(url);
  target.hostname = address.includes(":") ? `[${address}]` : address;
  // The setter ignores what it cannot parse (an IPv6 zone id): never fall back to the name.
  if (isIP(bareHost(target)) === 0) throw new TypeError(`fetch failed: cannot connect to ${address}`);
  return target;
}

/** One request, connected to an address that passed the check, the Host header unchanged. */
async function fetchPinned(
  url: URL,
  hop: Hop,
  init: RequestInit | undefined,
  policy: OutboundUrlPolicy,
): Promise<Response> {
  const signal = init?.signal ?? null;
  const addresses = await resolveHost(url, policy, signal);
  checkAddresses(addresses, policy);
  const host = bareHost(url);
  const ca = testHooksOf(policy)?.ca;
  const namedHttps = url.protocol === "https:" && isIP(host) === 0;
  const tls = {
    ...(namedHttps ? { serverName: host.replace(/\.$/, "") } : {}),
    ...(ca ? { ca } : {}),
  };
  const headers = new Headers(hop.headers);
  headers.set("host", url.host);
  for (let index = 0; ; index++) {
    try {
      return await fetch(ipUrl(url, addresses[index]!), {
        ...init,
        method: hop.method,
        headers,
        body: hop.body,
        redirect: "manual",
        tls,
      });
    } catch (error) {
      const another = index + 1 < addresses.length && !signal?.aborted && replayable(hop.body);
      if (!another || !isConnectFailure(error)) throw error;
    }
  }
}

/** The request the fetch standard's HTTP-redirect fetch makes after `status`. */
function nextHop(hop: Hop, status: number, from: URL, to: URL): Hop {
  const headers = new Headers(hop.headers);
  let { method, body } = hop;
  if ((status === 303 && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST")) {
    method = "GET";
    body = null;
    for (const name of BODY_HEADERS) headers.delete(name);
  } else if (body !== null && !replayable(body)) {
    throw new TypeError(`fetch failed: a ${status} redirect needs the request body again, a stream`);
  }
  if (from.origin !== to.origin) for (const name of ORIGIN_BOUND_HEADERS) headers.delete(name);
  return { method, headers, body };
}

function redirected(error: unknown): unknown {
  if (!(error instanceof UnsafeUrlError)) return error;
  return new UnsafeUrlError(`redirected to a URL that ${error.message}`, error.code);
}

/** Response.url names the URL asked for, never the IP literal connected to. */
function presented(response: Response, url: URL, redirects: number): Response {
  Object.defineProperty(response, "url", { value: url.toString() });
  if (redirects > 0) Object.defineProperty(response, "redirected", { value: true });
  return response;
}

/**
 * fetch() to a tenant-supplied URL: every hop checked as above, the connection made to the very
 * address that was checked (no DNS-rebinding window), redirects followed (at most 5) only
 * through the same check; with init.redirect === "manual" the 3xx is returned as is.
 */
export async function guardedFetch(
  url: string | URL,
  init: RequestInit | undefined,
  policy: OutboundUrlPolicy,
): Promise<Response> {
  const mode = init?.redirect ?? "follow";
  let current = parseOutboundUrl(url);
  let hop: Hop = {
    method: (init?.method ?? "GET").toUpperCase(),
    headers: new Headers(init?.headers),
    body: init?.body ?? null,
  };
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await fetchPinned(current, hop, init, policy);
    } catch (error) {
      throw redirects > 0 ? redirected(error) : error;
    }
    const location = response.headers.get("location");
    if (mode === "manual" || !REDIRECT_STATUSES.has(response.status) || location === null) {
      return presented(response, current, redirects);
    }
    await response.body?.cancel();
    if (mode === "error") throw new TypeError(`fetch failed: redirected (HTTP ${response.status})`);
    if (redirects >= MAX_REDIRECTS) {
      throw new TypeError(`fetch failed: more than ${MAX_REDIRECTS} redirects`);
    }
    let next: URL;
    try {
      next = parseOutboundUrl(new URL(location, current));
    } catch (error) {
      throw redirected(error);
    }
    hop = nextHop(hop, response.status, current, next);
    current = next;
  }
}
