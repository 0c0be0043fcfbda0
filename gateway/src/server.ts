import { hostname } from "node:os";
import type { Bus } from "@switchboard/shared/bus/contract";
import { connectBus } from "@switchboard/shared/bus/index";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import { GreetingApplication } from "./calls/greeting-application.ts";
import { SipService } from "./calls/sip-service.ts";
import { EspeakTts } from "./providers/espeak/tts.ts";

export interface RunningGateway {
  url: string;
  describe(): string[];
  stop(): Promise<void>;
}

/** The media gateway: its HTTP endpoint (health; WebRTC signaling later) on GATEWAY_PORT. */
export async function startGateway(options: {
  config: Config;
  log: Logger;
  bus?: Bus;
}): Promise<RunningGateway> {
  const { config } = options;
  const bus = options.bus ?? (await connectBus(config.redisUrl));
  const server = Bun.serve({
    port: config.gatewayPort,
    fetch(request) {
      const { pathname } = new URL(request.url);
      if (pathname === "/health") return Response.json({ status: "ok" });
      return new Response(null, { status: 404 });
    },
  });
  const url = `http://localhost:${server.port}`;
  const sip = await SipService.start({
    config,
    log: options.log.child({ component: "sip" }),
    bus,
    application: new GreetingApplication({ tts: new EspeakTts(), hangupAfterGreetingMs: null }),
    // Stable across restarts so the dispatch consumer re-reads its own pending entries.
    gatewayId: `gateway-${hostname()}-${config.sipPort}`,
  });
  return {
    url,
    describe: () => [`  Gateway  ${url} (SIP on UDP and TCP port ${sip.port})`],
    async stop() {
      await sip.stop();
      server.stop(true);
      if (!options.bus) await bus.close();
    },
  };
}
