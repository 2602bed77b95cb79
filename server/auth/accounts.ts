import { randomUUID } from "node:crypto";
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import { parseInput } from "../data/parse-input";
import { getRuntime } from "../runtime";
import { getAuth, MIN_PASSWORD_LENGTH } from "./auth-instance";
import { getViewer } from "./get-viewer";
import { CLAIM_TRANSACTION, claimInvite, describeInvite } from "./invites";
import { getLoginLimiter } from "./get-login-limiter";
import { requestContext } from "./request-context";
import type { Viewer } from "./viewer";

const OPEN_SIGNUP_KEY = "openSignup";

const Email = z.string().trim().toLowerCase().email("Enter an email address like ada@example.org").max(254);
const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for the password`)
  .max(256, "Keep the password under 256 characters");
const SignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Keep the name under 100 characters"),
  email: Email,
  password: Password,
});
const SignInInput = z.object({ email: Email, password: z.string().min(1, "Enter your password").max(256) });

/** Set-Cookie header values to send back (the session cookie, or its expiry). */
export type SetCookies = string[];

/** Who may create an account right now. */
export async function signupPolicy(): Promise<{ firstUser: boolean; open: boolean }> {
  const prisma = getPrisma();
  const [users, setting] = await Promise.all([
    prisma.user.count(),
    prisma.instanceSetting.findUnique({ where: { key: OPEN_SIGNUP_KEY } }),
  ]);
  return { firstUser: users === 0, open: setting?.value === "true" };
}

/** Admins open or close self-service sign-up (closed by default: accounts come from invites and the CLI). */
export async function setOpenSignup(viewer: Viewer | null, open: boolean): Promise<void> {
  if (!viewer?.isAdmin) throw new AppError("forbidden", "Only an instance admin can change who may sign up");
  const value = open ? "true" : "false";
  await getPrisma().instanceSetting.upsert({
    where: { key: OPEN_SIGNUP_KEY },
    create: { key: OPEN_SIGNUP_KEY, value },
    update: { value },
  });
}

/**
 * Creates an account with a password hashed by Better Auth (scrypt) and no
 * session: the CLI's `talknotes user create`. The first account on an
 * instance becomes its admin. Email already taken: conflict.
 */
export async function createUserAccount(input: { name: string; email: string; password: string }) {
  const data = parseInput(SignUpInput, input);
  // Better Auth answers a sign-up for a taken email with a look-alike success (no enumeration over HTTP);
  // the operator at the command line is told plainly.
  if (await getPrisma().user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError("conflict", `An account with email ${data.email} already exists`);
  }
  try {
    await getAuth().api.signUpEmail({ body: { name: data.name, email: data.email, password: data.password } });
  } catch (err) {
    throw authError(err);
  }
  const user = await getPrisma().user.findUniqueOrThrow({
    where: { email: data.email },
    select: { id: true, email: true, name: true, isAdmin: true },
  });
  return user;
}

/** The id of the account with this email (as typed at the command line, any case); not_found names the command that creates one. */
export async function accountIdByEmail(email: string): Promise<string> {
  const normalized = email.trim().toLowerCase();
  const user = await getPrisma().user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (!user)
    throw new AppError("not_found", `No account with email ${normalized}; create it with "talknotes user create"`);
  return user.id;
}

/**
 * Self-service sign-up: allowed for the very first account (which becomes the
 * admin), when an admin opened sign-up, or with a valid invite link (accepted
 * at once). Signs the new account in.
 */
export async function signUp(
  input: { name: string; email: string; password: string; inviteToken?: string | null },
  headers: Headers,
): Promise<{ setCookies: SetCookies; conferenceSlug: string | null }> {
  const data = parseInput(SignUpInput, input);
  const policy = await signupPolicy();
  const invite = input.inviteToken ? await describeInvite(input.inviteToken) : null;
  if (!policy.firstUser && !policy.open && invite?.status !== "valid") {
    throw new AppError("forbidden", "Sign-up is by invitation: ask a conference owner for an invite link");
  }
  const { address } = requestContext(headers);
  const limiter = getLoginLimiter();
  // Counted like a failed login until it succeeds: probing which emails exist through sign-up is slowed too.
  const decision = await limiter.attempt(address, data.email);
  if (!decision.allowed) throw tooManyAttempts(decision.retryAfterSeconds);
  let conferenceSlug: string | null = null;
  if (input.inviteToken && invite?.status === "valid") {
    conferenceSlug = await createInvitedAccount(data, input.inviteToken);
  } else {
    try {
      await getAuth().api.signUpEmail({
        body: { name: data.name, email: data.email, password: data.password },
        headers,
      });
    } catch (err) {
      throw authError(err);
    }
  }
  await limiter.recordSuccess(address, data.email);
  const signedIn = await signIn({ email: data.email, password: data.password }, headers);
  return { setCookies: signedIn.setCookies, conferenceSlug };
}

/**
 * The account of an invited person and the claim on the invite, in one
 * transaction: of several sign-ups racing for one single-use link, exactly one
 * gets an account (and the membership); the others get nothing. The rows are
 * the ones Better Auth writes for an email + password sign-up (user, and a
 * "credential" account holding its scrypt hash), written here because its own
 * sign-up cannot join our transaction. A taken email answers like a wrong
 * password, as sign-in would, so sign-up does not tell which emails exist.
 */
async function createInvitedAccount(
  data: { name: string; email: string; password: string },
  inviteToken: string,
): Promise<string> {
  const context = await getAuth().$context;
  const hash = await context.password.hash(data.password);
  const userId = context.generateId({ model: "user" }) || randomUUID();
  const accountId = context.generateId({ model: "account" }) || randomUUID();
  try {
    const claimed = await getPrisma().$transaction(async (tx) => {
      await tx.user.create({ data: { id: userId, name: data.name, email: data.email } });
      await tx.account.create({
        data: { id: accountId, accountId: userId, providerId: "credential", userId, password: hash },
      });
      return claimInvite(tx, inviteToken, userId);
    }, CLAIM_TRANSACTION);
    return claimed.conferenceSlug;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError("unauthorized", "Wrong email or password");
    throw err;
  }
}

/**
 * Email + password sign-in through Better Auth, behind the login limiter: after
 * a few failures for one email from one address, each further try waits
 * longer (doubling); ceilings per address and per email apply on top.
 * Refused: unauthorized (wrong email or password, one message for both) or
 * rate_limited (TooManyAttemptsError, with the seconds to wait).
 */
export async function signIn(
  input: { email: string; password: string },
  headers: Headers,
): Promise<{ setCookies: SetCookies }> {
  const data = parseInput(SignInInput, input);
  const { address, https } = requestContext(headers);
  const limiter = getLoginLimiter();
  // Counted before the password is checked (and taken back on success), so concurrent guesses cannot
  // all pass the check while the first ones are still being verified.
  const decision = await limiter.attempt(address, data.email);
  if (!decision.allowed) throw tooManyAttempts(decision.retryAfterSeconds);
  try {
    const result = await getAuth({ secure: https }).api.signInEmail({
      body: { email: data.email, password: data.password, rememberMe: true },
      headers,
      returnHeaders: true,
    });
    await limiter.recordSuccess(address, data.email);
    return { setCookies: setCookiesOf(result.headers) };
  } catch (err) {
    if (isAPIError(err) && (err.statusCode === 401 || err.statusCode === 403 || err.statusCode === 400)) {
      throw new AppError("unauthorized", "Wrong email or password");
    }
    throw authError(err);
  }
}

/** Ends the session in the cookie (deleted from the database) and returns the cookie's expiry. */
export async function signOut(headers: Headers): Promise<{ setCookies: SetCookies }> {
  const cookie = headers.get("cookie") ?? "";
  const auth = getAuth({ secure: cookie.includes("__Secure-talknotes.session_token") });
  try {
    const ending = await getViewer(headers);
    const result = await auth.api.signOut({ headers, returnHeaders: true });
    // Websocket connections this cookie admitted end with it (another device's session stays).
    if (ending?.via === "session" && ending.credentialId)
      getRuntime()?.collab.accessChanged({ kind: "signed-out", sessionId: ending.credentialId });
    return { setCookies: setCookiesOf(result.headers) };
  } catch {
    return { setCookies: [] };
  }
}

/** Refusal for an attempt the limiter holds back; `fields.retryAfter` carries the seconds. */
export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many attempts: try again in ${formatWait(retryAfterSeconds)}`, {
      retryAfter: String(retryAfterSeconds),
    });
  }
}

function tooManyAttempts(seconds: number): TooManyAttemptsError {
  return new TooManyAttemptsError(seconds);
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

function setCookiesOf(headers: Headers): SetCookies {
  return headers.getSetCookie();
}

function authError(err: unknown): Error {
  if (err instanceof AppError) return err;
  if (isAPIError(err)) {
    const message = (err.body as { message?: string } | undefined)?.message ?? err.message;
    if (/already exists/i.test(message)) return new AppError("conflict", "An account with this email already exists");
    if (/password too short/i.test(message))
      return new AppError("invalid_input", `Use at least ${MIN_PASSWORD_LENGTH} characters for the password`);
    if (/password too long/i.test(message))
      return new AppError("invalid_input", "Keep the password under 256 characters");
    if (/invalid email/i.test(message))
      return new AppError("invalid_input", "Enter an email address like ada@example.org");
    return new AppError("invalid_input", message);
  }
  return err instanceof Error ? err : new Error(String(err));
}
