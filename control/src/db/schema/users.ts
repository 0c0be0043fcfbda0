// People who sign in to the dashboard, their sessions, and the one-time links (invitations,
// password resets, the first owner's set-up link) that let them in.
import type { ApiKeyRole } from "@switchboard/shared/schemas/api-key";
import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "../schema.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A person in one org, with the same roles as API keys. */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    /** Lower-cased; one account per address on the platform. */
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    role: text("role").$type<ApiKeyRole>().notNull(),
    /** Bun.password (argon2id) PHC string; never the password. */
    passwordHash: text("password_hash").notNull(),
    /** Failed sign-ins since the last success; reaching the limit locks the account for a while. */
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: at("locked_until"),
    createdAt: at("created_at").notNull().defaultNow(),
    lastSignInAt: at("last_sign_in_at"),
  },
  (table) => [
    uniqueIndex("users_email_idx").on(table.email),
    index("users_org_idx").on(table.orgId, table.id),
  ],
);

/** A signed-in browser. The cookie holds the token; only its SHA-256 is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** The synchronizer token every state-changing request of this session must echo. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
  },
  (table) => [
    uniqueIndex("sessions_token_idx").on(table.tokenHash),
    index("sessions_user_idx").on(table.userId),
  ],
);

export type UserLinkKind = "invite" | "reset";

/**
 * A one-time link: an invitation into an org with a role (the first owner's set-up link is an
 * owner invitation), or a password reset for an existing user. Only the token's SHA-256 is kept.
 */
export const userLinks = pgTable(
  "user_links",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    kind: text("kind").$type<UserLinkKind>().notNull(),
    tokenHash: text("token_hash").notNull(),
    /** Invitations: the address invited, or null for the set-up link (any address). */
    email: text("email"),
    role: text("role").$type<ApiKeyRole>(),
    /** Resets: whose password. */
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
  },
  (table) => [
    uniqueIndex("user_links_token_idx").on(table.tokenHash),
    index("user_links_org_idx").on(table.orgId),
  ],
);
