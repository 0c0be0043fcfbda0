// The embedded default in one process (PGlite under DATA_DIR, the in-process bus) with the
// gateway answering through the turn pipeline.
import { createAgentApplication } from "@switchboard/gateway/pipeline/create";
import { startGateway } from "@switchboard/gateway/server";
import { MemoryBus } from "@switchboard/shared/bus/memory";
import { loadConfig } from "@switchboard/shared/config";
import { Lifecycle } from "@switchboard/shared/lifecycle";
import { createLogger } from "@switchboard/shared/logger";
import { printBanner } from "../../banner.ts";
import { startControl } from "../../server.ts";

const config = loadConfig();
const log = createLogger(config.logLevel);
const lifecycle = new Lifecycle({ log }).handleSignals();
const bus = new MemoryBus();
const control = await startControl({ config, log: log.child({ component: "control" }), bus });
const application = await createAgentApplication({ config, log });
const gateway = await startGateway({ config, log: log.child({ component: "gateway" }), bus, application });
lifecycle
  .onStop("gateway", () => gateway.stop())
  .onStop("control", () => control.stop())
  .onStop("bus", () => bus.close());
printBanner(control, gateway.describe());
