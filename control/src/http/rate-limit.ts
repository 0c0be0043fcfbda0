import type { Bus } from "@switchboard/shared/bus/contract";
import { ApiError } from "@switchboard/shared/errors";

const WINDOW_MS = 60_000;

interface RateLimitResult {
  headers: Record<string, string>;
  limited: ApiError | null;
}

/**
 * Per-key fixed-window limit. The counter lives on the bus: in Redis when configured, so
 * every instance shares it; in process on the embedded default.
 */
export class RateLimiter {
  constructor(
    private readonly bus: Bus,
    private readonly limitPerMinute: number,
  ) {}

  async hit(keyId: string): Promise<RateLimitResult> {
    const { count, resetAtMs } = await this.bus.incrementWindow(`ratelimit:${keyId}`, WINDOW_MS);
    const resetS = Math.max(1, Math.ceil((resetAtMs - Date.now()) / 1000));
    const headers: Record<string, string> = {
      "ratelimit-limit": String(this.limitPerMinute),
      "ratelimit-remaining": String(Math.max(0, this.limitPerMinute - count)),
      "ratelimit-reset": String(resetS),
      "ratelimit-policy": `${this.limitPerMinute};w=${WINDOW_MS / 1000}`,
    };
    if (count <= this.limitPerMinute) return { headers, limited: null };
    return {
      headers,
      limited: new ApiError(
        429,
        "rate_limited",
        `Rate limit of ${this.limitPerMinute} requests per minute exceeded. Retry after ${resetS} s.`,
        undefined,
        { "retry-after": String(resetS) },
      ),
    };
  }
}
