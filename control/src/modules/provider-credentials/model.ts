import { t } from "elysia";
import { providerCredentialKinds } from "../../db/schema.ts";

export const createCredentialBody = t.Object({
  provider: t.UnionEnum([...providerCredentialKinds], {
    description:
      "`openai`, `deepgram`, `elevenlabs`, `gemini` (Gemini Live, for realtime agents), or `openai_compatible`: any OpenAI-compatible endpoint at `base_url` (vLLM, Ollama, Groq, Together...).",
  }),
  api_key: t.String({
    maxLength: 4000,
    description: "The provider's API key; empty for endpoints that need none (a local Ollama or vLLM).",
  }),
  base_url: t.Optional(
    t.Nullable(
      t.String({
        maxLength: 2000,
        description:
          "`openai` and `openai_compatible` only (required for the latter). Must be a public http(s) URL unless the operator set ALLOW_PRIVATE_URLS.",
      }),
    ),
  ),
  name: t.Optional(t.String({ minLength: 1, maxLength: 200 })),
});

export const credentialSchema = t.Object({
  id: t.String(),
  provider: t.UnionEnum([...providerCredentialKinds]),
  name: t.String(),
  base_url: t.Nullable(t.String()),
  api_key_prefix: t.Nullable(
    t.String({ description: "The key's first characters; the key itself is never shown again." }),
  ),
  created_at: t.String({ format: "date-time" }),
});

export type CreateCredentialInput = typeof createCredentialBody.static;
export type CredentialResponse = typeof credentialSchema.static;
