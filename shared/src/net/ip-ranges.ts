// Which addresses a tenant-supplied URL may reach: global unicast only (the IANA special-purpose
// registries of RFC 6890, as ipaddr.js names them). Addresses that carry an IPv4 address inside
// an IPv6 one are judged by the IPv4 address the packets end up at: IPv4-mapped (RFC 4291
// section 2.5.5.2), NAT64 well-known prefix (RFC 6052), 6to4 (RFC 3056) and Teredo (RFC 4380).
import ipaddr from "ipaddr.js";

const RANGE_WORDS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address",
  private: "a private-network address",
  uniqueLocal: "a unique-local (private) address",
  reserved: "a reserved address",
  rfc6052: "a local-use NAT64 address",
  rfc6145: "an IPv4-translated address",
};

/** 2000::/3: the only IPv6 block IANA allocates for global unicast (RFC 4291 section 2.4). */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");
/** RFC 6052 section 2.1; the local-use 64:ff9b:1::/48 of RFC 8215 stays refused. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");
const METADATA_V4 = "169.254.169.254";

function describe(range: string): string {
  return RANGE_WORDS[range] ?? `a ${range} address`;
}

function v4From(high: number, low: number): ipaddr.IPv4 {
  return ipaddr.fromByteArray([high >> 8, high & 0xff, low >> 8, low & 0xff]) as ipaddr.IPv4;
}

function v4Reason(address: ipaddr.IPv4): string | null {
  const range = address.range();
  if (range === "unicast") return null;
  if (address.toString() === METADATA_V4) return "a link-local address (cloud metadata)";
  return describe(range);
}

function embedded(kind: string, inner: ipaddr.IPv4): string | null {
  const reason = v4Reason(inner);
  return reason ? `${kind} address that embeds ${inner.toString()}, ${reason}` : null;
}

function v6Reason(address: ipaddr.IPv6): string | null {
  const parts = address.parts;
  if (address.isIPv4MappedAddress()) return v4Reason(address.toIPv4Address());
  if (address.match(NAT64_WELL_KNOWN)) return embedded("a NAT64", v4From(parts[6]!, parts[7]!));
  const range = address.range();
  if (range === "6to4") return embedded("a 6to4", v4From(parts[1]!, parts[2]!));
  if (range === "teredo") {
    // RFC 4380 section 4: the server's IPv4 in bits 32-63, the client's inverted in bits 96-127.
    return (
      embedded("a Teredo", v4From(parts[2]!, parts[3]!)) ??
      embedded("a Teredo", v4From(~parts[6]! & 0xffff, ~parts[7]! & 0xffff))
    );
  }
  if (range !== "unicast") return describe(range);
  if (!address.match(GLOBAL_UNICAST_V6)) return "a reserved address";
  return null;
}

/** Null for a global unicast address; otherwise why it is refused, e.g. "a loopback address". */
export function nonPublicReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return "not an IP address";
  }
  return parsed.kind() === "ipv4" ? v4Reason(parsed as ipaddr.IPv4) : v6Reason(parsed as ipaddr.IPv6);
}
