// The org's tools catalogue: HTTP endpoints (and MCP servers) agents reference by id.
import type { ToolConfig, ToolType } from "@switchboard/shared/schemas/tool";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "../schema.ts";

export const tools = pgTable(
  "tools",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    type: text("type").$type<ToolType>().notNull(),
    /** The function name the model sees; unique in the org. */
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Method, URL, headers, parameters, timeout and waiting message (`http`); URL, transport, headers (`mcp`). */
    config: jsonb("config").$type<ToolConfig>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("tools_org_name_idx").on(table.orgId, table.name),
    index("tools_org_idx").on(table.orgId, table.id),
  ],
);
