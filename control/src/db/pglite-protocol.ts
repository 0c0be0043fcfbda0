// Messages between the event loop and the thread that runs PGlite (pglite-thread.ts).

export type RowMode = "object" | "array";

export type ThreadRequest =
  | { id: number; op: "open"; dataDir: string | null }
  | { id: number; op: "query"; sql: string; params: unknown[]; rowMode: RowMode; txId: number | null }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; txId: number; commit: boolean }
  | { id: number; op: "listen"; channel: string }
  | { id: number; op: "unlisten"; channel: string }
  | { id: number; op: "close" };

/** A database error's message and its fields (code, detail, constraint...), rebuilt on the other side. */
export interface ThreadError {
  message: string;
  fields: Record<string, unknown>;
}

export type ThreadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ThreadError }
  | { notify: string };
