// How the real services sign the callbacks they send, so the stand-ins' callbacks verify exactly
// as theirs do.
// - Twilio: X-Twilio-Signature = base64(HMAC-SHA1(auth token, full URL + each POST parameter's
//   name and value, sorted by name)).
// - Telnyx (API v2): telnyx-signature-ed25519 = base64(Ed25519 signature of
//   `${telnyx-timestamp}|${raw body}`), telnyx-timestamp in Unix seconds.
// - Stripe: Stripe-Signature = `t=<unix seconds>,v1=<hex HMAC-SHA256(whsec_ secret, "t.payload")>`.
import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + params[name], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export interface Ed25519Keys {
  privateKey: KeyObject;
  /** Base64 of the raw 32-byte public key, as Mission Control shows it (TELNYX_PUBLIC_KEY). */
  publicKeyBase64: string;
}

export function ed25519Keys(): Ed25519Keys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  // SPKI DER of an Ed25519 key: a 12-byte header, then the raw 32-byte key.
  return { privateKey, publicKeyBase64: Buffer.from(der.subarray(der.length - 32)).toString("base64") };
}

export function telnyxSignature(privateKey: KeyObject, timestampS: number, body: string): string {
  return sign(null, Buffer.from(`${timestampS}|${body}`, "utf8"), privateKey).toString("base64");
}

export function stripeSignature(webhookSecret: string, timestampS: number, payload: string): string {
  const v1 = createHmac("sha256", webhookSecret).update(`${timestampS}.${payload}`, "utf8").digest("hex");
  return `t=${timestampS},v1=${v1}`;
}

export const unixSeconds = (atMs = Date.now()) => Math.floor(atMs / 1000);
