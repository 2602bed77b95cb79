import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { tempPostgresDatabase } from "../support/temp-postgres-database";
import { testServices } from "../support/test-services";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`import-notes-atomic on PostgreSQL: skipped, ${missing}`);

/**
 * ARCHITECTURE.md, "Who calls the database": an import writes its session, its people (new ones and
 * the gaps it fills in known ones), their roles and the notes in ONE transaction, on SQLite and on
 * PostgreSQL. Here the database itself refuses the notes' rows (a trigger, as a full disk or a
 * broken column would), through the real `talknotes import-notes`: nothing the import wrote may
 * stay. Before, the notes went through a second connection after the rows had committed and a
 * hand-written undo deleted what it knew of: the existing speaker's filled-in affiliation stayed.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-import-atomic-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FIRST = [
  "# Shipping On Fridays",
  "",
  "Panel: Amara Okafor; Bruno Castellanos",
  "",
  "- Should we deploy on Fridays at all?",
  "  - Amara: small batches make Fridays boring",
  "",
].join("\n");
// Names Amara again with her company (filled into her row) and brings a newcomer.
const SECOND = [
  "# Friday Freezes Revisited",
  "",
  "Panel: Amara Okafor (Tidewater Labs); Chioma Eze (Quayside Bank)",
  "",
  "- Do change freezes help?",
  "  - Chioma: they move the risk to Monday",
  "  - Amara: and make Monday's batch bigger",
  "",
].join("\n");

interface Engine {
  databaseUrl: string;
  /** One query's rows. */
  rows(sql: string): Promise<Array<Record<string, unknown>>>;
  /** Makes the database refuse every new notes row, or lets it accept them again. */
  refuseNotes(on: boolean): Promise<void>;
}

function cli(databaseUrl: string, args: string[], input: string) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args], {
    cwd: tmp,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Everything an import writes, as comparable text. */
async function snapshot(engine: Engine) {
  const q = (sql: string) => engine.rows(sql).then((rows) => JSON.stringify(rows));
  return {
    conferences: await q(`SELECT slug FROM "Conference" ORDER BY slug`),
    sessions: await q(`SELECT slug, title FROM "Session" ORDER BY slug`),
    people: await q(`SELECT name, affiliation, note, handle, aliases FROM "Person" ORDER BY name`),
    roles: await q(
      `SELECT s.slug, p.name, sp.role, sp.position FROM "SessionPerson" sp
         JOIN "Session" s ON s.id = sp."sessionId" JOIN "Person" p ON p.id = sp."personId" ORDER BY s.slug, p.name`,
    ),
    documents: await q(`SELECT "contentJson" FROM "NotesDocument" ORDER BY "contentJson"`),
    updates: (await engine.rows(`SELECT count(*) AS n FROM "NotesUpdate"`))[0]!.n,
  };
}

async function importFailsAndLeavesNothing(engine: Engine) {
  const seeded = cli(engine.databaseUrl, ["import-notes", "-", "--conference", "harbour"], FIRST);
  expect(seeded.status, seeded.stderr).toBe(0);
  const before = await snapshot(engine);
  expect(before.people).toContain("Amara Okafor");
  expect(before.people).not.toContain("Tidewater Labs");

  await engine.refuseNotes(true);
  const refused = cli(engine.databaseUrl, ["import-notes", "-", "--conference", "harbour"], SECOND);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain("notes refused");
  // Into a conference the import would create: no conference either.
  const fresh = cli(engine.databaseUrl, ["import-notes", "-", "--conference", "fresh-conf"], SECOND);
  expect(fresh.status).toBe(1);
  expect(await snapshot(engine)).toEqual(before);

  // The same import, once the database accepts notes again, stores all of it.
  await engine.refuseNotes(false);
  const stored = cli(engine.databaseUrl, ["import-notes", "-", "--conference", "harbour"], SECOND);
  expect(stored.status, stored.stderr).toBe(0);
  const after = await snapshot(engine);
  expect(after.people).toContain("Tidewater Labs");
  expect(after.people).toContain("Chioma Eze");
  expect(after.sessions).toContain("Friday Freezes Revisited");
  expect(Number(after.updates)).toBe(Number(before.updates) + 1);
}

describe("a failed import leaves nothing behind", () => {
  it("on SQLite", { timeout: 300_000 }, async () => {
    const file = path.join(tmp, "talknotes.db");
    let db: Database.Database | null = null;
    const open = () => (db ??= new Database(file));
    try {
      await importFailsAndLeavesNothing({
        databaseUrl: `file:${file}`,
        async rows(sql) {
          return open().prepare(sql).all() as Array<Record<string, unknown>>;
        },
        async refuseNotes(on) {
          open().exec(
            on
              ? `CREATE TRIGGER refuse_notes BEFORE INSERT ON "NotesUpdate" BEGIN SELECT RAISE(ABORT, 'notes refused'); END`
              : `DROP TRIGGER refuse_notes`,
          );
        },
      });
    } finally {
      (db as Database.Database | null)?.close();
    }
  });

  it.skipIf(!postgresUrl)("on PostgreSQL", { timeout: 300_000 }, async () => {
    const databaseUrl = await tempPostgresDatabase(postgresUrl!, "talknotes_import_atomic");
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      await importFailsAndLeavesNothing({
        databaseUrl,
        async rows(sql) {
          return (await pool.query(sql)).rows as Array<Record<string, unknown>>;
        },
        async refuseNotes(on) {
          await pool.query(
            on
              ? `CREATE FUNCTION refuse_notes() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN RAISE EXCEPTION 'notes refused'; END $$;
                 CREATE TRIGGER refuse_notes BEFORE INSERT ON "NotesUpdate" FOR EACH ROW EXECUTE FUNCTION refuse_notes()`
              : `DROP TRIGGER refuse_notes ON "NotesUpdate"; DROP FUNCTION refuse_notes()`,
          );
        },
      });
    } finally {
      await pool.end();
    }
  });
});
