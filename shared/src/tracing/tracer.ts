// OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT (or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: then spans are batched and exported over
// OTLP/HTTP, the exporter reading the standard OTEL_* variables (headers, timeout, batch
// delay). Off, `startTracing` returns null and callers skip all span work. The SDK is loaded
// only when tracing is on.
import type { Span, Tracer } from "@opentelemetry/api";

export interface Tracing {
  tracer: Tracer;
  /**
   * Starts the root span of a trace whose id is `traceIdHex` (32 hex digits), so the trace is
   * found from the record it belongs to (a call's id holds its trace id).
   */
  startRootSpan(traceIdHex: string, start: (tracer: Tracer) => Span): Span;
  /** Exports what is batched (tests, shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const TRACE_ID = /^[0-9a-f]{32}$/;

export function tracingEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return (
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) &&
    env.OTEL_SDK_DISABLED !== "true"
  );
}

/** One provider per service name and process. */
const started = new Map<string, Promise<Tracing | null>>();

export function startTracing(
  serviceName: string,
  env: Record<string, string | undefined> = process.env,
): Promise<Tracing | null> {
  let tracing = started.get(serviceName);
  if (!tracing) {
    tracing = tracingEnabled(env) ? createTracing(serviceName) : Promise.resolve(null);
    started.set(serviceName, tracing);
  }
  return tracing;
}

async function createTracing(serviceName: string): Promise<Tracing> {
  const [
    { TracerProvider, BatchSpanProcessor, RandomIdGenerator },
    { OTLPTraceExporter },
    { resourceFromAttributes },
  ] = await Promise.all([
    import("@opentelemetry/sdk-trace"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  const random = new RandomIdGenerator();
  let nextTraceId: string | null = null;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME ?? serviceName }),
    idGenerator: {
      // Read synchronously by the one startSpan call in startRootSpan.
      generateTraceId: () => nextTraceId ?? random.generateTraceId(),
      generateSpanId: () => random.generateSpanId(),
    },
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter(),
        // The standard variable, read here: the processor takes its delay as an option.
        ...(Number(process.env.OTEL_BSP_SCHEDULE_DELAY) > 0
          ? { scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY) }
          : {}),
      }),
    ],
  });
  const tracer = provider.getTracer("switchboard");
  return {
    tracer,
    startRootSpan(traceIdHex, start) {
      nextTraceId = TRACE_ID.test(traceIdHex) ? traceIdHex : null;
      try {
        return start(tracer);
      } finally {
        nextTraceId = null;
      }
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** The trace id of a record whose id is a prefix and 32 hex digits (`call_0193...`). */
export function traceIdOf(recordId: string): string {
  return recordId.slice(recordId.indexOf("_") + 1);
}
