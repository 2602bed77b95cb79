import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchIndexContract, type SearchIndexUnderTest } from "../../tests/support/search-index-contract";
import { searchTestDocument as doc } from "../../tests/support/search-test-document";
import { tempPostgresDatabase } from "../../tests/support/temp-postgres-database";
import { testServices } from "../../tests/support/test-services";
import { applyPostgresMigrations } from "../db/migrate-postgres";
import { PostgresNotesSearchIndex } from "./postgres-search-index";

// The same behaviour as search-index.test.ts (SQLite FTS5), on PostgreSQL's text search.
const { postgresUrl, missing } = testServices();
if (missing) console.warn(`postgres-search-index: skipped, ${missing}`);

describe.skipIf(!postgresUrl)("PostgresNotesSearchIndex (real PostgreSQL text search)", () => {
  let pool: pg.Pool;
  let engine: SearchIndexUnderTest;
  const now = "2026-01-01T00:00:00.000Z";

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await tempPostgresDatabase(postgresUrl!, "talknotes_search"), max: 3 });
    const client = await pool.connect();
    await applyPostgresMigrations(client);
    client.release();
  });
  afterAll(async () => {
    await pool?.end();
  });

  searchIndexContract(async () => {
    await pool.query(`TRUNCATE "Conference", "NotesSearch" CASCADE`);
    for (const c of ["conf-a", "conf-b"])
      await pool.query(`INSERT INTO "Conference" (id, slug, name, "updatedAt") VALUES ($1, $1, $1, $2)`, [c, now]);
    const index = new PostgresNotesSearchIndex(pool);
    engine = {
      search: (conferenceId, query) => index.search(conferenceId, query),
      refreshConference: (conferenceId) => index.refreshConference(conferenceId),
      async addSession(id, conferenceId, status, content) {
        await pool.query(
          `INSERT INTO "Session" (id, "conferenceId", slug, title, status, "updatedAt") VALUES ($1, $2, $1, $1, $3, $4)`,
          [id, conferenceId, status, now],
        );
        await pool.query(
          `INSERT INTO "NotesDocument" ("sessionId", generation, "contentJson", "updatedAt") VALUES ($1, 'g', $2, $3)`,
          [id, content ? JSON.stringify(content) : "", now],
        );
      },
      async changeNotes(sessionId, content, updatedAt) {
        await pool.query(`UPDATE "NotesDocument" SET "contentJson" = $1, "updatedAt" = $2 WHERE "sessionId" = $3`, [
          JSON.stringify(content),
          updatedAt,
          sessionId,
        ]);
      },
      async indexedRows(sessionId) {
        const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "NotesSearch" WHERE "sessionId" = $1`, [
          sessionId,
        ]);
        return rows[0].n as number;
      },
    };
    return engine;
  });

  it("ranks a match on the speaker above one in the text", async () => {
    await engine.addSession(
      "s1",
      "conf-a",
      "published",
      doc([
        { type: "note", text: "Rolf said something about Jody", children: [] },
        { type: "statement", speaker: "p-jody", text: "Ship smaller batches", asides: [], children: [] },
      ]),
    );
    expect((await engine.search("conf-a", "jody")).map((h) => h.blockId)).toEqual(["s-1", "n-1"]);
  });
});
