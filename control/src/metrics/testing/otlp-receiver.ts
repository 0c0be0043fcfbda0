// An OTLP/HTTP trace receiver on loopback for tests: takes the JSON export requests
// (POST /v1/traces, the exporter-trace-otlp-http default) and keeps their spans.
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
}

export interface OtlpReceiver {
  url: string;
  spans: ReceivedSpan[];
  stop(): void;
}

interface ExportRequest {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: Record<string, unknown> }[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        attributes?: { key: string; value: Record<string, unknown> }[];
      }[];
    }[];
  }[];
}

const firstValue = (value: Record<string, unknown>) => Object.values(value)[0];

export function startOtlpReceiver(): OtlpReceiver {
  const spans: ReceivedSpan[] = [];
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      if (request.method !== "POST" || new URL(request.url).pathname !== "/v1/traces")
        return new Response(null, { status: 404 });
      const body = (await request.json()) as ExportRequest;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(
          firstValue(
            resourceSpans.resource?.attributes?.find((a) => a.key === "service.name")?.value ?? {},
          ) ?? "",
        );
        for (const scope of resourceSpans.scopeSpans ?? [])
          for (const span of scope.spans ?? [])
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? "",
              name: span.name,
              attributes: Object.fromEntries(
                (span.attributes ?? []).map((a) => [a.key, firstValue(a.value)]),
              ),
            });
      }
      return Response.json({});
    },
  });
  return { url: `http://127.0.0.1:${server.port}`, spans, stop: () => server.stop(true) };
}
