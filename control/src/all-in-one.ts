// `npm start`: the whole platform in one process. Without DATABASE_URL and REDIS_URL this is
// the embedded default: PGlite under DATA_DIR and the in-process bus shared by control and gateway.

import { startAgentRuntime } from "@switchboard/gateway/agent-runtime";
import { startGateway } from "@switchboard/gateway/server";
import { connectBus } from "@switchboard/shared/bus/index";
import { ConfigError, loadConfig } from "@switchboard/shared/config";
import { Lifecycle } from "@switchboard/shared/lifecycle";
import { createLogger } from "@switchboard/shared/logger";
import { printBanner } from "./banner.ts";
import { startControl } from "./server.ts";

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const lifecycle = new Lifecycle({ log }).handleSignals();
  const bus = await connectBus(config.redisUrl);
  const control = await startControl({ config, log: log.child({ component: "control" }), bus });
  const gatewayLog = log.child({ component: "gateway" });
  const agents = await startAgentRuntime({ config, log: gatewayLog, bus });
  const gateway = await startGateway({ config, log: gatewayLog, bus, application: agents.application });
  // The gateway drains first: control keeps persisting its calls' events meanwhile.
  lifecycle
    .onStop("gateway", () => gateway.stop())
    .onStop("agents", () => agents.stop())
    .onStop("control", () => control.stop())
    .onStop("bus", () => bus.close());
  printBanner(control, gateway.describe());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
