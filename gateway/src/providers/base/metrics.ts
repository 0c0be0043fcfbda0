// Per-provider counters and first-output latencies, recorded once by each family's base.
// A sink can forward samples elsewhere (the pipeline's turn record, a Prometheus exporter).

export type ProviderFamily = "llm" | "stt" | "tts";

export interface ProviderSample {
  family: ProviderFamily;
  provider: string;
  /** Time from request to the first token / transcript / audio byte, when there was one. */
  firstOutputMs: number | null;
  /** Whole request, start to end of stream. */
  durationMs: number;
  ok: boolean;
  retryable?: boolean;
  status?: number;
  attempt: number;
}

export interface ProviderStats {
  requests: number;
  errors: number;
  retries: number;
  firstOutputMs: number[];
}

const MAX_KEPT_SAMPLES = 1024;

export class ProviderMetrics {
  private readonly stats = new Map<string, ProviderStats>();
  private readonly sinks = new Set<(sample: ProviderSample) => void>();

  record(sample: ProviderSample): void {
    const key = `${sample.family}:${sample.provider}`;
    let entry = this.stats.get(key);
    if (!entry) {
      entry = { requests: 0, errors: 0, retries: 0, firstOutputMs: [] };
      this.stats.set(key, entry);
    }
    entry.requests += 1;
    if (!sample.ok) entry.errors += 1;
    if (sample.attempt > 1) entry.retries += 1;
    if (sample.firstOutputMs !== null) {
      if (entry.firstOutputMs.length >= MAX_KEPT_SAMPLES) entry.firstOutputMs.shift();
      entry.firstOutputMs.push(sample.firstOutputMs);
    }
    for (const sink of this.sinks) sink(sample);
  }

  subscribe(sink: (sample: ProviderSample) => void): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  get(family: ProviderFamily, provider: string): ProviderStats | undefined {
    return this.stats.get(`${family}:${provider}`);
  }
}

export const providerMetrics = new ProviderMetrics();
