// Webhook targets must be public: an endpoint on loopback, a private network, link-local
// (cloud metadata at 169.254.169.254) or any other non-unicast range would let a customer
// reach the operator's internal services. WEBHOOK_ALLOW_PRIVATE=true lifts this for
// self-hosted setups whose receivers live on the same network.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

export class UnsafeWebhookTarget extends Error {}

function rangeOf(address: string): string {
  const parsed = ipaddr.process(address);
  return parsed.range();
}

/** Throws UnsafeWebhookTarget with a reason fit for the API client. */
export async function assertPublicTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UnsafeWebhookTarget("must use http or https");
  }
  if (url.username || url.password) throw new UnsafeWebhookTarget("must not contain credentials");
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw new UnsafeWebhookTarget(`host ${host} does not resolve`);
    }
  }
  for (const address of addresses) {
    const range = rangeOf(address);
    if (range !== "unicast") {
      throw new UnsafeWebhookTarget(
        `resolves to ${address}, a ${range} address; only public addresses are allowed (WEBHOOK_ALLOW_PRIVATE)`,
      );
    }
  }
}
