// Tracing that keeps its finished spans in memory, for tests of the code that builds spans
// (the OTLP export itself is covered by the acceptance test's receiver).
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import type { Tracing } from "../tracing/tracer.ts";

export interface InMemoryTracing extends Tracing {
  finishedSpans(): ReadableSpan[];
}

export function startInMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const tracer = provider.getTracer("switchboard-test");
  return {
    tracer,
    startRootSpan: (_traceIdHex, start) => start(tracer),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
    finishedSpans: () => exporter.getFinishedSpans(),
  };
}
