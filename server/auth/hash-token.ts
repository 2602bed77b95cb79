import { createHash, randomBytes } from "node:crypto";

/** SHA-256 (hex) of a token: what the database stores for access tokens and invite links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random token: `prefix` + 32 random bytes in base64url (43 characters). */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}
