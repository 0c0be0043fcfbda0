// Provider requests, from the samples each provider family's base already records once per
// request (providers/base/metrics.ts).
import { providerMetrics } from "../providers/base/metrics.ts";
import { providerErrorsTotal, providerRequestsTotal } from "./registry.ts";

/** Provider names are adapter names; anything else would be an unbounded label. */
const PROVIDER_NAME = /^[a-z0-9][a-z0-9_.-]{0,39}$/i;

let exporting = false;

/** Counts every provider request of this process from now on (once, however many gateways run). */
export function exportProviderSamples(): void {
  if (exporting) return;
  exporting = true;
  providerMetrics.subscribe((sample) => {
    const provider = PROVIDER_NAME.test(sample.provider) ? sample.provider.toLowerCase() : "other";
    const outcome = sample.ok ? "ok" : sample.retryable ? "retryable_error" : "error";
    providerRequestsTotal.inc({ provider, kind: sample.family, outcome });
    if (!sample.ok) providerErrorsTotal.inc({ provider, kind: sample.family });
  });
}
