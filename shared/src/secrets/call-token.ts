// Browser call tokens: a short-lived HS256 JWT (RFC 7519) that control mints for exactly one
// call and gateways verify with the shared secret. The key comes from WEB_CALL_SECRET, else
// from SECRET_KEY or the key file under DATA_DIR (what control's stored secrets use), each
// through HKDF-SHA256 so it is never the encryption key itself.
import { hkdfSync } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import type { Bus } from "../bus/contract.ts";
import type { Config } from "../config.ts";
import { keyFilePath, readOrCreateKeyFile } from "./key-file.ts";

const ISSUER = "switchboard";
const AUDIENCE = "web-call";
const KEY_BYTES = 32;

type TokenSecretConfig = Pick<Config, "webCallSecret" | "secretKey" | "dataDir">;

export interface WebCallClaims {
  callId: string;
  orgId: string;
  agentId: string;
  /** The page origin the call was granted to (widget keys); null for API-key tokens. */
  origin: string | null;
  /** Fills the agent's `{{name}}` placeholders for this call. */
  metadata: Record<string, unknown>;
  expiresAt: Date;
}

export class CallTokenError extends Error {
  constructor(
    readonly code: "token_expired" | "invalid_token",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Claims a browser call's one start (a WHIP offer, or its caller arriving in the call's LiveKit
 * room): true for the first claim only, on every gateway, while the token may still be used. A
 * lease capped at 1 in the call's own scope, not a counting window: fixed windows restart at
 * their boundaries, and one token must never start two calls.
 */
export async function claimCallStart(
  bus: Pick<Bus, "acquireLease">,
  callId: string,
  expiresAt: Date,
): Promise<boolean> {
  const scope = `webcall:start:${callId}`;
  const ttlMs = Math.max(1000, expiresAt.getTime() - Date.now() + 60_000);
  const grant = await bus.acquireLease(scope, crypto.randomUUID(), scope, 1, ttlMs);
  return grant.ok;
}

const keys = new Map<string, Uint8Array>();

function callTokenKey(config: TokenSecretConfig): Uint8Array {
  const keyFile = keyFilePath(config);
  const source = config.webCallSecret
    ? `web:${config.webCallSecret}`
    : config.secretKey
      ? `env:${config.secretKey}`
      : `file:${keyFile}`;
  let key = keys.get(source);
  if (!key) {
    const material = config.webCallSecret ?? config.secretKey ?? readOrCreateKeyFile(keyFile);
    key = new Uint8Array(hkdfSync("sha256", material, "switchboard", "web-call-token", KEY_BYTES));
    keys.set(source, key);
  }
  return key;
}

export async function signCallToken(
  config: TokenSecretConfig,
  claims: Omit<WebCallClaims, "expiresAt">,
  ttlS: number,
): Promise<{ token: string; expiresAt: Date }> {
  const nowS = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({
    org: claims.orgId,
    origin: claims.origin,
    metadata: claims.metadata,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.agentId)
    .setJti(claims.callId)
    .setIssuedAt(nowS)
    .setExpirationTime(nowS + ttlS)
    .sign(callTokenKey(config));
  return { token, expiresAt: new Date((nowS + ttlS) * 1000) };
}

export async function verifyCallToken(config: TokenSecretConfig, token: string): Promise<WebCallClaims> {
  try {
    const { payload } = await jwtVerify(token, callTokenKey(config), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    const { sub, jti, org, origin, metadata, exp } = payload;
    if (
      typeof sub !== "string" ||
      typeof jti !== "string" ||
      typeof org !== "string" ||
      typeof exp !== "number"
    ) {
      throw new CallTokenError("invalid_token", "the call token is missing claims");
    }
    return {
      callId: jti,
      orgId: org,
      agentId: sub,
      origin: typeof origin === "string" ? origin : null,
      metadata:
        metadata !== null && typeof metadata === "object" ? (metadata as Record<string, unknown>) : {},
      expiresAt: new Date(exp * 1000),
    };
  } catch (error) {
    if (error instanceof CallTokenError) throw error;
    if (error instanceof errors.JWTExpired)
      throw new CallTokenError("token_expired", "the call token has expired");
    throw new CallTokenError("invalid_token", "the call token is not valid");
  }
}
