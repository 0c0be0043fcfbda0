// One Stripe client per configuration, its host taken from STRIPE_BASE_URL (the SDK's host,
// port and protocol settings) and requests sent with fetch.
import type { PaymentsConfig } from "@switchboard/shared/config-carriers";
import Stripe from "stripe";

const clients = new WeakMap<PaymentsConfig, Stripe>();

export function stripeClient(config: PaymentsConfig): Stripe {
  let client = clients.get(config);
  if (!client) {
    const base = new URL(config.stripeBaseUrl);
    client = new Stripe(config.stripeSecretKey ?? "", {
      host: base.hostname,
      port: base.port || (base.protocol === "https:" ? 443 : 80),
      protocol: base.protocol === "https:" ? "https" : "http",
      httpClient: Stripe.createFetchHttpClient(),
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
    });
    clients.set(config, client);
  }
  return client;
}
