// A gateway process that answers with the turn pipeline (the acceptance test runs it beside
// a separate control process, joined only by Redis).
import { createAgentApplication } from "@switchboard/gateway/pipeline/create";
import { startGateway } from "@switchboard/gateway/server";
import { loadConfig } from "@switchboard/shared/config";
import { Lifecycle } from "@switchboard/shared/lifecycle";
import { createLogger } from "@switchboard/shared/logger";

const config = loadConfig();
const log = createLogger(config.logLevel, "gateway");
const lifecycle = new Lifecycle({ log }).handleSignals();
const application = await createAgentApplication({ config, log });
const gateway = await startGateway({ config, log, application });
lifecycle.onStop("gateway", () => gateway.stop());
process.stdout.write(`${gateway.describe().join("\n")}\n`);
