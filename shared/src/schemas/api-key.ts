// The API key, written once: the API's schemas and the api_keys role column derive from these.
import { type Static, Type } from "@sinclair/typebox";
import { DateTime, Nullable, STRICT, StringEnum } from "./kit.ts";

export const API_KEY_ROLES = ["owner", "admin", "member"] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const CreateApiKeyBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: "A name to recognise the key by." }),
    role: Type.Optional(
      StringEnum(API_KEY_ROLES, { default: "member", description: "owner, admin or member." }),
    ),
    expires_at: Type.Optional(Nullable(DateTime({ description: "When the key stops working." }))),
  },
  STRICT,
);

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: StringEnum(API_KEY_ROLES),
  prefix: Type.String({ description: "The first characters of the secret." }),
  created_at: DateTime(),
  last_used_at: Nullable(DateTime()),
  expires_at: Nullable(DateTime()),
  revoked_at: Nullable(DateTime()),
});

/** The key as created: with its secret, shown once. */
export const CreatedApiKeySchema = Type.Object({
  ...ApiKeySchema.properties,
  key: Type.String({ description: "The full secret. Shown only in this response." }),
});

export type CreateApiKeyBody = Static<typeof CreateApiKeyBodySchema>;
export type ApiKey = Static<typeof ApiKeySchema>;
export type CreatedApiKey = Static<typeof CreatedApiKeySchema>;
