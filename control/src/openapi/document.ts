// `/openapi.json` (OpenAPI 3.1) and the `/docs` page, generated from the route schemas by
// @elysiajs/openapi and completed by finalize.ts. What is declared once for the whole
// document lives here: tags, security schemes, the Problem schema, the Idempotency-Key
// parameter and the rate-limit headers.
import { openapi } from "@elysiajs/openapi";
import { Elysia } from "elysia";
import { offlineScalarOptions } from "../modules/docs/routes.ts";
import { finalizeDocument } from "./finalize.ts";

const SPEC_PATH = "/openapi.json";

/** Every tag an operation may carry, in the order the reference page lists them. */
const TAGS = [
  {
    name: "Agents",
    description: "Voice agents: prompt, voice, LLM, speech-to-text, turn-taking, tools and knowledge.",
  },
  {
    name: "Calls",
    description:
      "Inbound, outbound and browser calls with their transcripts, per-turn latency and recordings.",
  },
  {
    name: "Phone numbers",
    description:
      "Search, buy, attach to an agent, forward and release numbers; charged monthly from credits.",
  },
  {
    name: "SMS",
    description:
      "Text from and to the org's numbers through their carrier, charged per segment; STOP and START honoured.",
  },
  {
    name: "Campaigns",
    description:
      "Outbound calls at volume: lead lists, paced dispatch within calling windows, retries, counts by state and outcome.",
  },
  {
    name: "Tools",
    description:
      "HTTP tools and MCP servers agents reference by id (`tool_ids`), and the built-in tools every agent can use.",
  },
  {
    name: "Do not call",
    description: "Numbers no outbound call or campaign of the org dials.",
  },
  {
    name: "Knowledge",
    description: "Text, web pages and files the agents retrieve from during calls, and sync by your own ids.",
  },
  {
    name: "Webhooks",
    description:
      "Signed (Standard Webhooks) call, SMS, number and credit events, retried from a durable outbox.",
  },
  {
    name: "Credits",
    description: "The prepaid balance calls and numbers are charged from, its ledger and alerts.",
  },
  { name: "API keys", description: "Secret `sk_live_` keys with a role (owner, admin, member), shown once." },
  {
    name: "Provider credentials",
    description: "The org's own keys for LLM, speech-to-text and voice providers, named by agents.",
  },
  {
    name: "Trunks",
    description: "The org's own SIP carriers: inbound allow-lists and digest auth, outbound routes.",
  },
  {
    name: "Browser calls",
    description: "Call tokens for WebRTC calls from a web page, and publishable widget keys.",
  },
  { name: "Analytics", description: "Call counts, minutes, spend and turn latency over a time window." },
  {
    name: "Users",
    description: "The people who sign in to the dashboard: roles, invitations and password resets by link.",
  },
  {
    name: "Sign-in",
    description: "The dashboard's session cookie: sign in, use a link, sign out. No API key.",
  },
  { name: "Org", description: "The org the key belongs to, and its request-signing secret." },
  {
    name: "Admin",
    description:
      "The operator's routes (tenants, their keys, caps, rates and credits), with `ADMIN_API_KEY`.",
  },
  { name: "Health", description: "Liveness and readiness probes, without a key." },
];

const RATE_LIMIT_HEADER = (description: string, type: "integer" | "string") => ({
  description,
  schema: { type },
});

type Documentation = NonNullable<NonNullable<Parameters<typeof openapi>[0]>["documentation"]>;

const documentation: Documentation = {
  openapi: "3.1.0",
  info: {
    title: "Switchboard API",
    version: "1.0.0",
    description:
      "Voice AI agents over SIP trunks and WebRTC. Authenticate with `Authorization: Bearer sk_live_...`. " +
      "Errors are RFC 9457 problem+json with a stable `code`. POST accepts `Idempotency-Key`.",
  },
  servers: [{ url: "/", description: "This server." }],
  tags: TAGS,
  security: [{ bearer: [] }],
  components: {
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "sk_live_...",
        description: "A tenant API key (POST /api/v1/api-keys): acts as its org, with its role.",
      },
      admin: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "sk_admin_...",
        description: "The operator's key, ADMIN_API_KEY: only for /api/v1/admin.",
      },
    },
    schemas: {
      Problem: {
        type: "object",
        description: "RFC 9457 problem details with a stable machine-readable `code`.",
        required: ["type", "title", "status", "detail", "code"],
        properties: {
          type: {
            type: "string",
            description: "A URI reference naming the code.",
            examples: ["/docs/errors#not_found"],
          },
          title: { type: "string", description: "The status's reason phrase." },
          status: { type: "integer", minimum: 400, maximum: 599 },
          detail: {
            type: "string",
            description: "What went wrong, for a person; never echoes a rejected value.",
          },
          code: { type: "string", description: "Stable: match on this.", examples: ["validation_failed"] },
          errors: {
            type: "array",
            description: "Field problems: `field` is a dotted path into the request (`llm.temperature`).",
            items: {
              type: "object",
              required: ["field", "message"],
              properties: { field: { type: "string" }, message: { type: "string" } },
            },
          },
        },
      },
    },
    parameters: {
      IdempotencyKey: {
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description:
          "Up to 255 characters, scoped to the org. The first response is replayed for 24 hours (with " +
          "`Idempotent-Replayed: true`); the same key with another request is a 422 `idempotency_key_reused`, " +
          "a retry while the first is still running a 409 `idempotency_key_in_use`. 5xx answers are not stored.",
        schema: { type: "string", minLength: 1, maxLength: 255 },
      },
    },
    headers: {
      "Retry-After": RATE_LIMIT_HEADER("Seconds to wait before retrying.", "integer"),
      "RateLimit-Limit": RATE_LIMIT_HEADER("Requests allowed per window.", "integer"),
      "RateLimit-Remaining": RATE_LIMIT_HEADER("Requests left in the current window.", "integer"),
      "RateLimit-Reset": RATE_LIMIT_HEADER("Seconds until the window resets.", "integer"),
      "RateLimit-Policy": RATE_LIMIT_HEADER(
        "The policy: `<limit>;w=<window seconds>`, e.g. `100;w=60`.",
        "string",
      ),
    },
  },
};

// @elysiajs/openapi keeps the generated document and returns that same object until routes
// change; the finalized copy is kept beside it.
const finalized = new WeakMap<object, unknown>();

/** The reference page at /docs and the finalized document at /openapi.json. */
export function apiDocs() {
  return new Elysia({ name: "api-docs" })
    .onAfterHandle(({ path, response }) => {
      if (path !== SPEC_PATH || typeof response !== "object" || response === null) return;
      let document = finalized.get(response);
      if (!document) {
        document = finalizeDocument(response);
        finalized.set(response, document);
      }
      return document;
    })
    .use(
      openapi({
        path: "/docs",
        specPath: SPEC_PATH,
        scalar: offlineScalarOptions,
        documentation,
      }),
    );
}
