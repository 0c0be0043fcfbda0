// Front-door protection: source allow-lists (CIDR), scanner user agents, and a per-source
// flood limit with a temporary ban (Kamailio pike defaults: 16 requests in 2 s, 300 s ban).
import ipaddr from "ipaddr.js";
import { socketHost } from "./uri.ts";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

function parseAddress(text: string): Address | null {
  try {
    // IPv4-mapped IPv6 (::ffff:a.b.c.d) compares as IPv4.
    return ipaddr.process(socketHost(text));
  } catch {
    return null;
  }
}

export function isValidCidr(text: string): boolean {
  try {
    if (text.includes("/")) ipaddr.parseCIDR(text);
    else ipaddr.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A set of CIDR ranges (a bare address is a /32 or /128). */
export class CidrSet {
  private readonly ranges: Array<[Address, number]> = [];

  constructor(cidrs: readonly string[]) {
    for (const cidr of cidrs) {
      try {
        if (cidr.includes("/")) {
          const [address, bits] = ipaddr.parseCIDR(cidr);
          this.ranges.push([address.kind() === "ipv6" ? ipaddr.process(address.toString()) : address, bits]);
        } else {
          const address = ipaddr.process(cidr);
          this.ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
        }
      } catch {
        // Invalid entries were rejected where they were configured; ignore here.
      }
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

const SCANNER_USER_AGENTS =
  /friendly-scanner|sipvicious|sipcli|sip-scan|sipscan|iwar|sundayddr|vaxsipuseragent|pplsip|smap|sipsscuser|eyeBeam-scan/i;

/** Known SIP scanners (SIPVicious, sipcli, ...): dropped without an answer. */
export function isScannerUserAgent(userAgent: string | null): boolean {
  return userAgent !== null && SCANNER_USER_AGENTS.test(userAgent);
}

export interface FloodSettings {
  maxRequests: number;
  windowMs: number;
  banMs: number;
}

/** Counts requests per source address in fixed windows; over the limit bans the source. */
export class FloodGuard {
  private readonly windows = new Map<string, { startMs: number; count: number }>();
  private readonly bans = new Map<string, number>();
  private lastSweepMs = 0;

  constructor(
    private readonly settings: FloodSettings,
    private readonly now: () => number = Date.now,
  ) {}

  isBanned(address: string): boolean {
    const until = this.bans.get(address);
    if (until === undefined) return false;
    if (this.now() >= until) {
      this.bans.delete(address);
      return false;
    }
    return true;
  }

  /** Counts one request; true when the source is (now) banned. */
  hit(address: string): boolean {
    const nowMs = this.now();
    this.sweep(nowMs);
    if (this.isBanned(address)) return true;
    let window = this.windows.get(address);
    if (!window || nowMs - window.startMs >= this.settings.windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(address, window);
    }
    window.count++;
    if (window.count > this.settings.maxRequests) {
      this.bans.set(address, nowMs + this.settings.banMs);
      this.windows.delete(address);
      return true;
    }
    return false;
  }

  get bannedCount(): number {
    return this.bans.size;
  }

  private sweep(nowMs: number): void {
    if (nowMs - this.lastSweepMs < this.settings.windowMs) return;
    this.lastSweepMs = nowMs;
    for (const [address, window] of this.windows) {
      if (nowMs - window.startMs >= this.settings.windowMs) this.windows.delete(address);
    }
    for (const [address, until] of this.bans) if (nowMs >= until) this.bans.delete(address);
  }
}
