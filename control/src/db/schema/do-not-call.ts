// The org's do-not-call list: numbers no outbound call or campaign may dial.
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "../schema.ts";

export type DoNotCallSource = "api" | "call";

export const doNotCall = pgTable(
  "do_not_call",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    /** E.164. */
    phoneNumber: text("phone_number").notNull(),
    reason: text("reason"),
    /** `call`: the callee asked during a call (the agent's add_to_do_not_call tool). */
    source: text("source").$type<DoNotCallSource>().notNull(),
    callId: text("call_id"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("do_not_call_org_number_idx").on(table.orgId, table.phoneNumber),
    index("do_not_call_org_idx").on(table.orgId, table.id),
  ],
);
