// Address ranges in CIDR notation (RFC 4632, RFC 4291 section 2.3); a bare address is a /32 or
// /128. Control validates trunk allow-lists with these rules and gateways match sources with them.
import ipaddr from "ipaddr.js";
import { socketHost } from "../sip/uri.ts";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An address and prefix length; IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes IPv4. Null if invalid. */
function parseRange(text: string): [Address, number] | null {
  try {
    if (text.includes("/")) {
      const [address, bits] = ipaddr.parseCIDR(text);
      return [address.kind() === "ipv6" ? ipaddr.process(address.toString()) : address, bits];
    }
    const address = ipaddr.process(text);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

function parseAddress(text: string): Address | null {
  try {
    // IPv4-mapped IPv6 (::ffff:a.b.c.d) compares as IPv4.
    return ipaddr.process(socketHost(text));
  } catch {
    return null;
  }
}

export function isValidCidr(text: string): boolean {
  return parseRange(text) !== null;
}

/** A set of CIDR ranges (a bare address is a /32 or /128). */
export class CidrSet {
  private readonly ranges: Array<[Address, number]> = [];

  constructor(cidrs: readonly string[]) {
    for (const cidr of cidrs) {
      // Invalid entries were rejected where they were configured; ignore here.
      const range = parseRange(cidr);
      if (range) this.ranges.push(range);
    }
  }

  get size(): number {
    return this.ranges.length;
  }

  contains(addressText: string): boolean {
    const address = parseAddress(addressText);
    if (!address) return false;
    for (const [range, bits] of this.ranges) {
      if (range.kind() !== address.kind()) continue;
      if ((address as ipaddr.IPv4).match(range as ipaddr.IPv4, bits)) return true;
    }
    return false;
  }
}
