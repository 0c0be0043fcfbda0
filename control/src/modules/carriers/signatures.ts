// Verifying the carriers' callback signatures. Twilio: X-Twilio-Signature is base64 HMAC-SHA1,
// keyed with the Auth Token, of the full URL Twilio was given followed by each POST parameter's
// name and value, sorted by name. Telnyx (API v2): telnyx-signature-ed25519 is a base64 Ed25519
// signature of `${telnyx-timestamp}|${raw body}` with the account's public key; a timestamp
// outside the tolerance is refused, so a captured request cannot be replayed later.
import { createHmac, createPublicKey, type KeyObject, timingSafeEqual, verify } from "node:crypto";

export function validTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string | null,
): boolean {
  if (!signature) return false;
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + params[name], url);
  const expected = createHmac("sha1", authToken).update(data, "utf8").digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const publicKeys = new Map<string, KeyObject | null>();

function telnyxKey(publicKeyBase64: string): KeyObject | null {
  if (!publicKeys.has(publicKeyBase64)) {
    const raw = Buffer.from(publicKeyBase64, "base64");
    publicKeys.set(
      publicKeyBase64,
      raw.length === 32
        ? createPublicKey({
            key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") },
            format: "jwk",
          })
        : null,
    );
  }
  return publicKeys.get(publicKeyBase64)!;
}

export type TelnyxVerdict = "valid" | "bad_signature" | "stale";

export function verifyTelnyxSignature(
  publicKeyBase64: string,
  rawBody: string,
  timestamp: string | null,
  signature: string | null,
  toleranceS: number,
  nowMs = Date.now(),
): TelnyxVerdict {
  const key = telnyxKey(publicKeyBase64);
  if (key === null || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return "bad_signature";
  const signatureBytes = Buffer.from(signature, "base64");
  if (signatureBytes.length !== 64) return "bad_signature";
  if (!verify(null, Buffer.from(`${timestamp}|${rawBody}`, "utf8"), key, signatureBytes))
    return "bad_signature";
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceS) return "stale";
  return "valid";
}
