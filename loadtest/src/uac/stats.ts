// Percentiles over collected samples, and a fixed-bucket histogram for per-packet figures
// (hundreds of thousands of values per run, kept without growing an array).

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): Percentiles {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** Values in [0, bucketMs * buckets) at bucketMs resolution; larger values land in the last bucket. */
export class Histogram {
  private readonly counts: Uint32Array;
  total = 0;
  max = 0;

  constructor(
    private readonly bucketMs = 0.1,
    buckets = 10_000,
  ) {
    this.counts = new Uint32Array(buckets);
  }

  add(valueMs: number): void {
    const index = Math.min(this.counts.length - 1, Math.max(0, Math.floor(valueMs / this.bucketMs)));
    this.counts[index]!++;
    this.total++;
    if (valueMs > this.max) this.max = valueMs;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
    this.max = Math.max(this.max, other.max);
  }

  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.min(this.total - 1, Math.floor((p / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen > rank) return (i + 1) * this.bucketMs;
    }
    return this.max;
  }
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
