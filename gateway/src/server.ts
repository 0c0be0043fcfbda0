import type { Bus } from "@switchboard/shared/bus/contract";
import { connectBus } from "@switchboard/shared/bus/index";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";

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
  return {
    url,
    describe: () => [`  Gateway  ${url} (SIP on port ${config.sipPort} once the SIP stack is enabled)`],
    async stop() {
      server.stop(true);
      if (!options.bus) await bus.close();
    },
  };
}
