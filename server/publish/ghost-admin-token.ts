import { createHmac } from "node:crypto";
import { AppError } from "../../lib/errors/app-error";

/**
 * A Ghost Admin API token for an Admin API key ("<24 hex id>:<64 hex
 * secret>", from a custom integration): a JWT signed HS256 with the secret's
 * bytes, `kid` the key's id, audience /admin/, valid five minutes (Ghost
 * accepts at most that). Sent as `Authorization: Ghost <token>`.
 */
export function ghostAdminToken(adminKey: string, now = Date.now()): string {
  const match = /^([0-9a-f]{24}):([0-9a-f]{64})$/i.exec(adminKey.trim());
  if (!match)
    throw new AppError(
      "invalid_input",
      "The Ghost Admin API key is not in the form <id>:<secret> (copy it from Settings → Integrations)",
    );
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const iat = Math.floor(now / 1000);
  const unsigned = `${b64({ alg: "HS256", typ: "JWT", kid: match[1] })}.${b64({ iat, exp: iat + 300, aud: "/admin/" })}`;
  return `${unsigned}.${createHmac("sha256", Buffer.from(match[2]!, "hex")).update(unsigned).digest("base64url")}`;
}
