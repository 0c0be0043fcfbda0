// Front-door protection: scanner user agents and a per-source flood limit with a temporary ban
// (Kamailio pike defaults: 16 requests in 2 s, 300 s ban). Source allow-lists are CidrSets
// (shared/src/net/cidr.ts).
import { countSipFloodBan } from "../metrics/sip.ts";

const SCANNER_USER_AGENTS =
  /friendly-scanner|sipvicious|sipcli|sip-scan|sipscan|iwar|sundayddr|vaxsipuseragent|pplsip|smap|sipsscuser|eyeBeam-scan/i;

/** Known SIP scanners (SIPVicious, sipcli, ...): dropped without an answer. */
export function isScannerUserAgent(userAgent: string | null): boolean {
  return userAgent !== null && SCANNER_USER_AGENTS.test(userAgent);
}

interface FloodSettings {
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
      countSipFloodBan();
      this.windows.delete(address);
      return true;
    }
    return false;
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
