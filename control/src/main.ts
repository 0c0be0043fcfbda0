// The control plane on its own (production: Postgres and Redis, gateways in other processes).
import { ConfigError, loadConfig } from "@switchboard/shared/config";
import { Lifecycle } from "@switchboard/shared/lifecycle";
import { createLogger } from "@switchboard/shared/logger";
import { printBanner } from "./banner.ts";
import { startControl } from "./server.ts";

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel, "control");
  const lifecycle = new Lifecycle({ log }).handleSignals();
  const control = await startControl({ config, log });
  lifecycle.onStop("control", () => control.stop());
  printBanner(control, null);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
