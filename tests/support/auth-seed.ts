import { randomUUID } from "node:crypto";
import type { ConferenceRole } from "../../lib/auth/conference-roles";
import { createAccessToken } from "../../server/auth/access-tokens";
import { createUserAccount, signIn } from "../../server/auth/accounts";
import { getPrisma } from "../../server/db/prisma";

/** A seeded account: its id, credentials, a personal access token, and (once asked for) a session cookie. */
export interface SeededAccount {
  id: string;
  email: string;
  password: string;
  token: string;
}

export const TEST_PASSWORD = "test-password-123";

/**
 * Creates an account through the app's own sign-up path (scrypt hash, first
 * account admin) and a personal access token for it. With `role` and
 * `conferenceId`, it becomes a member. DATABASE_URL must point at the test
 * database, and the server must share its secret (the data directory's
 * `secret` file, or TALKNOTES_SECRET).
 */
export async function seedAccount(
  options: { name?: string; email?: string; conferenceId?: string; role?: ConferenceRole } = {},
): Promise<SeededAccount> {
  const email = options.email ?? `${randomUUID()}@accounts.test`;
  const user = await createUserAccount({ name: options.name ?? "Test Person", email, password: TEST_PASSWORD });
  if (options.conferenceId && options.role) {
    await getPrisma().membership.create({
      data: { userId: user.id, conferenceId: options.conferenceId, role: options.role },
    });
  }
  const { token } = await createAccessToken(user.id, { name: "tests" });
  return { id: user.id, email, password: TEST_PASSWORD, token };
}

/** A signed session cookie ("name=value") for the account, made by the app's sign-in. */
export async function sessionCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const { setCookies } = await signIn(
    { email, password },
    new Headers({ "x-talknotes-client-ip": `seed-${randomUUID()}` }),
  );
  const first = setCookies.find((c) => c.includes("session_token="));
  if (!first) throw new Error("sign-in set no session cookie");
  return first.split(";")[0]!;
}
