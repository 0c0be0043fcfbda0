import { API_KEY_ROLES } from "@switchboard/shared/schemas/api-key";
import { t } from "elysia";
import type { UserRow } from "./service.ts";

export const userRole = t.UnionEnum([...API_KEY_ROLES], { description: "The same roles as API keys." });

export const userSchema = t.Object({
  id: t.String(),
  email: t.String(),
  name: t.String(),
  role: userRole,
  created_at: t.String({ format: "date-time" }),
  last_sign_in_at: t.Nullable(t.String({ format: "date-time" })),
});

export const presentUser = (row: UserRow) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  created_at: row.createdAt.toISOString(),
  last_sign_in_at: row.lastSignInAt?.toISOString() ?? null,
});

const emailed = t.Boolean({
  description: "The link was also sent by mail (SMTP_URL is configured and the server accepted it).",
});

export const linkSchema = t.Object({
  url: t.String({ description: "The one-time link to hand to the person; it is shown only here." }),
  expires_at: t.String({ format: "date-time" }),
  emailed,
});

export const invitationBody = t.Object(
  {
    email: t.String({ format: "email", maxLength: 320 }),
    // The default is named: without it the body's missing role would be filled with the enum's first value.
    role: t.Optional(
      t.UnionEnum([...API_KEY_ROLES], { default: "member", description: "member by default." }),
    ),
  },
  { additionalProperties: false },
);

export const invitationSchema = t.Object({
  id: t.String(),
  email: t.String(),
  role: userRole,
  url: t.String({ description: "The one-time invitation link, shown only here." }),
  expires_at: t.String({ format: "date-time" }),
  emailed,
});
