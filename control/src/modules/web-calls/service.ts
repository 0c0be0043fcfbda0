// Browser calls from the control side: call tokens for one call (minted with an API key or a
// publishable widget key) and the widget keys themselves, stored as SHA-256 hashes.

import type { Bus } from "@switchboard/shared/bus/contract";
import type { Config } from "@switchboard/shared/config";
import { ApiError, forbidden, notFound, validationFailed } from "@switchboard/shared/errors";
import { newId } from "@switchboard/shared/ids";
import { signCallToken } from "@switchboard/shared/secrets/call-token";
import { iceServersFromConfig } from "@switchboard/shared/webrtc/ice";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type ApiKeyRole, agents, widgetKeys } from "../../db/schema.ts";
import { selectPage } from "../../db/select-page.ts";
import { randomBase62, sha256Hex } from "../../http/crypto.ts";
import type { PageRequest } from "../../http/pagination.ts";
import { getAgentRow } from "../agents/service.ts";
import { roleAtLeast } from "../api-keys/service.ts";
import { dispatchLiveKitRoom, type LiveKitGrant } from "./livekit.ts";

export type WidgetKeyRow = typeof widgetKeys.$inferSelect;

const KEY_RANDOM_CHARS = 32; // 32 base62 chars = 190 bits
const VISIBLE_PREFIX_CHARS = 12;
const WIDGET_KEY_PATTERN = /^pk_live_[A-Za-z0-9]{32}$/;
const RATE_WINDOW_MS = 60_000;

interface CallGrant {
  token: string;
  call_id: string;
  agent_id: string;
  expires_at: string;
  whip_url: string;
  ice_servers: ReturnType<typeof iceServersFromConfig>;
}

function gatewayBaseUrl(config: Config): string {
  return config.gatewayPublicUrl ?? `http://localhost:${config.gatewayPort}`;
}

async function grant(
  config: Config,
  claims: { orgId: string; agentId: string; origin: string | null; metadata: Record<string, unknown> },
): Promise<CallGrant> {
  const callId = newId("call");
  const { token, expiresAt } = await signCallToken(config, { callId, ...claims }, config.webCallTokenTtlS);
  return {
    token,
    call_id: callId,
    agent_id: claims.agentId,
    expires_at: expiresAt.toISOString(),
    whip_url: `${gatewayBaseUrl(config)}/webrtc/calls`,
    ice_servers: iceServersFromConfig(config),
  };
}

/**
 * A token for one browser call to an agent of the API key's org (server side); with LiveKit
 * configured, also a room for the call that a gateway joins with the agent.
 */
export async function mintWebToken(
  db: Database,
  bus: Bus,
  config: Config,
  orgId: string,
  agentId: string,
  metadata: Record<string, unknown>,
): Promise<CallGrant & { livekit?: LiveKitGrant }> {
  const agent = await getAgentRow(db, orgId, agentId);
  if (!agent.isActive) throw new ApiError(409, "agent_inactive", "The agent is not active.");
  const call = await grant(config, { orgId, agentId, origin: null, metadata });
  if (!config.livekit) return call;
  const livekit = await dispatchLiveKitRoom(bus, config.livekit, {
    callId: call.call_id,
    orgId,
    agentId,
    metadata,
    expiresAt: new Date(call.expires_at),
  });
  return { ...call, livekit };
}

