import type { CallEventsDeps } from "../events.ts";

/**
 * The prices tests persist call events at when they run without the harness's configuration:
 * the kill test and the consumer process it kills must bill alike.
 */
export const TEST_CALL_EVENTS_CONFIG: CallEventsDeps["config"] = {
  inboundCentsPerMinute: 6,
  outboundCentsPerMinute: 12,
  webCentsPerMinute: 6,
  numberMonthlyCents: 0,
  creditsLowThresholdCents: 0,
  realtimeTokenPrices: {},
  publicBaseUrl: null,
};
