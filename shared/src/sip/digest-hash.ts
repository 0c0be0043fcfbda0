// Digest hashes (RFC 7616 §3.4.2, RFC 8760 for SHA-256): what a gateway checks and answers
// with, and what control stores for a trunk's inbound credentials instead of the password.
import { createHash } from "node:crypto";

export type DigestAlgorithm = "MD5" | "SHA-256";

export function digestHash(algorithm: DigestAlgorithm, text: string): string {
  return createHash(algorithm === "MD5" ? "md5" : "sha256")
    .update(text)
    .digest("hex");
}

export function computeHa1(
  algorithm: DigestAlgorithm,
  username: string,
  realm: string,
  password: string,
): string {
  return digestHash(algorithm, `${username}:${realm}:${password}`);
}
