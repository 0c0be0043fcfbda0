// A text conversation between one of our numbers and one sender: the messages between the two,
// newest back to the first silence longer than the idle timeout.
import { and, desc, eq, gte, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { smsMessages } from "../../db/schema.ts";
import type { ChatMessage } from "./llm-text.ts";

const MAX_HISTORY = 30;

export async function conversationHistory(
  db: Database,
  ourNumber: string,
  theirNumber: string,
  upTo: Date,
  idleS: number,
): Promise<ChatMessage[]> {
  const rows = await db
    .select({ direction: smsMessages.direction, body: smsMessages.body, createdAt: smsMessages.createdAt })
    .from(smsMessages)
    .where(
      and(
        or(
          and(eq(smsMessages.fromNumber, ourNumber), eq(smsMessages.toNumber, theirNumber)),
          and(eq(smsMessages.fromNumber, theirNumber), eq(smsMessages.toNumber, ourNumber)),
        ),
        // `upTo` comes back from the database in whole milliseconds while PostgreSQL keeps
        // microseconds: the message stamped `upTo` itself is only included up to the next one.
        lt(smsMessages.createdAt, new Date(upTo.getTime() + 1)),
      ),
    )
    .orderBy(desc(smsMessages.createdAt))
    .limit(MAX_HISTORY);
  const kept: typeof rows = [];
  let newer = upTo.getTime();
  for (const row of rows) {
    if (newer - row.createdAt.getTime() > idleS * 1000) break;
    kept.push(row);
    newer = row.createdAt.getTime();
  }
  return kept.reverse().map((row) => ({
    role: row.direction === "inbound" ? "user" : "assistant",
    content: row.body,
  }));
}

/** Replies the agent sent from `ourNumber` to `theirNumber` since `since`. */
export async function agentRepliesSince(db: Database, ourNumber: string, theirNumber: string, since: Date) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(smsMessages)
    .where(
      and(
        eq(smsMessages.fromNumber, ourNumber),
        eq(smsMessages.toNumber, theirNumber),
        gte(smsMessages.createdAt, since),
        sql`${smsMessages.metadata} ? 'agent_id'`,
      ),
    );
  return row?.count ?? 0;
}
