// The control plane on its own (production: Postgres and Redis, gateways in other processes).
import { ConfigError, loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";
import { printBanner } from "./banner.ts";
import { startControl } from "./server.ts";

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel, "control");
  const control = await startControl({ config, log });
  printBanner(control, null);
  const shutdown = async () => {
    await control.stop();
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
