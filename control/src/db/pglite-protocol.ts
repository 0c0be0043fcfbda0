// Messages between the event loop and the thread that runs PGlite (pglite-thread.ts).

export type RowMode = "object" | "array";

export type ThreadRequest =
  | { id: number; op: "open"; dataDir: string | null }
  | { id: number; op: "query"; sql: string; params: unknown[]; rowMode: RowMode; txId: number | null }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; txId: number; commit: boolean }
  | { id: number; op: "listen"; channel: string }
  | { id: number; op: "unlisten"; channel: string }
  | { id: number; op: "procedure"; module: string; name: string; input: unknown }
  | { id: number; op: "close" };

/**
 * A database error's name, message, fields (code, detail, constraint...) and cause (drizzle
 * wraps PostgreSQL's error in its own), rebuilt on the other side.
 */
export interface ThreadError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
  cause: ThreadError | null;
}

export type ThreadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ThreadError }
  | { notify: string };
