import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getPrisma } from "../db/prisma";
import { readEnv } from "../env";

/** Shortest password accepted at sign-up and by `talknotes user create`. */
export const MIN_PASSWORD_LENGTH = 10;
/** How long a sign-in lasts: a conference week with margin. */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

function createAuth(secure: boolean) {
  const env = readEnv();
  return betterAuth({
    appName: "Talknotes",
    secret: env.secret,
    // Only used for URLs Better Auth builds itself (none in email + password); the cookie's Secure flag is set below.
    baseURL: `http://localhost:${env.port || 3000}`,
    database: prismaAdapter(getPrisma(), { provider: env.database.kind === "postgres" ? "postgresql" : "sqlite" }),
    telemetry: { enabled: false, debug: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      // Sign-up policy (first account, invite, open sign-up) is decided by server/auth/accounts.ts before calling in.
      autoSignIn: false,
    },
    user: {
      additionalFields: { isAdmin: { type: "boolean", required: false, defaultValue: false, input: false } },
    },
    // Better Auth's "session" is our AuthSession: `Session` is a conference session.
    session: { modelName: "authSession", expiresIn: SESSION_SECONDS, updateAge: 24 * 60 * 60 },
    // Better Auth's HTTP handler is not mounted (server actions call auth.api directly), so its own rate
    // limiter would never see a request: login attempts go through server/auth/login-limiter.ts instead.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "talknotes",
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      ipAddress: { ipAddressHeaders: ["x-talknotes-client-ip"] },
    },
    databaseHooks: {
      user: {
        create: {
          // The first account of an instance becomes its admin. One conditional UPDATE, so two
          // simultaneous first sign-ups cannot both become admin.
          after: async (user) => {
            await getPrisma()
              .$executeRaw`UPDATE "User" SET "isAdmin" = true WHERE "id" = ${user.id} AND NOT EXISTS (SELECT 1 FROM "User" WHERE "isAdmin" = true)`;
          },
        },
      },
    },
  });
}

export type TalknotesAuth = ReturnType<typeof createAuth>;

const holder = globalThis as unknown as { __talknotesAuth?: Partial<Record<"secure" | "plain", TalknotesAuth>> };

/**
 * The Better Auth instance (email + password, sessions in SQLite through Prisma).
 * Two instances differ only in the session cookie's Secure flag (and its
 * `__Secure-` name prefix): `secure` for requests that arrived over https, so
 * a plain-http venue network still works. Kept on globalThis like the Prisma
 * client, because the custom server and Next's bundle are separate module graphs.
 */
export function getAuth(options: { secure?: boolean } = {}): TalknotesAuth {
  const key = options.secure ? "secure" : "plain";
  holder.__talknotesAuth ??= {};
  return (holder.__talknotesAuth[key] ??= createAuth(!!options.secure));
}
