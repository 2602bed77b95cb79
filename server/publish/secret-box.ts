import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { AppError } from "../../lib/errors/app-error";

const VERSION = "v1";
/** Binds the derived key to this one use: the same instance secret also signs cookies. */
const INFO = "talknotes publish destination credentials v1";

function keyFrom(instanceSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", instanceSecret, "talknotes", INFO, 32));
}

/**
 * Seals a destination's credential for storage: AES-256-GCM under a key
 * derived (HKDF-SHA256) from the instance secret, a fresh 96-bit nonce per
 * value, `context` (the destination's conference and kind) as associated
 * data so a sealed value copied onto another row does not open there.
 * Output: "v1:" + base64url(nonce | tag | ciphertext).
 */
export function sealSecret(plaintext: string, instanceSecret: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(instanceSecret), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/**
 * Opens a value sealed by sealSecret. A changed instance secret, a tampered
 * value or another context fails with a coded error that names none of them.
 */
export function openSecret(sealed: string, instanceSecret: string, context: string): string {
  const [version, data] = sealed.split(":", 2);
  const raw = version === VERSION && data ? Buffer.from(data, "base64url") : Buffer.alloc(0);
  try {
    if (raw.length < 28) throw new Error("short");
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(instanceSecret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError(
      "conflict",
      "The destination's stored credential cannot be read (was the instance secret changed?). Enter it again.",
    );
  }
}
