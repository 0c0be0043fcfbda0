// The API key's schemas are written once, in shared (schemas/api-key.ts).
import {
  type ApiKey,
  ApiKeySchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
} from "@switchboard/shared/schemas/api-key";
import type { ApiKeyRow } from "./service.ts";

export const createApiKeyBody = CreateApiKeyBodySchema;
export const apiKeySchema = ApiKeySchema;
export const createdApiKeySchema = CreatedApiKeySchema;

export function presentApiKey(row: ApiKeyRow): ApiKey {
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
