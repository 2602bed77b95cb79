import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { applyMigrations } from "../db/migrate";
import { openSqlite } from "../db/open-sqlite";
import { MATCH_END, MATCH_START, NotesSearchIndex } from "./search-index";

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

describe("NotesSearchIndex (real SQLite FTS5)", () => {
  let db: ReturnType<typeof openSqlite>;
  let index: NotesSearchIndex;
  const now = "2026-01-01T00:00:00.000Z";

  function addSession(id: string, conferenceId: string, status: string, content: TalkNotesDocument | null) {
    db.prepare(
      `INSERT INTO "Session" (id, conferenceId, slug, title, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, conferenceId, id, `Session ${id}`, status, now, now);
    db.prepare(`INSERT INTO "NotesDocument" (sessionId, generation, contentJson, updatedAt) VALUES (?, 'g', ?, ?)`).run(
      id,
      content ? JSON.stringify(content) : "",
      now,
    );
  }

  beforeEach(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-search-"));
    db = openSqlite(path.join(dir, "t.db"));
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
    index = new NotesSearchIndex(db);
  });

  it("finds stemmed words and speakers, links to the block anchor, and marks the match", () => {
    addSession("s1", "conf-a", "published", PANEL);
    const hits = index.search("conf-a", "measure");
    // "measuring" (question q-1) and "measures" (note n-1) both stem to "measur".
    expect(hits.map((h) => h.blockId).sort()).toEqual(["n-1", "q-1"]);
    const jody = index.search("conf-a", "jody unplanned");
    expect(jody).toHaveLength(1);
    expect(jody[0]).toMatchObject({ sessionId: "s1", blockId: "s-1", speakerId: "p-jody", speaker: "Jody Mulkey" });
    expect(jody[0]!.snippet).toContain(`${MATCH_START}unplanned${MATCH_END}`);
    // Asides are searchable too, on the statement they annotate.
    expect(index.search("conf-a", "great point").map((h) => h.blockId)).toEqual(["s-1"]);
  });

  it("matches the last word as a prefix and treats FTS syntax in the query as text", () => {
    addSession("s1", "conf-a", "live", PANEL);
    expect(index.search("conf-a", "cycl").map((h) => h.blockId)).toEqual(["s-2"]);
    for (const hostile of ['"', "NEAR(", "text:", "*", "devops) OR (", "sessionId : s1", "^cycle"]) {
      expect(() => index.search("conf-a", hostile)).not.toThrow();
    }
    expect(index.search("conf-a", '"DevOps" (really')).toHaveLength(1);
    expect(index.search("conf-a", "   ")).toEqual([]);
  });

  it("only returns public sessions of the asked conference", () => {
    addSession("s1", "conf-a", "draft", PANEL);
    addSession("s2", "conf-b", "published", PANEL);
    addSession("s3", "conf-a", "archived", PANEL);
    const hits = index.search("conf-a", "cycle");
    expect(hits.map((h) => h.sessionId)).toEqual(["s3"]);
    // Ids are indexed as tokens, but readers cannot search them.
    expect(index.search("conf-a", "conf")).toEqual([]);
    expect(index.search("conf-a", "s3")).toEqual([]);
  });

  it("re-indexes a session whose readers' copy changed, replacing its old rows", () => {
    addSession("s1", "conf-a", "published", PANEL);
    expect(index.search("conf-a", "cycle")).toHaveLength(1);
    const changed = doc([
      { type: "statement", speaker: "p-rolf", text: "Throughput matters", asides: [], children: [] },
    ]);
    db.prepare(`UPDATE "NotesDocument" SET contentJson = ?, updatedAt = ? WHERE sessionId = 's1'`).run(
      JSON.stringify(changed),
      "2026-01-02T00:00:00.000Z",
    );
    expect(index.search("conf-a", "cycle")).toEqual([]);
    expect(index.search("conf-a", "throughput").map((h) => h.blockId)).toEqual(["s-1"]);
    const rows = db
      .prepare(`SELECT count(*) AS n FROM "NotesSearch" WHERE "NotesSearch" MATCH 'sessionId : "s1"'`)
      .get() as { n: number };
    expect(rows.n).toBe(2); // one block + the version row
    expect(index.refreshConference("conf-a")).toBe(0);
  });
});
