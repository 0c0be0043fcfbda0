import { STRICT } from "@switchboard/shared/schemas/kit";
import { t } from "elysia";
import type { WidgetKeyRow } from "./service.ts";

export const webTokenBody = t.Optional(
  t.Object(
    {
      metadata: t.Optional(
        t.Record(t.String(), t.Unknown(), {
          description: "Fills the agent's {{name}} placeholders for this call.",
        }),
      ),
    },
    STRICT,
  ),
);

const iceServerSchema = t.Object({
  urls: t.Array(t.String()),
  username: t.Optional(t.String()),
  credential: t.Optional(t.String()),
});

export const callGrantSchema = t.Object({
  token: t.String({ description: "Bearer token for one call; POST the SDP offer to whip_url with it." }),
  call_id: t.String(),
  agent_id: t.String(),
  expires_at: t.String({ format: "date-time" }),
  whip_url: t.String({ description: "WHIP endpoint on the gateway (POST application/sdp)." }),
  ice_servers: t.Array(iceServerSchema),
  livekit: t.Optional(
    t.Object(
      {
        url: t.String({ description: "The LiveKit server to connect the page to." }),
        room: t.String({ description: "A room for this call alone, named after call_id." }),
        token: t.String({
          description: "The caller's participant token for that room; expires with `token`.",
        }),
      },
      {
        description:
          "Present when the platform runs LiveKit: the call can go through this room instead of WHIP.",
      },
    ),
  ),
});

/** POST /widget/token, which parses its body itself so that every answer carries CORS headers. */
export const widgetTokenBody = t.Object({
  key: t.String({ description: "The publishable widget key (`pk_live_...`)." }),
  agent_id: t.String({ description: "An agent the key lists." }),
});

export const createWidgetKeyBody = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 100 }),
    agent_ids: t.Array(t.String({ minLength: 1 }), { minItems: 1, maxItems: 100 }),
    allowed_origins: t.Array(t.String({ minLength: 1, maxLength: 300 }), {
      minItems: 1,
      maxItems: 50,
      description: "Exact origins, e.g. https://www.example.com",
    }),
  },
  STRICT,
);

export const widgetKeySchema = t.Object({
  id: t.String(),
  name: t.String(),
  prefix: t.String(),
  agent_ids: t.Array(t.String()),
  allowed_origins: t.Array(t.String()),
  created_at: t.String({ format: "date-time" }),
  revoked_at: t.Nullable(t.String({ format: "date-time" })),
});

export const createdWidgetKeySchema = t.Composite([
  widgetKeySchema,
  t.Object({ key: t.String({ description: "The pk_live_ key. Shown only in this response." }) }),
]);

export function presentWidgetKey(row: WidgetKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    agent_ids: row.agentIds,
    allowed_origins: row.allowedOrigins,
    created_at: row.createdAt.toISOString(),
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
