// Standard Webhooks signatures: `v1,` + base64 HMAC-SHA256 over "{id}.{timestamp}.{body}",
// keyed with the base64-decoded part of the `whsec_` secret. Several signatures are
// space-separated; receivers accept a message when any one matches.
import { createHmac, randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

function signPayload(secret: string, messageId: string, timestampS: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  const mac = createHmac("sha256", key).update(`${messageId}.${timestampS}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export function signatureHeader(
  secrets: string[],
  messageId: string,
  timestampS: number,
  body: string,
): string {
  return secrets.map((secret) => signPayload(secret, messageId, timestampS, body)).join(" ");
}
