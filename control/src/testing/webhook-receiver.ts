// Test support: a real HTTP receiver on loopback that answers from a script.
export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
  /** The answer's body; default "ok" for 200, "nope" otherwise. */
  body?: string;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** Responses for the next requests in order; then 200. */
  script: ScriptedResponse[];
  stop(): void;
}

export function startReceiver(script: ScriptedResponse[] = []): Receiver {
  const received: ReceivedWebhook[] = [];
  const state = { script };
  // A path of its own: a stray delivery aimed at an earlier receiver that had the same
  // ephemeral port (tests share one database and its outbox) is neither counted nor scripted.
  const path = `/hooks/${crypto.randomUUID()}`;
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      if (new URL(request.url).pathname !== path) return new Response("unknown receiver", { status: 404 });
      received.push({ headers: Object.fromEntries(request.headers.entries()), body: await request.text() });
      const next = state.script.shift() ?? { status: 200 };
      if (next.delayMs) await Bun.sleep(next.delayMs);
      return new Response(next.body ?? (next.status === 200 ? "ok" : "nope"), {
        status: next.status,
        headers: next.headers,
      });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}${path}`,
    received,
    get script() {
      return state.script;
    },
    set script(value) {
      state.script = value;
    },
    stop() {
      server.stop(true);
    },
  };
}
