// HTTP Digest for SIP (RFC 3261 §22, RFC 7616, RFC 8760 for SHA-256): stateless nonces for
// the server side, response computation for the client side.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { computeHa1, type DigestAlgorithm, digestHash } from "@switchboard/shared/sip/digest-hash";
import { splitHeaderList } from "./headers.ts";

/** Parses `Digest k=v, k="v"` into lower-case keys; null when it is not a Digest header. */
export function parseDigestParams(header: string): Map<string, string> | null {
  const match = /^\s*Digest\s+(.*)$/is.exec(header);
  if (!match) return null;
  const params = new Map<string, string>();
  for (const part of splitHeaderList(match[1]!)) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    params.set(part.slice(0, eq).trim().toLowerCase(), value.replace(/\\(.)/g, "$1"));
  }
  return params;
}

function normalizeAlgorithm(value: string | undefined): DigestAlgorithm | null {
  const upper = (value ?? "MD5").toUpperCase();
  if (upper === "MD5") return "MD5";
  if (upper === "SHA-256") return "SHA-256";
  return null;
}

interface DigestVerdict {
  ok: boolean;
  username: string | null;
  /** The nonce was ours but has expired: challenge again with stale=true. */
  stale: boolean;
}

/** Looks up the stored HA1 for a user and algorithm; null for an unknown user. */
type Ha1Lookup = (username: string, algorithm: DigestAlgorithm) => string | null;

export class DigestServer {
  private readonly dummyHa1 = randomBytes(32).toString("hex");

  constructor(
    private readonly secret: Buffer,
    readonly realm: string,
    private readonly nonceTtlMs = 300_000,
    /** Offered in this order; some peers (SIPp 3.6) only answer the first and only MD5. */
    private readonly algorithms: readonly DigestAlgorithm[] = ["SHA-256", "MD5"],
  ) {}

  private nonceSignature(issuedHex: string): string {
    return createHmac("sha256", this.secret).update(issuedHex).digest("hex").slice(0, 32);
  }

  newNonce(nowMs = Date.now()): string {
    const issuedHex = nowMs.toString(16);
    return `${issuedHex}${this.nonceSignature(issuedHex)}`;
  }

  private nonceState(nonce: string, nowMs: number): "valid" | "stale" | "invalid" {
    const issuedHex = nonce.slice(0, -32);
    if (!/^[0-9a-f]{1,13}$/.test(issuedHex)) return "invalid";
    if (!safeEqual(nonce.slice(-32), this.nonceSignature(issuedHex))) return "invalid";
    return nowMs - Number.parseInt(issuedHex, 16) > this.nonceTtlMs ? "stale" : "valid";
  }

  /** One challenge per algorithm, the preferred one first (RFC 8760 §2.4). */
  challenges(stale = false, nowMs = Date.now()): string[] {
    const nonce = this.newNonce(nowMs);
    const staleParam = stale ? ", stale=true" : "";
    return this.algorithms.map(
      (algorithm) =>
        `Digest realm="${this.realm}", nonce="${nonce}", algorithm=${algorithm}, qop="auth"${staleParam}`,
    );
  }

  /**
   * Verifies an Authorization header. Unknown users are checked against a random HA1 so
   * they take the same path and time as known users with a wrong password.
   */
  verify(header: string, method: string, lookup: Ha1Lookup, nowMs = Date.now()): DigestVerdict {
    const params = parseDigestParams(header);
    const fail = (username: string | null, stale = false): DigestVerdict => ({ ok: false, username, stale });
    if (!params) return fail(null);
    const username = params.get("username") ?? null;
    const nonce = params.get("nonce");
    const uri = params.get("uri");
    const response = params.get("response");
    const algorithm = normalizeAlgorithm(params.get("algorithm"));
    if (!username || !nonce || !uri || !response || !algorithm) return fail(username);
    if (params.get("realm") !== this.realm) return fail(username);
    const nonceState = this.nonceState(nonce, nowMs);
    const storedHa1 = lookup(username, algorithm);
    const ha1 = storedHa1 ?? digestHash(algorithm, this.dummyHa1);
    const ha2 = digestHash(algorithm, `${method}:${uri}`);
    const qop = params.get("qop");
    const expected =
      qop === "auth"
        ? digestHash(
            algorithm,
            `${ha1}:${nonce}:${params.get("nc") ?? ""}:${params.get("cnonce") ?? ""}:auth:${ha2}`,
          )
        : digestHash(algorithm, `${ha1}:${nonce}:${ha2}`);
    const matches = safeEqual(expected, response.toLowerCase());
    if (nonceState === "invalid") return fail(username);
    if (!matches || storedHa1 === null) return fail(username);
    if (nonceState === "stale") return fail(username, true);
    return { ok: true, username, stale: false };
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface DigestChallenge {
  realm: string;
  nonce: string;
  algorithm: DigestAlgorithm;
  qop: string | null;
  opaque: string | null;
}

/** Picks the strongest challenge we support among WWW-/Proxy-Authenticate values. */
export function pickChallenge(headers: string[]): DigestChallenge | null {
  let best: DigestChallenge | null = null;
  for (const header of headers) {
    const params = parseDigestParams(header);
    if (!params) continue;
    const algorithm = normalizeAlgorithm(params.get("algorithm"));
    const realm = params.get("realm");
    const nonce = params.get("nonce");
    if (!algorithm || realm === undefined || !nonce) continue;
    const qops = (params.get("qop") ?? "").split(",").map((q) => q.trim());
    const challenge: DigestChallenge = {
      realm,
      nonce,
      algorithm,
      qop: qops.includes("auth") ? "auth" : null,
      opaque: params.get("opaque") ?? null,
    };
    if (!best || (best.algorithm === "MD5" && algorithm === "SHA-256")) best = challenge;
  }
  return best;
}

/** The Authorization / Proxy-Authorization value answering a challenge. */
export function authorizationHeader(options: {
  challenge: DigestChallenge;
  method: string;
  uri: string;
  username: string;
  password: string;
  nonceCount?: number;
  cnonce?: string;
}): string {
  const { challenge, method, uri, username, password } = options;
  const algorithm = challenge.algorithm;
  const ha1 = computeHa1(algorithm, username, challenge.realm, password);
  const ha2 = digestHash(algorithm, `${method}:${uri}`);
  const parts = [
    `username="${username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${uri}"`,
    `algorithm=${algorithm}`,
  ];
  let response: string;
  if (challenge.qop === "auth") {
    const nc = (options.nonceCount ?? 1).toString(16).padStart(8, "0");
    const cnonce = options.cnonce ?? randomBytes(8).toString("hex");
    response = digestHash(algorithm, `${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`);
    parts.push(`qop=auth`, `nc=${nc}`, `cnonce="${cnonce}"`);
  } else {
    response = digestHash(algorithm, `${ha1}:${challenge.nonce}:${ha2}`);
  }
  parts.push(`response="${response}"`);
  if (challenge.opaque !== null) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(", ")}`;
}
