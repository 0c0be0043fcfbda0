import { t } from "elysia";
import { apiKeyRoles } from "../../db/schema.ts";
import type { ApiKeyRow } from "./service.ts";

export const createApiKeyBody = t.Object({
  name: t.String({ minLength: 1, maxLength: 100, description: "A name to recognise the key by." }),
  role: t.Optional(
    t.UnionEnum([...apiKeyRoles], { default: "member", description: "owner, admin or member." }),
  ),
  expires_at: t.Optional(
    t.Nullable(t.String({ format: "date-time", description: "When the key stops working." })),
  ),
});

export const apiKeySchema = t.Object({
  id: t.String(),
  name: t.String(),
  role: t.UnionEnum([...apiKeyRoles]),
  prefix: t.String({ description: "The first characters of the secret." }),
  created_at: t.String({ format: "date-time" }),
  last_used_at: t.Nullable(t.String({ format: "date-time" })),
  expires_at: t.Nullable(t.String({ format: "date-time" })),
  revoked_at: t.Nullable(t.String({ format: "date-time" })),
});

export const createdApiKeySchema = t.Composite([
  apiKeySchema,
  t.Object({ key: t.String({ description: "The full secret. Shown only in this response." }) }),
]);

export function presentApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    expires_at: row.expiresAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
