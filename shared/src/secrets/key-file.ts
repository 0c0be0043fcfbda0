// The platform's own random key under DATA_DIR (secret.key), used when SECRET_KEY is unset: it
// encrypts stored secrets and, through HKDF, keys browser call tokens. Created once with mode
// 0600 by whichever process comes first; a file of the wrong length is an error, never a key.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../config.ts";

const KEY_FILE_BYTES = 32;

export function keyFilePath(config: Pick<Config, "dataDir">): string {
  return join(config.dataDir, "secret.key");
}

export function readOrCreateKeyFile(path: string): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, randomBytes(KEY_FILE_BYTES).toString("base64"), { flag: "wx", mode: 0o600 });
      chmodSync(path, 0o600);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  if (key.length !== KEY_FILE_BYTES)
    throw new Error(`${path} does not hold a ${KEY_FILE_BYTES}-byte base64 key`);
  return key;
}
