// The media gateway on its own process (production: Redis joins it to control).
import { ConfigError, loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { startGateway } from "./server.ts";

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel, "gateway");
  const gateway = await startGateway({ config, log });
  process.stdout.write(`${gateway.describe().join("\n")}\n`);
  const shutdown = async () => {
    await gateway.stop();
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
