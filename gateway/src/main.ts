// The media gateway on its own process (production: Redis joins it to control).
import { connectBus } from "@switchboard/shared/bus/index";
import { ConfigError, loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { startAgentRuntime } from "./agent-runtime.ts";
import { startGateway } from "./server.ts";

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel, "gateway");
  const bus = await connectBus(config.redisUrl);
  const agents = await startAgentRuntime({ config, log, bus });
  const gateway = await startGateway({ config, log, bus, application: agents.application });
  process.stdout.write(`${gateway.describe().join("\n")}\n`);
  const shutdown = async () => {
    await gateway.stop();
    await agents.stop();
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
