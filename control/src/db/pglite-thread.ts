// PGlite runs PostgreSQL compiled to WebAssembly: every query, and every commit's write to
// disk, runs on the thread that calls it. On the embedded default that thread also serves SIP,
// RTP and the turn pipeline, so each database call would hold them up. PgliteThread runs PGlite
// on a worker thread and offers drizzle's PGlite driver the part of its interface the driver
// uses (query, transaction, listen, close). A query resolves after PGlite has answered (a
// commit, after it is written), as it would in process. Each statement is a round trip to the
// thread; a hot path of many statements runs there whole as a procedure (procedure.ts).

import type { RowMode, ThreadError, ThreadReply, ThreadRequest } from "./pglite-protocol.ts";

type Request = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface QueryOptions {
  rowMode?: RowMode;
}

/** A transaction as drizzle's PGlite session uses it: queries only. */
export interface ThreadTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<unknown>;
}

function rebuiltError(error: ThreadError): Error {
  const rebuilt = new Error(error.message, error.cause ? { cause: rebuiltError(error.cause) } : undefined);
  rebuilt.name = error.name;
  return Object.assign(rebuilt, error.fields);
}

export class PgliteThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Map<string, Set<() => void>>();

  private constructor() {
    this.worker = new Worker(new URL("./pglite-thread-worker.ts", import.meta.url).href);
    this.worker.onmessage = (event: MessageEvent<ThreadReply>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      const error = new Error(`PGlite thread failed: ${event.message}`);
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
  }

  /** PGlite under `dataDir`, or in memory when null, on a thread of its own. */
  static async open(dataDir: string | null): Promise<PgliteThread> {
    const thread = new PgliteThread();
    try {
      await thread.send({ op: "open", dataDir });
    } catch (error) {
      thread.worker.terminate();
      throw error;
    }
    return thread;
  }

  query(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<unknown> {
    return this.send({ op: "query", sql, params, rowMode: options.rowMode ?? "object", txId: null });
  }

  /** Commits when `callback` resolves, rolls back when it throws. */
  async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const txId = (await this.send({ op: "begin" })) as number;
    const tx: ThreadTransaction = {
      query: (sql, params = [], options = {}) =>
        this.send({ op: "query", sql, params, rowMode: options.rowMode ?? "object", txId }),
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await this.send({ op: "end", txId, commit: false }).catch(() => {});
      throw error;
    }
    await this.send({ op: "end", txId, commit: true });
    return result;
  }

  /** Runs a database procedure (procedure.ts) on the thread; resolves with its result. */
  procedure(module: string, name: string, input: unknown): Promise<unknown> {
    return this.send({ op: "procedure", module, name, input });
  }

  /** Calls `onNotify` on each NOTIFY on `channel`; resolves to the function that stops it. */
  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    let callbacks = this.listeners.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.listeners.set(channel, callbacks);
      await this.send({ op: "listen", channel });
    }
    callbacks.add(onNotify);
    return async () => {
      callbacks.delete(onNotify);
      if (callbacks.size > 0 || this.listeners.get(channel) !== callbacks) return;
      this.listeners.delete(channel);
      await this.send({ op: "unlisten", channel });
    };
  }

  async close(): Promise<void> {
    try {
      await this.send({ op: "close" });
    } finally {
      this.worker.terminate();
    }
  }

  private send(request: Request): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private receive(reply: ThreadReply): void {
    if ("notify" in reply) {
      for (const callback of this.listeners.get(reply.notify) ?? []) callback();
      return;
    }
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(rebuiltError(reply.error));
  }
}
