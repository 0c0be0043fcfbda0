// The org's provider credential, written once: the API's schemas and the provider_credentials
// column type derive from these.
import { type Static, Type } from "@sinclair/typebox";
import { DateTime, Nullable, STRICT, StringEnum } from "./kit.ts";

export const PROVIDER_CREDENTIAL_KINDS = [
  "openai",
  "openai_compatible",
  "deepgram",
  "elevenlabs",
  "gemini",
  "custom",
  "twilio",
  "telnyx",
] as const;
export type ProviderCredentialKind = (typeof PROVIDER_CREDENTIAL_KINDS)[number];

/** POST /provider-credentials. */
export const CreateProviderCredentialBodySchema = Type.Object(
  {
    provider: StringEnum(PROVIDER_CREDENTIAL_KINDS, {
      description:
        "`openai`, `deepgram`, `elevenlabs`, `gemini` (Gemini Live, for realtime agents), `openai_compatible`: any OpenAI-compatible endpoint at `base_url` (vLLM, Ollama, Groq, Together...), `custom`: a key for your own tools' `secret_headers`, sent to no provider, or your own carrier account when the operator allows it (ORG_CARRIER_CREDENTIALS): `twilio` (`api_key` is `ACCOUNT_SID:AUTH_TOKEN`) or `telnyx` (its API key), used for your numbers and SMS.",
    }),
    api_key: Type.String({
      maxLength: 4000,
      description: "The provider's API key; empty for endpoints that need none (a local Ollama or vLLM).",
    }),
    base_url: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 2000,
          description:
            "`openai`, `openai_compatible` (required), and `twilio` / `telnyx` (a regional API host). Must be a public http(s) URL unless the operator set ALLOW_PRIVATE_URLS.",
        }),
      ),
    ),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  STRICT,
);

/** The credential as the API shows it: never the key, only its first characters. */
export const ProviderCredentialSchema = Type.Object({
  id: Type.String(),
  provider: StringEnum(PROVIDER_CREDENTIAL_KINDS),
  name: Type.String(),
  base_url: Nullable(Type.String()),
  api_key_prefix: Nullable(
    Type.String({ description: "The key's first characters; the key itself is never shown again." }),
  ),
  created_at: DateTime(),
});

export type CreateProviderCredentialBody = Static<typeof CreateProviderCredentialBodySchema>;
export type ProviderCredential = Static<typeof ProviderCredentialSchema>;
