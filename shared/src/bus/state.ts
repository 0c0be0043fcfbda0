// Control's "state published" marker (Hashes.controlState). Control writes it after each full
// rebuild of what it publishes (control/src/bus-state); a flushed or restarted Redis has none.
// Gateways read it only when a lookup misses: absent, the miss means "not published yet" and
// the call is refused with 503 and Retry-After; present, the thing really does not exist.
import type { Bus } from "./contract.ts";
import { Channels, Hashes } from "./topics.ts";

export const STATE_PUBLISHED_AT_FIELD = "published_at_ms";
export const STATE_GENERATION_FIELD = "generation";
/** Seconds a caller refused for unpublished state is asked to wait; a rebuild takes about one. */
export const STATE_RETRY_AFTER_S = 5;
export const STATE_NOT_PUBLISHED = "Service state not yet published";
/** A gateway asks control for the state at most this often. */
const REQUEST_INTERVAL_MS = 1000;

export class PublishedState {
  private lastRequestMs = 0;

  constructor(private readonly bus: Bus) {}

  /** Whether control's state is on the bus; when it is not, asks control to publish it now. */
  async published(): Promise<boolean> {
    if ((await this.bus.hashGet(Hashes.controlState, STATE_PUBLISHED_AT_FIELD)) !== null) return true;
    const nowMs = Date.now();
    if (nowMs - this.lastRequestMs >= REQUEST_INTERVAL_MS) {
      this.lastRequestMs = nowMs;
      // Best effort: without it the periodic reconciliation still publishes the state.
      await this.bus.publish(Channels.stateRequested, "").catch(() => {});
    }
    return false;
  }
}
