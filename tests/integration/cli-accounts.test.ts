import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runTalknotes } from "../support/run-talknotes";
import { startTestDatabase } from "../support/test-database";

/** `talknotes user create` and `talknotes token create` against a real SQLite file, through the real bin. */
// The first `talknotes user create` makes the database, as on a new install.
const dbFile = startTestDatabase({ prefix: "talknotes-cli-accounts-", create: false }).file;

function talknotes(args: string[], input = "") {
  return runTalknotes(args, { input });
}

describe("talknotes user create / token create", () => {
  it("creates the first account as admin with a password from stdin, later ones as plain users", () => {
    const first = talknotes(
      ["user", "create", "--email", "Ada@Example.org", "--name", "Ada", "--password-stdin"],
      "correct horse battery\n",
    );
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain("Created admin account ada@example.org");
    expect(first.stdout).toMatch(/^user \S+\n$/);

    const second = talknotes(["user", "create", "--email", "bob@example.org", "--name", "Bob"]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain("Created account bob@example.org");
    const password = /password (\S+)/.exec(second.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);

    const db = new Database(dbFile, { readonly: true });
    const users = db.prepare(`SELECT email, isAdmin FROM "User" ORDER BY email`).all();
    const hashes = db.prepare(`SELECT password FROM "Account"`).all() as { password: string }[];
    db.close();
    expect(users).toEqual([
      { email: "ada@example.org", isAdmin: 1 },
      { email: "bob@example.org", isAdmin: 0 },
    ]);
    for (const { password: hash } of hashes) {
      expect(hash).not.toContain("correct horse");
      expect(hash).not.toContain(password);
    }
  });

  it("refuses a taken email, a short password and a missing option, with exit codes 1, 1 and 2", () => {
    const taken = talknotes(["user", "create", "--email", "ada@example.org", "--name", "Ada again"]);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain("already exists");
    const short = talknotes(
      ["user", "create", "--email", "c@example.org", "--name", "C", "--password-stdin"],
      "short\n",
    );
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("at least 10 characters");
    expect(talknotes(["user", "create", "--name", "No Email"]).status).toBe(2);
  });

  it("prints a personal access token once, stores only its hash, and the token resolves to its account", async () => {
    const run = talknotes(["token", "create", "--email", "bob@example.org", "--name", "blog", "--expires-days", "30"]);
    expect(run.status, run.stderr).toBe(0);
    const token = run.stdout.trim();
    expect(token).toMatch(/^tn_pat_[A-Za-z0-9_-]{43}$/);
    const db = new Database(dbFile, { readonly: true });
    const rows = db.prepare(`SELECT name, tokenHash, expiresAt FROM "AccessToken"`).all() as {
      name: string;
      tokenHash: string;
      expiresAt: string;
    }[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token.slice(7));
    expect(rows[0]!.expiresAt).toBeTruthy();
    const { resolveAccessToken } = await import("../../server/auth/access-tokens");
    expect(await resolveAccessToken(token)).toMatchObject({ email: "bob@example.org", isAdmin: false, via: "token" });
    expect(await resolveAccessToken(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();

    const unknown = talknotes(["token", "create", "--email", "nobody@example.org"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No account with email nobody@example.org");
  });
});
