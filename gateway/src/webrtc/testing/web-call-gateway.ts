// Test support: a whole gateway that takes browser calls (WHIP) on ephemeral ports over a
// MemoryBus, with `agent` published as control would and the turn pipeline answering; its
// providers are the stand-ins at `openaiBaseUrl`.
import type { Agent } from "@switchboard/shared/agent";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { Hashes } from "@switchboard/shared/bus/topics";
import { type Config, loadConfig } from "@switchboard/shared/config";
import { type CallEvent, Streams } from "@switchboard/shared/events";
import { createLogger } from "@switchboard/shared/logger";
import { markStatePublished } from "../../calls/testing/test-gateway.ts";
import { createAgentApplication } from "../../pipeline/create.ts";
import { type RunningGateway, startGateway } from "../../server.ts";

const WEB_CALL_SECRET = "web-call-test-secret-0123456789abcdef";
const EVENTS_GROUP = "web-call-test";

export interface WebCallGateway {
  gateway: RunningGateway;
  bus: MemoryBus;
  config: Config;
  /** Every call event the gateway has published so far, read from the bus at each call. */
  readCallEvents(): Promise<CallEvent[]>;
  stop(): Promise<void>;
}

export async function startWebCallGateway(options: {
  agent: Agent;
  dataDir: string;
  openaiBaseUrl: string;
  /** More settings, e.g. a SIP side for calls the gateway places. */
  env?: Record<string, string>;
}): Promise<WebCallGateway> {
  const config = loadConfig({
    GATEWAY_PORT: "0",
    SIP_PORT: "0",
    SIP_BIND_ADDRESS: "127.0.0.1",
    WEB_CALL_SECRET,
    DATA_DIR: options.dataDir,
    OPENAI_BASE_URL: options.openaiBaseUrl,
    ...options.env,
  });
  const bus = new MemoryBus();
  await bus.hashSet(Hashes.agentSnapshots, options.agent.id, JSON.stringify(options.agent));
  await markStatePublished(bus);
  await bus.ensureGroup(Streams.callEvents, EVENTS_GROUP);
  const gateway = await startGateway({
    config,
    log: createLogger("silent"),
    bus,
    application: await createAgentApplication({ config, log: createLogger("silent") }),
    webrtcHostAddresses: ["127.0.0.1"],
  });
  const events: CallEvent[] = [];
  return {
    gateway,
    bus,
    config,
    async readCallEvents() {
      const entries = await bus.readGroup(Streams.callEvents, EVENTS_GROUP, "reader", {
        count: 100,
        blockMs: 10,
      });
      for (const entry of entries) events.push(JSON.parse(entry.data) as CallEvent);
      return events;
    },
    async stop() {
      await gateway.stop({ drainTimeoutMs: 0 });
      await bus.close();
    },
  };
}
