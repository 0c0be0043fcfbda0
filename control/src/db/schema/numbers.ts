// Phone numbers: the platform's stock for sale, shared by all orgs, and the numbers each org owns.
import type { Forwarding } from "@switchboard/shared/schemas/phone-number";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { agents, orgs } from "../schema.ts";
import { createdAt } from "./columns.ts";

/** Numbers the platform can sell, shared by all orgs; `org_id` is set while an org owns one. */
export const numberInventory = pgTable(
  "number_inventory",
  {
    phoneNumber: text("phone_number").primaryKey(),
    country: text("country").notNull(),
    region: text("region"),
    /** Which NumberProvider sells it: `inventory` for the operator's own trunk numbers. */
    provider: text("provider").notNull().default("inventory"),
    orgId: text("org_id").references(() => orgs.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("number_inventory_available_idx").on(table.orgId, table.country)],
);

export const phoneNumbers = pgTable(
  "phone_numbers",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull().unique(),
    country: text("country").notNull(),
    region: text("region"),
    provider: text("provider").notNull(),
    status: text("status").$type<"active" | "suspended" | "pending">().notNull().default("active"),
    agentId: text("agent_id").references(() => agents.id, { onDelete: "set null" }),
    forwarding: jsonb("forwarding").$type<Forwarding | null>(),
    monthlyCostCents: integer("monthly_cost_cents").notNull(),
    renewsAt: timestamp("renews_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    index("phone_numbers_org_idx").on(table.orgId, table.id),
    index("phone_numbers_renews_idx").on(table.renewsAt),
  ],
);
