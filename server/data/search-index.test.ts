import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe } from "vitest";
import { searchIndexContract } from "../../tests/support/search-index-contract";
import { applyMigrations } from "../db/migrate";
import { openSqlite } from "../db/open-sqlite";
import { NotesSearchIndex } from "./search-index";

describe("NotesSearchIndex (real SQLite FTS5)", () => {
  const now = "2026-01-01T00:00:00.000Z";

  searchIndexContract(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-search-"));
    const db = openSqlite(path.join(dir, "t.db"));
    applyMigrations(db);
    for (const c of ["conf-a", "conf-b"]) {
      db.prepare(`INSERT INTO "Conference" (id, slug, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`).run(
        c,
        c,
        c,
        now,
        now,
      );
    }
    const index = new NotesSearchIndex(db);
    return {
      search: async (conferenceId, query) => index.search(conferenceId, query),
      refreshConference: async (conferenceId) => index.refreshConference(conferenceId),
      async addSession(id, conferenceId, status, content) {
        db.prepare(
          `INSERT INTO "Session" (id, conferenceId, slug, title, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, conferenceId, id, `Session ${id}`, status, now, now);
        db.prepare(
          `INSERT INTO "NotesDocument" (sessionId, generation, contentJson, updatedAt) VALUES (?, 'g', ?, ?)`,
        ).run(id, content ? JSON.stringify(content) : "", now);
      },
      async changeNotes(sessionId, content, updatedAt) {
        db.prepare(`UPDATE "NotesDocument" SET contentJson = ?, updatedAt = ? WHERE sessionId = ?`).run(
          JSON.stringify(content),
          updatedAt,
          sessionId,
        );
      },
      async indexedRows(sessionId) {
        const row = db
          .prepare(`SELECT count(*) AS n FROM "NotesSearch" WHERE "NotesSearch" MATCH ?`)
          .get(`sessionId : "${sessionId}"`) as { n: number };
        return row.n;
      },
    };
  });
});
