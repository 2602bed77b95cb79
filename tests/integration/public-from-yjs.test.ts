import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTalknotes } from "../support/run-talknotes";
import { ROOT, type RunningServer, startServer } from "../support/server-process";
import { startTestDatabase } from "../support/test-database";

/**
 * A session whose readers' copy is missing (an older database, or a crash
 * before the first render) is rendered from its stored Yjs state inside
 * Next's route code: the schema and y-tiptap must share one prosemirror-model
 * there, or every page with a question thread answers 500.
 */
// The CLI fills the database before the server starts on it (startServer, not startTestServer).
const db = startTestDatabase({ prefix: "talknotes-public-yjs-", create: false });
let server: RunningServer;

function talknotes(...args: string[]) {
  return runTalknotes(args);
}

beforeAll(async () => {
  expect(
    talknotes("import-notes", path.join(ROOT, "tests/fixtures/notes/panel.txt"), "--conference", "harbour").status,
  ).toBe(0);
  const sqlite = new Database(db.file);
  const { slug } = sqlite.prepare(`SELECT slug FROM "Session"`).get() as { slug: string };
  expect(talknotes("publish", "--conference", "harbour", "--session", slug).status).toBe(0);
  sqlite.prepare(`UPDATE "NotesDocument" SET contentJson = ''`).run();
  sqlite.close();
  server = await startServer({ databaseUrl: db.url });
});

afterAll(async () => {
  await server?.stop();
});

describe("public session page without a readers' copy", () => {
  it("renders the threads from the stored Yjs state", async () => {
    const sqlite = new Database(db.file, { readonly: true });
    const { slug } = sqlite.prepare(`SELECT slug FROM "Session"`).get() as { slug: string };
    sqlite.close();
    const res = await fetch(`${server.url}/c/harbour/${slug}`);
    const html = await res.text();
    expect(res.status, html.slice(0, 500)).toBe(200);
    expect(html).toContain("How do you measure whether a deploy was safe?");
    expect(html).toContain("small batches make the day of the week irrelevant.");
  });
});
