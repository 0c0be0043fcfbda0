// The bench's webhook endpoint: each call.ended delivery, keyed by the caller's number, with
// the time the platform queued it (the payload's timestamp, written in the transaction that
// bills the call) and the time it arrived here.

export interface EndedDelivery {
  callId: string;
  fromNumber: string;
  durationS: number;
  costCents: number;
  /** Payload timestamp: when the call.ended event was applied and the call billed. */
  billedAtEpochMs: number;
  receivedAtEpochMs: number;
}

export interface BenchWebhookReceiver {
  url: string;
  /** call.ended deliveries by the caller's number (the first of any redelivery). */
  ended: Map<string, EndedDelivery>;
  stop(): void;
}

export function startBenchWebhookReceiver(): BenchWebhookReceiver {
  const ended = new Map<string, EndedDelivery>();
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const receivedAtEpochMs = Date.now();
      const payload = (await request.json()) as {
        type: string;
        timestamp: string;
        data: {
          id: string;
          from_number: string | null;
          duration_s: number | null;
          cost_cents: number | null;
        };
      };
      const from = payload.data.from_number;
      if (payload.type === "call.ended" && from && !ended.has(from)) {
        ended.set(from, {
          callId: payload.data.id,
          fromNumber: from,
          durationS: payload.data.duration_s ?? 0,
          costCents: payload.data.cost_cents ?? 0,
          billedAtEpochMs: Date.parse(payload.timestamp),
          receivedAtEpochMs,
        });
      }
      return new Response(null, { status: 204 });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/hooks`, ended, stop: () => server.stop(true) };
}
