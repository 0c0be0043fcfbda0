// URL parsing, name resolution and the address check shared by checkOutboundUrl and guardedFetch.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { nonPublicReason } from "./ip-ranges.ts";

type UnsafeUrlCode = "invalid" | "scheme" | "credentials" | "unresolvable" | "not_public";

/** A tenant-supplied URL the platform will not request; the message completes "The url ...". */
export class UnsafeUrlError extends Error {
  constructor(
    message: string,
    readonly code: UnsafeUrlCode = "not_public",
  ) {
    super(message);
    this.name = "UnsafeUrlError";
  }
}

export interface OutboundUrlPolicy {
  /** ALLOW_PRIVATE_URLS: loopback, private and link-local addresses may be reached. */
  allowPrivate: boolean;
}

/**
 * Stand-ins for what a test machine lacks: DNS answers for made-up names, addresses to treat as
 * public (every address here is loopback) and a CA for a self-signed certificate. Keyed by a
 * symbol so that no configuration or JSON can set them; only this module's tests do.
 */
export const OUTBOUND_TEST_HOOKS = Symbol("outbound-url test hooks");

export interface OutboundUrlTestHooks {
  lookup?: (hostname: string) => Promise<string[]>;
  publicAddresses?: readonly string[];
  ca?: string | string[];
}

export type OutboundUrlTestPolicy = OutboundUrlPolicy & { [OUTBOUND_TEST_HOOKS]?: OutboundUrlTestHooks };

export function testHooksOf(policy: OutboundUrlPolicy): OutboundUrlTestHooks | undefined {
  return (policy as OutboundUrlTestPolicy)[OUTBOUND_TEST_HOOKS];
}

export function parseOutboundUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("is not a valid absolute URL", "invalid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsafeUrlError(`uses ${url.protocol}; only http and https are allowed`, "scheme");
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError("contains credentials (user:password@), which are not allowed", "credentials");
  }
  return url;
}

/** The host without the brackets of an IPv6 literal. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Every address the URL's host resolves to (the literal itself for an IP host). */
export async function resolveHost(
  url: URL,
  policy: OutboundUrlPolicy,
  signal?: AbortSignal | null,
): Promise<string[]> {
  const host = bareHost(url);
  if (isIP(host)) return [host];
  const hooks = testHooksOf(policy);
  let addresses: string[];
  try {
    addresses = await abortable(
      hooks?.lookup
        ? hooks.lookup(host)
        : lookup(host, { all: true }).then((entries) => entries.map((entry) => entry.address)),
      signal,
    );
  } catch (error) {
    if (signal?.aborted) throw error;
    addresses = [];
  }
  if (addresses.length === 0) {
    throw new UnsafeUrlError(`names a host that does not resolve (${host})`, "unresolvable");
  }
  return addresses;
}

/** Throws unless every address is public; allowPrivate lets any address through. */
export function checkAddresses(addresses: readonly string[], policy: OutboundUrlPolicy): void {
  if (policy.allowPrivate) return;
  const treatedPublic = testHooksOf(policy)?.publicAddresses ?? [];
  for (const address of addresses) {
    if (treatedPublic.includes(address)) continue;
    const reason = nonPublicReason(address);
    if (reason) {
      throw new UnsafeUrlError(
        `resolves to ${address}, ${reason}; only public addresses are allowed (ALLOW_PRIVATE_URLS)`,
      );
    }
  }
}
