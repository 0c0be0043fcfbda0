// The control plane on the embedded default (PGlite in a temporary DATA_DIR, in-process
// bus), as `npm start` runs it, for api-throughput.ts to load from another process.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startControl } from "@switchboard/control/src/server";
import { loadConfig } from "@switchboard/shared/config";
import { createLogger } from "@switchboard/shared/logger";

const config = loadConfig({
  DATA_DIR: mkdtempSync(join(tmpdir(), "switchboard-bench-")),
  CONTROL_PORT: process.env.CONTROL_PORT ?? "0",
  CONTROL_HOST: "127.0.0.1",
  INIT_API_KEY: process.env.INIT_API_KEY,
  RATE_LIMIT_PER_MINUTE: "1000000",
});
const control = await startControl({ config, log: createLogger("warn") });
process.stdout.write(`READY ${control.url}\n`);
