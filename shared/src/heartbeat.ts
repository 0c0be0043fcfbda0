// Gateway liveness: each gateway writes its heartbeat to Hashes.gatewayHeartbeats every
// GATEWAY_HEARTBEAT_INTERVAL_MS; control ends the open calls of a gateway that fell silent,
// and of an earlier run of a gateway that restarted under the same id (calls never survive
// a restart, so a call that began before `started_ms` is lost).
import type { Bus } from "./bus/contract.ts";
import { Hashes } from "./bus/topics.ts";

export interface GatewayHeartbeat {
  last_seen_ms: number;
  /** When this run of the gateway started. */
  started_ms: number | null;
}

export function encodeHeartbeat(heartbeat: GatewayHeartbeat): string {
  return JSON.stringify(heartbeat);
}

/** A JSON heartbeat, or a bare epoch-ms number; null for anything else. */
export function parseHeartbeat(value: string | null | undefined): GatewayHeartbeat | null {
  if (!value) return null;
  if (/^\d+$/.test(value)) return { last_seen_ms: Number(value), started_ms: null };
  try {
    const parsed = JSON.parse(value) as Partial<GatewayHeartbeat>;
    if (typeof parsed.last_seen_ms !== "number") return null;
    return {
      last_seen_ms: parsed.last_seen_ms,
      started_ms: typeof parsed.started_ms === "number" ? parsed.started_ms : null,
    };
  } catch {
    return null;
  }
}

export interface HeartbeatWriter {
  stop(): Promise<void>;
}

/** Writes now, then every `intervalMs`; a failed write is reported and retried on the next beat. */
export function startHeartbeat(
  bus: Bus,
  gatewayId: string,
  intervalMs: number,
  onError: (error: unknown) => void,
): HeartbeatWriter {
  const startedMs = Date.now();
  const beat = () =>
    bus
      .hashSet(
        Hashes.gatewayHeartbeats,
        gatewayId,
        encodeHeartbeat({ last_seen_ms: Date.now(), started_ms: startedMs }),
      )
      .catch(onError);
  let pending = beat();
  const timer = setInterval(() => {
    pending = beat();
  }, intervalMs);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      await bus.hashDelete(Hashes.gatewayHeartbeats, gatewayId).catch(onError);
    },
  };
}
