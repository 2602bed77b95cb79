import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { tempPostgresDatabase } from "../../tests/support/temp-postgres-database";
import { testServices } from "../../tests/support/test-services";
import { applyPostgresMigrations } from "../db/migrate-postgres";
import { PostgresNotesSearchIndex } from "./postgres-search-index";
import { MATCH_END, MATCH_START } from "./search-index";

// The same behaviour as search-index.test.ts (SQLite FTS5), on PostgreSQL's text search.
const { postgresUrl, missing } = testServices();
if (missing) console.warn(`postgres-search-index: skipped, ${missing}`);

function doc(blocks: TalkNotesDocument["blocks"]): TalkNotesDocument {
  return {
    format: "talknotes/1",
    conference: { name: "DevOps Day", location: null, startsOn: null },
    session: { title: "Panel", kind: "panel", intro: "" },
    people: [
      { id: "p-jody", name: "Jody Mulkey", role: "panelist" },
      { id: "p-rolf", name: "Rolf Russell", role: "panelist" },
    ],
    blocks,
  };
}

const PANEL = doc([
  {
    type: "question",
    text: "What should IT be measuring?",
    askedBy: null,
    answers: [
      {
        type: "statement",
        speaker: "p-jody",
        text: "Focus on unplanned work and outcomes.",
        asides: ["great point"],
        children: [],
      },
      {
        type: "statement",
        speaker: "p-rolf",
        text: 'Mention cycle time, not "DevOps" (really).',
        asides: [],
        children: [],
      },
    ],
  },
  { type: "note", text: "Coffee break measures forty minutes", children: [] },
]);

describe.skipIf(!postgresUrl)("PostgresNotesSearchIndex (real PostgreSQL text search)", () => {
  let pool: pg.Pool;
  let index: PostgresNotesSearchIndex;
  const now = "2026-01-01T00:00:00.000Z";

  async function addSession(id: string, conferenceId: string, status: string, content: TalkNotesDocument | null) {
    await pool.query(
      `INSERT INTO "Session" (id, "conferenceId", slug, title, status, "updatedAt") VALUES ($1, $2, $1, $1, $3, $4)`,
      [id, conferenceId, status, now],
    );
    await pool.query(
      `INSERT INTO "NotesDocument" ("sessionId", generation, "contentJson", "updatedAt") VALUES ($1, 'g', $2, $3)`,
      [id, content ? JSON.stringify(content) : "", now],
    );
  }

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await tempPostgresDatabase(postgresUrl!, "talknotes_search"), max: 3 });
    const client = await pool.connect();
    await applyPostgresMigrations(client);
    client.release();
    index = new PostgresNotesSearchIndex(pool);
  });
  beforeEach(async () => {
    await pool.query(`TRUNCATE "Conference", "NotesSearch" CASCADE`);
    for (const c of ["conf-a", "conf-b"])
      await pool.query(`INSERT INTO "Conference" (id, slug, name, "updatedAt") VALUES ($1, $1, $1, $2)`, [c, now]);
  });
  afterAll(async () => {
    await pool?.end();
  });

  it("finds stemmed words and speakers, links to the block anchor, and marks the match", async () => {
    await addSession("s1", "conf-a", "published", PANEL);
    expect((await index.search("conf-a", "measure")).map((h) => h.blockId).sort()).toEqual(["n-1", "q-1"]);
    const jody = await index.search("conf-a", "jody unplanned");
    expect(jody).toHaveLength(1);
    expect(jody[0]).toMatchObject({ sessionId: "s1", blockId: "s-1", speakerId: "p-jody", speaker: "Jody Mulkey" });
    expect(jody[0]!.snippet).toContain(`${MATCH_START}unplanned${MATCH_END}`);
    expect((await index.search("conf-a", "great point")).map((h) => h.blockId)).toEqual(["s-1"]);
  });

  it("ranks a match on the speaker above one in the text", async () => {
    await addSession(
      "s1",
      "conf-a",
      "published",
      doc([
        { type: "note", text: "Rolf said something about Jody", children: [] },
        { type: "statement", speaker: "p-jody", text: "Ship smaller batches", asides: [], children: [] },
      ]),
    );
    expect((await index.search("conf-a", "jody")).map((h) => h.blockId)).toEqual(["s-1", "n-1"]);
  });

  it("matches the last word as a prefix and treats query syntax as text", async () => {
    await addSession("s1", "conf-a", "live", PANEL);
    expect((await index.search("conf-a", "cycl")).map((h) => h.blockId)).toEqual(["s-2"]);
    for (const hostile of [
      '"',
      "NEAR(",
      "text:",
      "*",
      "devops) | (",
      "!cycle",
      "cycle:* & !",
      "'; DROP TABLE x; --",
      "<->",
    ]) {
      await expect(index.search("conf-a", hostile)).resolves.toBeInstanceOf(Array);
    }
    expect(await index.search("conf-a", '"DevOps" (really')).toHaveLength(1);
    expect(await index.search("conf-a", "   ")).toEqual([]);
  });

  it("only returns public sessions of the asked conference, and never matches ids", async () => {
    await addSession("s1", "conf-a", "draft", PANEL);
    await addSession("s2", "conf-b", "published", PANEL);
    await addSession("s3", "conf-a", "archived", PANEL);
    expect((await index.search("conf-a", "cycle")).map((h) => h.sessionId)).toEqual(["s3"]);
    expect(await index.search("conf-a", "conf")).toEqual([]);
    expect(await index.search("conf-a", "s3")).toEqual([]);
  });

  it("re-indexes a session whose readers' copy changed, replacing its old rows", async () => {
    await addSession("s1", "conf-a", "published", PANEL);
    expect(await index.search("conf-a", "cycle")).toHaveLength(1);
    const changed = doc([
      { type: "statement", speaker: "p-rolf", text: "Throughput matters", asides: [], children: [] },
    ]);
    await pool.query(`UPDATE "NotesDocument" SET "contentJson" = $1, "updatedAt" = $2 WHERE "sessionId" = 's1'`, [
      JSON.stringify(changed),
      "2026-01-02T00:00:00.000Z",
    ]);
    expect(await index.search("conf-a", "cycle")).toEqual([]);
    expect((await index.search("conf-a", "throughput")).map((h) => h.blockId)).toEqual(["s-1"]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "NotesSearch" WHERE "sessionId" = 's1'`);
    expect(rows[0].n).toBe(2); // one block + the version row
    expect(await index.refreshConference("conf-a")).toBe(0);
  });
});
