import { beforeEach, expect, it } from "vitest";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { MATCH_END, MATCH_START, type SearchHit } from "../../server/data/search-index";
import { searchTestDocument as doc } from "./search-test-document";

/** One search engine (SQLite FTS5 or PostgreSQL text search) on a fresh database with conferences conf-a and conf-b. */
export interface SearchIndexUnderTest {
  search(conferenceId: string, query: string): Promise<SearchHit[]>;
  refreshConference(conferenceId: string): Promise<number>;
  /** A session (its slug and title the id) with this readers' copy. */
  addSession(id: string, conferenceId: string, status: string, content: TalkNotesDocument | null): Promise<void>;
  /** The session's readers' copy changes, as a save writes it. */
  changeNotes(sessionId: string, content: TalkNotesDocument, updatedAt: string): Promise<void>;
  /** How many rows the index holds for the session. */
  indexedRows(sessionId: string): Promise<number>;
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

/** Query syntax of either engine (FTS5, tsquery) and SQL: searched as text, never an error. */
const HOSTILE_QUERIES = [
  '"',
  "NEAR(",
  "text:",
  "*",
  "devops) OR (",
  "devops) | (",
  "sessionId : s1",
  "^cycle",
  "!cycle",
  "cycle:* & !",
  "'; DROP TABLE x; --",
  "<->",
];

/**
 * What every search index must do, whatever the engine: the tests the SQLite
 * and PostgreSQL indexes share (server/data/search-index.test.ts,
 * postgres-search-index.test.ts). Call inside a describe; `fresh` gives the
 * engine on an empty database before each test.
 */
export function searchIndexContract(fresh: () => Promise<SearchIndexUnderTest>): void {
  let index: SearchIndexUnderTest;
  beforeEach(async () => {
    index = await fresh();
  });

  it("finds stemmed words and speakers, links to the block anchor, and marks the match", async () => {
    await index.addSession("s1", "conf-a", "published", PANEL);
    const hits = await index.search("conf-a", "measure");
    // "measuring" (question q-1) and "measures" (note n-1) both stem to "measur".
    expect(hits.map((h) => h.blockId).sort()).toEqual(["n-1", "q-1"]);
    const jody = await index.search("conf-a", "jody unplanned");
    expect(jody).toHaveLength(1);
    expect(jody[0]).toMatchObject({ sessionId: "s1", blockId: "s-1", speakerId: "p-jody", speaker: "Jody Mulkey" });
    expect(jody[0]!.snippet).toContain(`${MATCH_START}unplanned${MATCH_END}`);
    // Asides are searchable too, on the statement they annotate.
    expect((await index.search("conf-a", "great point")).map((h) => h.blockId)).toEqual(["s-1"]);
  });

  it("matches the last word as a prefix and treats query syntax as text", async () => {
    await index.addSession("s1", "conf-a", "live", PANEL);
    expect((await index.search("conf-a", "cycl")).map((h) => h.blockId)).toEqual(["s-2"]);
    for (const hostile of HOSTILE_QUERIES) {
      await expect(
        Promise.resolve().then(() => index.search("conf-a", hostile)),
        hostile,
      ).resolves.toBeInstanceOf(Array);
    }
    expect(await index.search("conf-a", '"DevOps" (really')).toHaveLength(1);
    expect(await index.search("conf-a", "   ")).toEqual([]);
  });

  it("only returns public sessions of the asked conference, and never matches ids", async () => {
    await index.addSession("s1", "conf-a", "draft", PANEL);
    await index.addSession("s2", "conf-b", "published", PANEL);
    await index.addSession("s3", "conf-a", "archived", PANEL);
    expect((await index.search("conf-a", "cycle")).map((h) => h.sessionId)).toEqual(["s3"]);
    // Ids are indexed (or kept beside the text), but readers cannot search them.
    expect(await index.search("conf-a", "conf")).toEqual([]);
    expect(await index.search("conf-a", "s3")).toEqual([]);
  });

  it("re-indexes a session whose readers' copy changed, replacing its old rows", async () => {
    await index.addSession("s1", "conf-a", "published", PANEL);
    expect(await index.search("conf-a", "cycle")).toHaveLength(1);
    const changed = doc([
      { type: "statement", speaker: "p-rolf", text: "Throughput matters", asides: [], children: [] },
    ]);
    await index.changeNotes("s1", changed, "2026-01-02T00:00:00.000Z");
    expect(await index.search("conf-a", "cycle")).toEqual([]);
    expect((await index.search("conf-a", "throughput")).map((h) => h.blockId)).toEqual(["s-1"]);
    expect(await index.indexedRows("s1")).toBe(2); // one block + the version row
    expect(await index.refreshConference("conf-a")).toBe(0);
  });
}
