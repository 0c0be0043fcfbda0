// Secrets the platform must use again later (webhook and org signing secrets, trunk passwords,
// tenants' provider keys) are stored encrypted with AES-256-GCM. Control encrypts; gateways
// decrypt what control publishes for them, so both must hold the same key: SECRET_KEY (through
// HKDF-SHA256) or, when unset, a random key file under DATA_DIR created on first use (fine for
// the embedded default, which is one process). Losing the key makes stored secrets unusable.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Config } from "../config.ts";
import { keyFilePath, readOrCreateKeyFile } from "./key-file.ts";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = "v1";

const keys = new Map<string, Buffer>();

function encryptionKey(config: Pick<Config, "secretKey" | "dataDir">): Buffer {
  const source = config.secretKey ? `env:${config.secretKey}` : `file:${keyFilePath(config)}`;
  let key = keys.get(source);
  if (!key) {
    key = config.secretKey
      ? Buffer.from(hkdfSync("sha256", config.secretKey, "switchboard", "stored-secrets", KEY_BYTES))
      : readOrCreateKeyFile(keyFilePath(config));
    keys.set(source, key);
  }
  return key;
}

export function encryptSecret(config: Pick<Config, "secretKey" | "dataDir">, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(config), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export function decryptSecret(config: Pick<Config, "secretKey" | "dataDir">, stored: string): string {
  const [format, encoded] = stored.split(":", 2);
  if (format !== FORMAT || !encoded) throw new Error("unknown stored secret format");
  const raw = Buffer.from(encoded, "base64");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(config), raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
}
