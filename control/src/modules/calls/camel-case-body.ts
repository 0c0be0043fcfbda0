// The camelCase outbound body other platforms' clients send (`fromNumber`, `toNumber`, `agentId`), on
// POST /calls/outbound and /conversations/dispatch. It is translated to the canonical
// snake_case before the route validates, so both spellings reach the same schema and service.
// A body is one spelling or the other: a mix, or a field neither has, is a 422 naming it.
import { validationFailed } from "@switchboard/shared/errors";
import { getSchemaValidator, t, ValidationError } from "elysia";
import { outboundBody } from "./model.ts";

const SNAKE_OF = { agentId: "agent_id", toNumber: "to_number", fromNumber: "from_number" } as const;
type CamelField = keyof typeof SNAKE_OF;
const CAMEL_FIELDS = Object.keys(SNAKE_OF) as CamelField[];

/** The canonical fields' own rules under their camelCase names; `objective` and `metadata` are one word in both. */
export const camelCaseBody = t.Object(
  {
    agentId: outboundBody.properties.agent_id,
    toNumber: outboundBody.properties.to_number,
    fromNumber: outboundBody.properties.from_number,
    objective: outboundBody.properties.objective,
    metadata: outboundBody.properties.metadata,
    amd: outboundBody.properties.amd,
  },
  { additionalProperties: false },
);
// Checked as the app checks a route's body (unnormalized, control/src/app.ts), so a camelCase
// body gets the very errors its snake_case twin gets, under its own field names.
const camelCaseValidator = getSchemaValidator(camelCaseBody, {
  normalize: false,
  additionalProperties: false,
});
const KNOWN_FIELDS = new Set(Object.keys(camelCaseBody.properties));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Elysia `transform` hook: rewrites a camelCase body to snake_case before validation. */
export function acceptCamelCaseOutbound(context: { body: unknown }): void {
  const body = context.body;
  if (!isRecord(body)) return;
  const camel = CAMEL_FIELDS.filter((field) => field in body);
  if (camel.length === 0) return;
  const mixed = CAMEL_FIELDS.filter((field) => SNAKE_OF[field] in body);
  if (mixed.length > 0) {
    throw validationFailed(
      mixed.map((field) => ({
        field: SNAKE_OF[field],
        message: `cannot be mixed with the camelCase ${camel.join(", ")}; send ${field} instead`,
      })),
      "Send the body in snake_case or in camelCase, not a mix of both.",
    );
  }
  const unknown = Object.keys(body).filter((field) => !KNOWN_FIELDS.has(field));
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.map((field) => ({
        field,
        message: `is not a field of the camelCase body (${[...KNOWN_FIELDS].join(", ")})`,
      })),
      "The request body has fields the camelCase body does not have.",
    );
  }
  if (!camelCaseValidator.Check(body)) throw new ValidationError("body", camelCaseValidator, body);
  context.body = Object.fromEntries(
    Object.entries(body).map(([field, value]) => [SNAKE_OF[field as CamelField] ?? field, value]),
  );
}
