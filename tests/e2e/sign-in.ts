import { execFileSync } from "node:child_process";
import path from "node:path";
import { type Page, expect } from "@playwright/test";

/** An account of the e2e suite. */
export interface E2eAccount {
  name: string;
  email: string;
  password: string;
}

/** The suite's default account (admin when it is the first on the database). */
export const E2E_ACCOUNT: E2eAccount = {
  name: "E2E Organiser",
  email: "organiser@e2e.test",
  password: "e2e-organiser-password",
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const created = new Set<string>();

/** The shared webServer's database (playwright.config.ts), as a DATABASE_URL. */
export function e2eDatabaseUrl(): string {
  return `file:${process.env.TALKNOTES_E2E_DB}`;
}

/**
 * Makes sure `account` exists in the database, whatever ran before: through
 * `talknotes user create` (the operator's way; sign-up is invite-only once an
 * instance has its first account). An existing email is fine.
 */
export function ensureAccount(account: E2eAccount = E2E_ACCOUNT, databaseUrl = e2eDatabaseUrl()): void {
  const key = `${databaseUrl}|${account.email}`;
  if (created.has(key)) return;
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, "bin/talknotes.mjs"),
        "user",
        "create",
        "--email",
        account.email,
        "--name",
        account.name,
        "--password-stdin",
      ],
      {
        cwd: ROOT,
        input: `${account.password}\n`,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: ["pipe", "ignore", "pipe"],
      },
    );
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? "");
    if (!/already exists/.test(stderr)) throw new Error(`could not create the e2e account: ${stderr}`);
  }
  created.add(key);
}

/**
 * Signs `page`'s browser context in through the real sign-in form (creating
 * the account first when needed). `baseUrl`: a server other than the shared
 * webServer (then give its `databaseUrl` too).
 */
export async function signIn(
  page: Page,
  options: { account?: E2eAccount; baseUrl?: string; databaseUrl?: string } = {},
): Promise<void> {
  const account = options.account ?? E2E_ACCOUNT;
  ensureAccount(account, options.databaseUrl ?? e2eDatabaseUrl());
  await page.goto(`${options.baseUrl ?? ""}/login`);
  if (!new URL(page.url()).pathname.startsWith("/login")) return; // already signed in
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A personal access token for `account` (created when missing), through `talknotes token create`. */
export function accountToken(account: E2eAccount = E2E_ACCOUNT, databaseUrl = e2eDatabaseUrl()): string {
  ensureAccount(account, databaseUrl);
  return execFileSync(
    process.execPath,
    [path.join(ROOT, "bin/talknotes.mjs"), "token", "create", "--email", account.email, "--name", "e2e"],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    },
  )
    .toString()
    .trim();
}
