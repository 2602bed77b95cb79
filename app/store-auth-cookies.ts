import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies } from "next/headers";

/** Copies the Set-Cookie values Better Auth produced (session cookie, or its expiry) onto this response. */
export async function storeAuthCookies(setCookies: string[]): Promise<void> {
  if (setCookies.length === 0) return;
  const jar = await cookies();
  for (const [name, attributes] of parseSetCookieHeader(setCookies.join(", "))) {
    if (name) jar.set(name, attributes.value, toCookieOptions(attributes));
  }
}
