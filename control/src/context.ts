import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import type { Logger } from "@switchboard/shared/logger";
import type { Database } from "./db/client.ts";
import type { Authenticator } from "./http/auth.ts";

/** What the feature modules are built from. Services take these plain values, never a request. */
export interface ControlContext {
  config: Config;
  db: Database;
  bus: Bus;
  log: Logger;
  authenticator: Authenticator;
}
