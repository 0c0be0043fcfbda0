import { hostname } from "node:os";
import { join } from "node:path";
import type { Bus } from "@switchboard/shared/bus/contract";
import { connectBus } from "@switchboard/shared/bus/index";
import type { Config } from "@switchboard/shared/config";
import { startHeartbeat } from "@switchboard/shared/heartbeat";
import type { Logger } from "@switchboard/shared/logger";
import { serveMetrics } from "@switchboard/shared/metrics/serve";
import type { MediaApplication } from "./call-core/application.ts";
import { CallLeases } from "./call-core/call-leases.ts";
import { GreetingApplication } from "./call-core/greeting-application.ts";
import { SipService } from "./calls/sip-service.ts";
import type { LegParent } from "./calls/transfer-leg.ts";
import { startAnnouncer } from "./cluster/announcer.ts";
import { DRAIN_RETRY_AFTER_S, drainCalls } from "./drain.ts";
import { MediaClock } from "./media/clock.ts";
import { exportProviderSamples } from "./metrics/providers.ts";
import { gatewayRegistry, observeClockLateness } from "./metrics/registry.ts";
import { EspeakTts } from "./providers/espeak/tts.ts";
import { WebRtcService } from "./webrtc/signalling.ts";

export interface RunningGateway {
  url: string;
  describe(): string[];
  /** From the start of `stop`: new calls are refused and /health answers 503 "draining". */
  readonly draining: boolean;
  /**
   * Drains, then closes: no new calls, calls in progress run on for up to `drainTimeoutMs`
   * (default DRAIN_TIMEOUT_S), the rest hear DRAIN_GOODBYE_MESSAGE and are hung up, and the
   * heartbeat stops last. A second call awaits the first.
   */
  stop(options?: { drainTimeoutMs?: number }): Promise<void>;
}

/** The media gateway: its HTTP endpoint (health; WebRTC signaling later) on GATEWAY_PORT. */
export async function startGateway(options: {
  config: Config;
  log: Logger;
  bus?: Bus;
  /** What answered calls run; default: the greeting application. */
  application?: MediaApplication;
  /** Extra ICE host addresses for browser calls (loopback in tests). */
  webrtcHostAddresses?: string[];
}): Promise<RunningGateway> {
  const { config } = options;
  const bus = options.bus ?? (await connectBus(config.redisUrl));
  const clock = new MediaClock({ onTickLateness: observeClockLateness });
  exportProviderSamples();
  const application =
    options.application ?? new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null });
  // Stable across restarts so the dispatch consumer re-reads its own pending entries.
  // SIP_PORT=0 (an ephemeral port) can't tell two gateways on one host apart: use a fresh id.
  const gatewayId = `gateway-${hostname()}-${config.sipPort || crypto.randomUUID().slice(0, 8)}`;
  // Calls never survive a restart: leases an earlier run under this id left behind are void.
  await bus.reclaimLeases(gatewayId);
  const leases = new CallLeases({ bus, gatewayId, config, log: options.log });
  const heartbeat = startHeartbeat(
    bus,
    gatewayId,
    config.gatewayHeartbeatIntervalMs,
    (error) => options.log.warn({ err: error }, "gateway heartbeat not written"),
    (renewed) => leases.restoreMissing(renewed),
  );
  let sipSide: SipService | null = null;
  const webrtc = new WebRtcService({
    config,
    log: options.log.child({ component: "webrtc" }),
    bus,
    clock,
    application,
    gatewayId,
    hostAddresses: options.webrtcHostAddresses,
    leases,
    // The SIP side starts below; a browser call's warm transfer dials through it.
    legDialer: (parent: LegParent) => sipSide?.legDialer(parent) ?? null,
  });
  // Loaded only with LiveKit configured: its SDK is native code the gateway otherwise never needs.
  const rooms = config.livekit
    ? new (await import("./webrtc/livekit/rooms.ts")).LiveKitRooms({
        config,
        livekit: config.livekit,
        log: options.log.child({ component: "livekit" }),
        bus,
        clock,
        application,
        gatewayId,
        leases,
        recordingsDir: join(config.dataDir, "recordings"),
        legDialer: (parent: LegParent) => sipSide?.legDialer(parent) ?? null,
      })
    : null;
  rooms?.start();
  let draining = false;
  const server = Bun.serve({
    port: config.gatewayPort,
    async fetch(request) {
      const { pathname } = new URL(request.url);
      if (pathname === "/metrics") return serveMetrics(request, [gatewayRegistry], config.metricsToken);
      if (pathname === "/health") {
        // A load balancer's health check takes the gateway out of rotation on the 503.
        return draining
          ? Response.json(
              { status: "draining" },
              { status: 503, headers: { "retry-after": String(DRAIN_RETRY_AFTER_S) } },
            )
          : Response.json({ status: "ok" });
      }
      const signalling = await webrtc.handle(request);
      if (signalling) return signalling;
      return new Response(null, { status: 404 });
    },
  });
  const url = `http://localhost:${server.port}`;
  const sip = await SipService.start({
    config,
    log: options.log.child({ component: "sip" }),
    bus,
    application,
    gatewayId,
    clock,
    leases,
  });
  sipSide = sip;
  const announcer = startAnnouncer({
    bus,
    gatewayId,
    sipAddress: `${sip.advertised.host}:${sip.advertised.port}`,
    rtpAddress: sip.advertised.host,
    rtpPortMin: config.rtpPortMin,
    rtpPortMax: config.rtpPortMax,
    capacityCalls: config.gatewayCapacityCalls,
    intervalMs: config.gatewayHeartbeatIntervalMs,
    state: () => ({ callsInProgress: sip.callsInProgress, draining }),
    onError: (error) => options.log.warn({ err: error }, "gateway announcement not written"),
  });
  let stopping: Promise<void> | null = null;
  const stop = async (drainTimeoutMs: number) => {
    draining = true;
    await announcer.announceNow();
    await drainCalls(rooms ? [sip, webrtc, rooms] : [sip, webrtc], {
      drainTimeoutMs,
      goodbyeMessage: config.drainGoodbyeMessage,
      log: options.log,
    });
    await webrtc.stop();
    await rooms?.stop();
    await sip.stop();
    server.stop(true);
    await announcer.stop();
    // Last: while it beats, control's reaper leaves this gateway's calls alone.
    await heartbeat.stop();
    if (!options.bus) await bus.close();
  };
  return {
    url,
    describe: () => [
      `  Gateway  ${url} (SIP on UDP and TCP port ${sip.port}${rooms ? `; LiveKit rooms at ${config.livekit?.url}` : ""})`,
    ],
    get draining() {
      return draining;
    },
    stop(stopOptions = {}) {
      stopping ??= stop(stopOptions.drainTimeoutMs ?? config.drainTimeoutS * 1000);
      return stopping;
    },
  };
}
