import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runTalknotes } from "../support/run-talknotes";
import { ROOT } from "../support/server-process";
import { startTestDatabase } from "../support/test-database";

/** `talknotes publish` and `talknotes archive` through the real bin on a real SQLite file. */
const db = startTestDatabase({ prefix: "talknotes-publish-cli-", create: false });

function talknotes(...args: string[]) {
  const run = runTalknotes(args);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function statuses(): Record<string, string> {
  const sqlite = new Database(db.file, { readonly: true });
  try {
    return Object.fromEntries(
      (
        sqlite.prepare(`SELECT slug, status FROM "Session" ORDER BY slug`).all() as { slug: string; status: string }[]
      ).map((r) => [r.slug, r.status]),
    );
  } finally {
    sqlite.close();
  }
}

describe("talknotes publish / archive", () => {
  // Ten CLI processes one after another: seconds each on a busy 2-core machine.
  it("walks a conference through draft -> published -> archived, drafts staying private on archive", () => {
    const fixture = path.join(ROOT, "tests/fixtures/notes/panel.txt");
    expect(talknotes("import-notes", fixture, "--conference", "harbour").code).toBe(0);
    expect(talknotes("import-notes", fixture, "--conference", "harbour").code).toBe(0);
    const [first, second] = Object.keys(statuses());
    expect(statuses()).toEqual({ [first!]: "draft", [second!]: "draft" });

    const usage = talknotes("publish", "--conference", "harbour");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Give --session <slug> or --all");
    expect(talknotes("publish", "--conference", "harbour", "--session", "x", "--all").code).toBe(2);
    const missing = talknotes("publish", "--conference", "harbour", "--session", "nope");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No session "nope" in "harbour"');

    const one = talknotes("publish", "--conference", "harbour", "--session", first!);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(`published harbour/${first} (was draft)\n`);
    expect(statuses()).toEqual({ [first!]: "published", [second!]: "draft" });

    const archived = talknotes("archive", "--conference", "harbour");
    expect(archived.stdout).toBe(`archived harbour/${first} (was published)\n`);
    expect(statuses()).toEqual({ [first!]: "archived", [second!]: "draft" });

    // --all publishes drafts and live sessions, never un-archives.
    const all = talknotes("publish", "--conference", "harbour", "--all");
    expect(all.stdout).toBe(`published harbour/${second} (was draft)\n`);
    expect(statuses()).toEqual({ [first!]: "archived", [second!]: "published" });
    expect(talknotes("publish", "--conference", "harbour", "--all").stdout).toBe("nothing to publish\n");
  }, 180_000);
});
