// An org's transcript redaction: the entity kinds masked in every turn before it is stored,
// and the org's own patterns. Applied once, where control persists turns, so webhooks,
// analysis and the API only ever see the masked text.
import { t } from "elysia";

export const REDACTION_ENTITIES = ["phone_number", "email", "card_number"] as const;
export type RedactionEntity = (typeof REDACTION_ENTITIES)[number];

/** Patterns are run on every turn: keep them few and short. */
const MAX_PATTERNS = 20;
const MAX_PATTERN_LENGTH = 200;

export const redactionSchema = t.Object(
  {
    entities: t.Array(t.UnionEnum([...REDACTION_ENTITIES]), {
      description:
        "Entity kinds masked in transcripts before they are stored (card numbers pass the Luhn check).",
    }),
    patterns: t.Array(t.String(), { description: "The org's own regular expressions, masked as well." }),
  },
  { description: "Transcript redaction. Empty: transcripts are stored as heard." },
);

export const redactionBody = t.Object(
  {
    entities: t.Array(t.UnionEnum([...REDACTION_ENTITIES]), {
      uniqueItems: true,
      maxItems: REDACTION_ENTITIES.length,
    }),
    patterns: t.Optional(
      t.Array(t.String({ minLength: 1, maxLength: MAX_PATTERN_LENGTH }), {
        maxItems: MAX_PATTERNS,
        description: "Regular expressions (JavaScript syntax, matched case-insensitively).",
      }),
    ),
  },
  { additionalProperties: false },
);

export interface RedactionPolicy {
  entities: RedactionEntity[];
  patterns: string[];
}

export function redactionOf(stored: Partial<RedactionPolicy> | null | undefined): RedactionPolicy {
  return { entities: stored?.entities ?? [], patterns: stored?.patterns ?? [] };
}
