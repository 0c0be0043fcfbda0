// Opt-out keywords (CTIA Messaging Principles; Twilio's and Telnyx's default handling): a message
// that is exactly one of them, trimmed and in any case, stops or restarts messages from that
// number to its sender. Honoured before any agent sees the message and before every send.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { smsOptOuts } from "../../db/schema.ts";

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const START_WORDS = new Set(["START", "UNSTOP", "YES", "OPTIN"]);

export type OptKeyword = "stop" | "start" | null;

export function optKeyword(body: string): OptKeyword {
  const word = body
    .trim()
    .replace(/[.!]+$/, "")
    .toUpperCase();
  if (STOP_WORDS.has(word)) return "stop";
  if (START_WORDS.has(word)) return "start";
  return null;
}

export async function recordOptOut(
  db: Database,
  orgId: string,
  ourNumber: string,
  theirNumber: string,
): Promise<void> {
  await db.insert(smsOptOuts).values({ orgId, ourNumber, theirNumber }).onConflictDoNothing();
}

export async function removeOptOut(db: Database, ourNumber: string, theirNumber: string): Promise<void> {
  await db
    .delete(smsOptOuts)
    .where(and(eq(smsOptOuts.ourNumber, ourNumber), eq(smsOptOuts.theirNumber, theirNumber)));
}

export async function isOptedOut(db: Database, ourNumber: string, theirNumber: string): Promise<boolean> {
  const [row] = await db
    .select({ ourNumber: smsOptOuts.ourNumber })
    .from(smsOptOuts)
    .where(and(eq(smsOptOuts.ourNumber, ourNumber), eq(smsOptOuts.theirNumber, theirNumber)));
  return row !== undefined;
}
