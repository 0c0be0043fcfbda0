import type { Bus } from "@switchboard/shared/bus/contract";
import { Channels } from "@switchboard/shared/bus/topics";
import { API_KEY_PATTERN } from "@switchboard/shared/config";
import { ApiError } from "@switchboard/shared/errors";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { type ApiKeyRole, apiKeys } from "../db/schema.ts";
import { hashSecret } from "../modules/api-keys/service.ts";
import { constantTimeEqual } from "./crypto.ts";

export interface AuthContext {
  orgId: string;
  keyId: string;
  role: ApiKeyRole;
}

interface CachedKey extends AuthContext {
  secretHash: string;
  expiresAtMs: number | null;
  revoked: boolean;
  cachedAtMs: number;
}

const CACHE_TTL_MS = 60_000;
const NEGATIVE_CACHE_TTL_MS = 10_000;
const MAX_CACHE_ENTRIES = 50_000;
const LAST_USED_WRITE_INTERVAL_MS = 60_000;
const ECHO_TIMEOUT_MS = 2000;

const unauthorized = (detail: string) =>
  new ApiError(401, "invalid_api_key", detail, undefined, { "www-authenticate": 'Bearer realm="api"' });

/**
 * Authenticates `Authorization: Bearer sk_live_...` without touching the database on the hot
 * path: keys are cached by hash, revocations arrive through the bus, and `last_used_at` is
 * written at most once a minute per key.
 */
export class Authenticator {
  private readonly cache = new Map<string, CachedKey>();
  private readonly misses = new Map<string, number>();
  private readonly lastUsedWrites = new Map<string, number>();
  private readonly echoWaiters = new Map<string, () => void>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly db: Database,
    private readonly bus: Bus,
    /** The clock keys expire and caches age by (tests move it). */
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(Channels.apiKeyInvalidated, (message) => {
      try {
        const { key_id: keyId, nonce } = JSON.parse(message) as { key_id: string; nonce?: string };
        this.forgetKey(keyId);
        if (nonce) this.echoWaiters.get(nonce)?.();
      } catch {
        // A malformed message invalidates nothing; the cache TTL bounds the damage.
      }
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }

  forgetKey(keyId: string): void {
    for (const [hash, entry] of this.cache) if (entry.keyId === keyId) this.cache.delete(hash);
  }

  /** Waits until this instance has received its own invalidation message. */
  awaitEcho = (nonce: string): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ECHO_TIMEOUT_MS);
      const waiters = this.echoWaiters;
      function done() {
        clearTimeout(timer);
        waiters.delete(nonce);
        resolve();
      }
      waiters.set(nonce, done);
    });

  async authenticate(authorization: string | null): Promise<AuthContext> {
    if (!authorization)
      throw unauthorized("Missing API key. Send it as `Authorization: Bearer sk_live_...`.");
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthorized("Malformed Authorization header. Expected `Bearer sk_live_...`.");
    const secret = match[1]!;
    if (!API_KEY_PATTERN.test(secret)) throw unauthorized("Malformed API key. Keys start with sk_live_.");
    const hash = hashSecret(secret);
    const nowMs = this.now();

    let entry = this.cache.get(hash);
    if (entry && nowMs - entry.cachedAtMs > CACHE_TTL_MS) entry = undefined;
    if (!entry) {
      const missAtMs = this.misses.get(hash);
      if (missAtMs !== undefined && nowMs - missAtMs < NEGATIVE_CACHE_TTL_MS) throw this.invalid();
      entry = await this.load(hash, nowMs);
      if (!entry) {
        if (this.misses.size >= MAX_CACHE_ENTRIES) this.misses.clear();
        this.misses.set(hash, nowMs);
        throw this.invalid();
      }
    }
    if (!constantTimeEqual(entry.secretHash, hash)) throw this.invalid();
    if (entry.revoked) throw unauthorized("This API key has been revoked.");
    if (entry.expiresAtMs !== null && entry.expiresAtMs <= nowMs)
      throw unauthorized("This API key has expired.");
    this.touch(entry.keyId, nowMs);
    return { orgId: entry.orgId, keyId: entry.keyId, role: entry.role };
  }

  private invalid(): ApiError {
    return unauthorized("Invalid API key.");
  }

  private async load(hash: string, nowMs: number): Promise<CachedKey | undefined> {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.secretHash, hash));
    if (!row) return undefined;
    const entry: CachedKey = {
      orgId: row.orgId,
      keyId: row.id,
      role: row.role,
      secretHash: row.secretHash,
      expiresAtMs: row.expiresAt?.getTime() ?? null,
      revoked: row.revokedAt !== null,
      cachedAtMs: nowMs,
    };
    if (this.cache.size >= MAX_CACHE_ENTRIES) this.cache.clear();
    this.cache.set(hash, entry);
    return entry;
  }

  private touch(keyId: string, nowMs: number): void {
    const last = this.lastUsedWrites.get(keyId);
    if (last !== undefined && nowMs - last < LAST_USED_WRITE_INTERVAL_MS) return;
    this.lastUsedWrites.set(keyId, nowMs);
    this.db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(nowMs) })
      .where(eq(apiKeys.id, keyId))
      .catch(() => {
        this.lastUsedWrites.delete(keyId);
      });
  }
}