/** `scheme://host[:port]` exactly as browsers send it in Origin, or null. */
function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.origin !== value.replace(/\/$/, "")) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export async function createWidgetKey(
  db: Database,
  actor: { orgId: string; role: ApiKeyRole },
  input: { name: string; agentIds: string[]; allowedOrigins: string[] },
): Promise<{ row: WidgetKeyRow; key: string }> {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only owner and admin keys can manage widget keys.");
  const origins: string[] = [];
  const problems: { field: string; message: string }[] = [];
  input.allowedOrigins.forEach((value, index) => {
    const origin = normalizeOrigin(value);
    if (origin === null) {
      problems.push({
        field: `allowed_origins.${index}`,
        message: "must be an origin like https://example.com",
      });
    } else origins.push(origin);
  });
  const agentIds = [...new Set(input.agentIds)];
  const found = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.orgId, actor.orgId), inArray(agents.id, agentIds)));
  const known = new Set(found.map((row) => row.id));
  agentIds.forEach((agentId, index) => {
    if (!known.has(agentId)) problems.push({ field: `agent_ids.${index}`, message: "no such agent" });
  });
  if (problems.length > 0) throw validationFailed(problems);
  const key = `pk_live_${randomBase62(KEY_RANDOM_CHARS)}`;
  const [row] = await db
    .insert(widgetKeys)
    .values({
      id: newId("key"),
      orgId: actor.orgId,
      name: input.name,
      prefix: key.slice(0, VISIBLE_PREFIX_CHARS),
      secretHash: sha256Hex(key),
      agentIds,
      allowedOrigins: [...new Set(origins)],
    })
    .returning();
  return { row: row!, key };
}

export async function listWidgetKeys(
  db: Database,
  actor: { orgId: string; role: ApiKeyRole },
  page: PageRequest,
): Promise<WidgetKeyRow[]> {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only owner and admin keys can manage widget keys.");
  return selectPage(
    db.select().from(widgetKeys).$dynamic(),
    widgetKeys.id,
    eq(widgetKeys.orgId, actor.orgId),
    page,
  );
}

export async function revokeWidgetKey(
  db: Database,
  actor: { orgId: string; role: ApiKeyRole },
  id: string,
): Promise<void> {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only owner and admin keys can manage widget keys.");
  const [row] = await db
    .update(widgetKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(widgetKeys.orgId, actor.orgId), eq(widgetKeys.id, id), isNull(widgetKeys.revokedAt)))
    .returning({ id: widgetKeys.id });
  if (!row) throw notFound("Widget key");
}

/**
 * What a page's widget gets: a token for one call, if its key is live, names this agent and
 * lists the page's origin, and that key has not exceeded its per-origin rate.
 */
export async function mintWidgetToken(
  db: Database,
  bus: Bus,
  config: Config,
  input: { key: string; agentId: string; origin: string | null },
): Promise<CallGrant> {
  if (!WIDGET_KEY_PATTERN.test(input.key)) {
    throw new ApiError(401, "invalid_widget_key", "The widget key is not valid.");
  }
  const [row] = await db
    .select()
    .from(widgetKeys)
    .where(and(eq(widgetKeys.secretHash, sha256Hex(input.key)), isNull(widgetKeys.revokedAt)));
  if (!row) throw new ApiError(401, "invalid_widget_key", "The widget key is not valid.");
  const origin = input.origin === null ? null : normalizeOrigin(input.origin);
  if (origin === null || !row.allowedOrigins.includes(origin)) {
    throw new ApiError(403, "origin_not_allowed", "This page's origin may not use this widget key.");
  }
  if (!row.agentIds.includes(input.agentId)) {
    throw new ApiError(403, "agent_not_allowed", "This widget key may not call that agent.");
  }
  const window = await bus.incrementWindow(`widget:rate:${row.id}:${origin}`, RATE_WINDOW_MS);
  const limit = config.widgetRateLimitPerMinute;
  const resetS = Math.max(1, Math.ceil((window.resetAtMs - Date.now()) / 1000));
  if (window.count > limit) {
    throw new ApiError(
      429,
      "rate_limited",
      `Too many calls from this page; retry after ${resetS} s.`,
      undefined,
      {
        "retry-after": String(resetS),
        "ratelimit-limit": String(limit),
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(resetS),
        "ratelimit-policy": `${limit};w=${RATE_WINDOW_MS / 1000}`,
      },
    );
  }
  const agent = await getAgentRow(db, row.orgId, input.agentId).catch(() => null);
  if (!agent?.isActive) throw notFound("Agent");
  return grant(config, { orgId: row.orgId, agentId: input.agentId, origin, metadata: {} });
}
