// The deployment's number provider (NUMBER_PROVIDER).
import type { CarriersConfig } from "@switchboard/shared/config-carriers";
import { InventoryNumberProvider } from "./inventory.ts";
import { TelnyxNumberProvider } from "./telnyx.ts";
import { TwilioNumberProvider } from "./twilio.ts";
import type { AnyNumberProvider } from "./types.ts";

export function numberProviderFor(config: CarriersConfig): AnyNumberProvider {
  if (config.numberProvider === "twilio") return new TwilioNumberProvider(config);
  if (config.numberProvider === "telnyx") return new TelnyxNumberProvider(config);
  return new InventoryNumberProvider();
}
