// The media gateway on its own process (production: Redis joins it to control).
import { connectBus } from "@switchboard/shared/bus/index";
import { ConfigError, loadConfig } from "@switchboard/shared/config";
import { Lifecycle } from "@switchboard/shared/lifecycle";
import { createLogger } from "@switchboard/shared/logger";
import { startAgentRuntime } from "./agent-runtime.ts";
import { startGateway } from "./server.ts";

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel, "gateway");
  const lifecycle = new Lifecycle({ log }).handleSignals();
  const bus = await connectBus(config.redisUrl);
  const agents = await startAgentRuntime({ config, log, bus });
  const gateway = await startGateway({ config, log, bus, application: agents.application });
  lifecycle
    .onStop("gateway", () => gateway.stop())
    .onStop("agents", () => agents.stop())
    .onStop("bus", () => bus.close());
  process.stdout.write(`${gateway.describe().join("\n")}\n`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
