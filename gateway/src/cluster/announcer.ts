// Keeps this gateway's announcement fresh on the bus (Hashes.gatewayAnnouncements): where its
// SIP and media listen, its planned capacity, its load and whether it is draining. Written
// now, then every interval; removed on stop. Control lists it at GET /admin/gateways and the
// SIP edge's dispatcher list is written from it (deploy/kamailio/).
import type { Bus } from "@switchboard/shared/bus/contract";
import { Hashes } from "@switchboard/shared/bus/topics";
import { ANNOUNCEMENT_TTL_INTERVALS, encodeAnnouncement } from "@switchboard/shared/cluster/announcement";
import type { Gateway } from "@switchboard/shared/schemas/gateway";

export interface AnnouncedState {
  callsInProgress: number;
  draining: boolean;
}

export interface AnnouncerOptions {
  bus: Bus;
  gatewayId: string;
  sipAddress: string;
  rtpAddress: string;
  rtpPortMin: number;
  rtpPortMax: number;
  capacityCalls: number;
  intervalMs: number;
  state: () => AnnouncedState;
  onError: (error: unknown) => void;
}

export interface Announcer {
  /** Writes at once (a drain announces itself before the next interval). */
  announceNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startAnnouncer(options: AnnouncerOptions): Announcer {
  const startedAt = new Date().toISOString();
  let lastCpu = process.cpuUsage();
  let lastAtMs = performance.now();
  const cpuPercent = () => {
    const cpu = process.cpuUsage(lastCpu);
    const nowMs = performance.now();
    const elapsedMs = Math.max(1, nowMs - lastAtMs);
    lastCpu = process.cpuUsage();
    lastAtMs = nowMs;
    return Math.round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 1000) / 10;
  };
  const announcement = (): Gateway => {
    const nowMs = Date.now();
    const { callsInProgress, draining } = options.state();
    return {
      id: options.gatewayId,
      sip_address: options.sipAddress,
      rtp_address: options.rtpAddress,
      rtp_port_min: options.rtpPortMin,
      rtp_port_max: options.rtpPortMax,
      capacity_calls: options.capacityCalls,
      calls_in_progress: callsInProgress,
      cpu_percent: cpuPercent(),
      draining,
      started_at: startedAt,
      announced_at: new Date(nowMs).toISOString(),
      expires_at: new Date(nowMs + options.intervalMs * ANNOUNCEMENT_TTL_INTERVALS).toISOString(),
    };
  };
  let stopped = false;
  const write = () =>
    stopped
      ? Promise.resolve()
      : options.bus
          .hashSet(Hashes.gatewayAnnouncements, options.gatewayId, encodeAnnouncement(announcement()))
          .catch(options.onError);
  let pending = write();
  const timer = setInterval(() => {
    pending = write();
  }, options.intervalMs);
  timer.unref?.();
  return {
    announceNow() {
      pending = write();
      return pending;
    },
    async stop() {
      clearInterval(timer);
      await pending;
      stopped = true;
      await options.bus.hashDelete(Hashes.gatewayAnnouncements, options.gatewayId).catch(options.onError);
    },
  };
}
