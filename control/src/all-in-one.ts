// `npm start`: the whole platform in one process. Without DATABASE_URL and REDIS_URL this is
// the embedded default: PGlite under DATA_DIR and the in-process bus shared by control and gateway.

import { startAgentRuntime } from "@switchboard/gateway/agent-runtime";
import { startGateway } from "@switchboard/gateway/server";
import { connectBus } from "@switchboard/shared/bus/index";
import { ConfigError, loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { printBanner } from "./banner.ts";
import { startControl } from "./server.ts";

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const bus = await connectBus(config.redisUrl);
  const control = await startControl({ config, log: log.child({ component: "control" }), bus });
  const gatewayLog = log.child({ component: "gateway" });
  const agents = await startAgentRuntime({ config, log: gatewayLog, bus });
  const gateway = await startGateway({ config, log: gatewayLog, bus, application: agents.application });
  printBanner(control, gateway.describe());
  const shutdown = async () => {
    await gateway.stop();
    await agents.stop();
    await control.stop();
    await bus.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
