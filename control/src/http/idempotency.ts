import { ApiError } from "@switchboard/shared/errors";
import { and, eq, lt } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema.ts";
import { sha256Hex } from "./crypto.ts";

const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A first request still "in flight" after this long died with its process: the key is free again. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

/**
 * Stripe's semantics for `Idempotency-Key` on POST: the first response is stored and replayed
 * for 24 h; the same key with a different request is a 422; a retry while the first is still
 * running is a 409. Server errors (5xx) are not stored, so the client may retry them.
 */
export class Idempotency {
  constructor(private readonly db: Database) {}

  async run(
    orgId: string,
    key: string,
    request: Request,
    bodyText: string,
    handle: () => Promise<Response>,
  ): Promise<Response> {
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new ApiError(
        400,
        "invalid_idempotency_key",
        `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`,
      );
    }
    const url = new URL(request.url);
    const requestHash = sha256Hex(`${request.method}\n${url.pathname}\n${bodyText}`);
    const claimed = await this.claim(orgId, key, requestHash);
    if (!claimed) return this.replay(orgId, key, requestHash);

    let response: Response;
    try {
      response = await handle();
    } catch (error) {
      await this.release(orgId, key);
      throw error;
    }
    if (response.status >= 500) {
      await this.release(orgId, key);
      return response;
    }
    const body = await response.text();
    await this.db
      .update(idempotencyKeys)
      .set({
        responseStatus: response.status,
        responseBody: body,
        responseContentType: response.headers.get("content-type"),
      })
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
    return new Response(body, { status: response.status, headers: response.headers });
  }

  private async claim(orgId: string, key: string, requestHash: string): Promise<boolean> {
    const inserted = await this.db
      .insert(idempotencyKeys)
      .values({ orgId, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return true;
    // Expired or abandoned entries are taken over in place.
    const nowMs = Date.now();
    const [existing] = await this.select(orgId, key);
    if (!existing) return this.claim(orgId, key, requestHash);
    const ageMs = nowMs - existing.createdAt.getTime();
    const stale =
      ageMs > REPLAY_WINDOW_MS || (existing.responseStatus === null && ageMs > ABANDONED_AFTER_MS);
    if (!stale) return false;
    const taken = await this.db
      .update(idempotencyKeys)
      .set({
        requestHash,
        responseStatus: null,
        responseBody: null,
        responseContentType: null,
        createdAt: new Date(),
      })
      .where(
        and(
          eq(idempotencyKeys.orgId, orgId),
          eq(idempotencyKeys.key, key),
          eq(idempotencyKeys.createdAt, existing.createdAt),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    return taken.length > 0;
  }

  private select(orgId: string, key: string) {
    return this.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
  }

  private async replay(orgId: string, key: string, requestHash: string): Promise<Response> {
    const [existing] = await this.select(orgId, key);
    if (!existing) throw new ApiError(409, "idempotency_key_in_use", "Retry the request.");
    if (existing.requestHash !== requestHash) {
      throw new ApiError(
        422,
        "idempotency_key_reused",
        "This Idempotency-Key was used with a different request. Use a new key for a new request.",
      );
    }
    if (existing.responseStatus === null) {
      throw new ApiError(
        409,
        "idempotency_key_in_use",
        "A request with this Idempotency-Key is still being processed. Retry shortly.",
        undefined,
        { "retry-after": "1" },
      );
    }
    const headers: Record<string, string> = { "idempotent-replayed": "true" };
    if (existing.responseContentType) headers["content-type"] = existing.responseContentType;
    return new Response(existing.responseBody, { status: existing.responseStatus, headers });
  }

  private async release(orgId: string, key: string): Promise<void> {
    await this.db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
  }

  /** Drops entries past the replay window. */
  async sweep(): Promise<void> {
    await this.db
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, new Date(Date.now() - REPLAY_WINDOW_MS)));
  }
}
