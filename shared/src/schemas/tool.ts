// A tool of the org's catalogue (`/tools`), referenced by agents through `tool_ids`. The
// snapshot a gateway runs carries each referenced tool resolved into an agent tool entry.
import { type Static, Type } from "@sinclair/typebox";
import { MCP_TRANSPORTS, McpListedToolSchema, SecretHeadersSchema, TOOL_METHODS } from "./agent.ts";
import { DateTime, JsonObject, StringEnum } from "./kit.ts";

export const CATALOGUE_TOOL_TYPES = ["http", "mcp"] as const;
export type ToolType = (typeof CATALOGUE_TOOL_TYPES)[number];

/** Built into every agent's runtime; listed read-only by GET /tools/built-ins. */
export const BUILT_IN_TOOLS = [
  { name: "end_call", description: "Hang up once the agent's last words were heard." },
  { name: "transfer_call", description: "Blind transfer (SIP REFER) to a number or SIP URI." },
  { name: "send_dtmf", description: "Send keypad tones to the other side (RFC 4733)." },
  {
    name: "warm_transfer",
    description:
      "Put the caller on hold, dial a number or SIP URI, brief the person who answers with a summary of the call, and connect them once they accept (keypad 1 or yes).",
  },
  {
    name: "send_sms",
    description:
      "Text the other side of a phone call (or a number the model names) from the call's number, billed per segment; needs a number that can text.",
  },
] as const;

/** Built-ins that need the call's number to send SMS through a carrier. */
export const SMS_BUILT_IN_TOOLS: ReadonlySet<string> = new Set(["send_sms"]);

const toolName = Type.String({
  pattern: "^[a-zA-Z0-9_-]{1,64}$",
  description: "The function name the model sees; unique among the org's tools.",
});

const configFields = {
  method: StringEnum(TOOL_METHODS, { description: "Default POST." }),
  url: Type.String({
    format: "uri",
    maxLength: 2000,
    description: "Called through the outbound URL guard: no private, loopback or metadata addresses.",
  }),
  headers: Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 4000 }), {
    maxProperties: 20,
    description: "Sent with every request.",
  }),
  parameters: JsonObject({ description: "The JSON Schema of the arguments the model sends." }),
  timeout_ms: Type.Integer({ minimum: 100, maximum: 60000 }),
  waiting_message: Type.String({
    maxLength: 500,
    description: "What the agent says while a slow call is in progress.",
  }),
  transport: StringEnum(MCP_TRANSPORTS, {
    description: "`mcp`: Streamable HTTP or the older HTTP+SSE transport; default streamable_http.",
  }),
};

export const ToolConfigSchema = Type.Object({
  method: Type.Optional(configFields.method),
  url: configFields.url,
  headers: Type.Optional(configFields.headers),
  secret_headers: Type.Optional(SecretHeadersSchema),
  parameters: Type.Optional(configFields.parameters),
  timeout_ms: Type.Optional(configFields.timeout_ms),
  waiting_message: Type.Optional(configFields.waiting_message),
  transport: Type.Optional(configFields.transport),
});

/** What control keeps on an `mcp` tool: its configuration and the server's last tool listing. */
export type ToolConfig = Static<typeof ToolConfigSchema> & {
  mcp_tools?: Static<typeof McpListedToolSchema>[];
  mcp_listed_at?: string;
};

export const ToolSchema = Type.Object({
  id: Type.String(),
  type: StringEnum(CATALOGUE_TOOL_TYPES),
  name: toolName,
  description: Type.String({ maxLength: 2000 }),
  ...ToolConfigSchema.properties,
  mcp_tools: Type.Optional(
    Type.Array(McpListedToolSchema, {
      description: "`mcp`: the server's tools as last listed (on create, update and refresh).",
    }),
  ),
  mcp_listed_at: Type.Optional(DateTime({ description: "`mcp`: when the server's tools were listed." })),
  created_at: DateTime(),
  updated_at: DateTime(),
});
export type Tool = Static<typeof ToolSchema>;

export const CreateToolBodySchema = Type.Object(
  {
    type: StringEnum(CATALOGUE_TOOL_TYPES),
    name: toolName,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    ...ToolConfigSchema.properties,
  },
  { additionalProperties: false },
);
export type CreateToolBody = Static<typeof CreateToolBodySchema>;

export const UpdateToolBodySchema = Type.Partial(
  Type.Object(
    {
      name: toolName,
      description: Type.String({ maxLength: 2000 }),
      ...ToolConfigSchema.properties,
    },
    { additionalProperties: false },
  ),
);
export type UpdateToolBody = Static<typeof UpdateToolBodySchema>;
