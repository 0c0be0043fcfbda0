// The OpenTelemetry API as control and the gateway use it (the SDK itself is loaded by
// tracer.ts only when tracing is on).
import { type Context, ROOT_CONTEXT, type Span, trace } from "@opentelemetry/api";

export { type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";

/** A context whose active span is `span`: the parent for the spans started with it. */
export function contextWith(span: Span): Context {
  return trace.setSpan(ROOT_CONTEXT, span);
}
