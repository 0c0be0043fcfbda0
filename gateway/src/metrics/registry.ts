// The gateway's Prometheus metrics, one registry per process (every gateway in a process adds
// to the same series). Labels take only bounded values: directions, transports, statuses,
// stage and provider names, SIP methods and response codes; never a call id, a number or text.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export const gatewayRegistry = new Registry();

// Process metrics and the event loop's lag (nodejs_eventloop_lag_*), under their standard names.
collectDefaultMetrics({ register: gatewayRegistry });

/** Seconds buckets for latencies a caller notices: 10 ms to 10 s. */
const LATENCY_BUCKETS_S = [0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];

export const callsActive = new Gauge({
  name: "switchboard_calls_active",
  help: "Calls answered and not yet ended on this gateway.",
  labelNames: ["direction", "transport"] as const,
  registers: [gatewayRegistry],
});

export const callsTotal = new Counter({
  name: "switchboard_calls_total",
  help: "Calls ended on this gateway, by direction and final status.",
  labelNames: ["direction", "status"] as const,
  registers: [gatewayRegistry],
});

export const callSetupSeconds = new Histogram({
  name: "switchboard_call_setup_seconds",
  help: "From the INVITE (or the browser's offer) to the call being answered.",
  labelNames: ["direction"] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60],
  registers: [gatewayRegistry],
});

export const turnStageSeconds = new Histogram({
  name: "switchboard_turn_stage_seconds",
  help: "Agent turn latency by stage, from each turn's report (total: caller's speech end to the first packet).",
  labelNames: ["stage"] as const,
  buckets: LATENCY_BUCKETS_S,
  registers: [gatewayRegistry],
});

export const providerRequestsTotal = new Counter({
  name: "switchboard_provider_requests_total",
  help: "Requests to STT, LLM and TTS providers, by outcome (ok, error, retryable_error).",
  labelNames: ["provider", "kind", "outcome"] as const,
  registers: [gatewayRegistry],
});

export const providerErrorsTotal = new Counter({
  name: "switchboard_provider_errors_total",
  help: "Failed provider requests (retried or not).",
  labelNames: ["provider", "kind"] as const,
  registers: [gatewayRegistry],
});

export const mediaClockLatenessSeconds = new Histogram({
  name: "switchboard_media_clock_lateness_seconds",
  help: "How late each media clock tick fired against its 20 ms grid.",
  buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1],
  registers: [gatewayRegistry],
});

export const vadBatchSize = new Histogram({
  name: "switchboard_vad_batch_size",
  help: "Speech windows run through the VAD model in one batch.",
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  registers: [gatewayRegistry],
});

export const jitterSeconds = new Histogram({
  name: "switchboard_jitter_seconds",
  help: "Interarrival jitter (RFC 3550 A.8) of each RTP stream, observed when the stream closes.",
  buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2],
  registers: [gatewayRegistry],
});

export const sipRequestsTotal = new Counter({
  name: "switchboard_sip_requests_total",
  help: "SIP requests answered with a final response, by method and response code.",
  labelNames: ["method", "response"] as const,
  registers: [gatewayRegistry],
});

export const sipFloodBansTotal = new Counter({
  name: "switchboard_sip_flood_bans_total",
  help: "Source addresses banned for flooding the SIP port.",
  registers: [gatewayRegistry],
});

/** The media clock's per-tick lateness hook (MediaClock's onTickLateness). */
export function observeClockLateness(latenessMs: number): void {
  mediaClockLatenessSeconds.observe(Math.max(0, latenessMs) / 1000);
}
