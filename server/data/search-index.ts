import type Database from "better-sqlite3";
import { INTERCHANGE_FORMAT, type TalkNotesDocument } from "../../lib/interchange/types";
import { ftsQuery } from "../../lib/reader/fts-query";
import { readerEntries } from "../../lib/reader/reader-entries";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";

/** One search result: a block of a public session's notes. */
export interface SearchHit {
  sessionId: string;
  /** Anchor of the block on the session page (`q-3`, `s-12`, ...). */
  blockId: string;
  /** Person id of who said it, when attributed. */
  speakerId: string | null;
  /** Their name as indexed ("" when unattributed). */
  speaker: string;
  /** The block's text with matches between \u0001 and \u0002 (escape, then turn them into <mark>). */
  snippet: string;
}

/** Marks around matched words in snippets: control characters, which no note text contains (sanitised). */
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

export const PUBLIC_IN = PUBLIC_SESSION_STATUSES.map((s) => `'${s}'`).join(", ");

/** FTS5 column filter for an id: indexed columns hold ids as single tokens. */
function idFilter(column: "conferenceId" | "sessionId", id: string): string {
  return `${column} : "${id.replace(/"/g, '""')}"`;
}

/**
 * The full-text index of the readers' copies (FTS5 table `NotesSearch`, see
 * its migration). Written when a readers' copy is rendered, and brought up to
 * date lazily before a search for sessions written by other paths (imports,
 * the CLI): each session keeps a version row recording which
 * `NotesDocument.updatedAt` it was indexed from. Synchronous better-sqlite3,
 * like the notes store.
 */
export class NotesSearchIndex {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      conferenceOf: db.prepare(`SELECT conferenceId FROM "Session" WHERE id = ?`),
      drop: db.prepare(
        `DELETE FROM "NotesSearch" WHERE rowid IN (SELECT rowid FROM "NotesSearch" WHERE "NotesSearch" MATCH ?)`,
      ),
      insert: db.prepare(
        `INSERT INTO "NotesSearch" (conferenceId, sessionId, blockId, speakerId, version, speaker, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      versions: db.prepare(`SELECT sessionId, version FROM "NotesSearch" WHERE "NotesSearch" MATCH ? AND blockId = ''`),
      documents: db.prepare(
        `SELECT s.id, d.contentJson, CAST(d.updatedAt AS TEXT) AS version FROM "Session" s JOIN "NotesDocument" d ON d.sessionId = s.id
          WHERE s.conferenceId = ? AND s.status IN (${PUBLIC_IN})`,
      ),
      document: db.prepare(
        `SELECT contentJson, CAST(updatedAt AS TEXT) AS version FROM "NotesDocument" WHERE sessionId = ?`,
      ),
      search: db.prepare(
        `SELECT n.sessionId, n.blockId, n.speakerId, n.speaker, snippet("NotesSearch", 6, '${MATCH_START}', '${MATCH_END}', '…', 24) AS snippet
           FROM "NotesSearch" n JOIN "Session" s ON s.id = n.sessionId AND s.status IN (${PUBLIC_IN})
          WHERE "NotesSearch" MATCH ? AND n.blockId <> ''
          ORDER BY bm25("NotesSearch", 0, 0, 0, 0, 0, 2.0, 1.0) LIMIT ?`,
      ),
    };
  }

  /** Replaces a session's rows with the blocks of `document` (one transaction). */
  indexSession(sessionId: string, document: TalkNotesDocument | null, version: string): void {
    const conference = this.stmts.conferenceOf.get(sessionId) as { conferenceId: string } | undefined;
    this.db.transaction(() => {
      this.stmts.drop.run(idFilter("sessionId", sessionId));
      if (!conference) return;
      const names = new Map(document?.people.map((p) => [p.id, p.name]) ?? []);
      for (const entry of document ? readerEntries(document) : []) {
        const text = [entry.text, ...entry.asides].join(" ").trim();
        if (!text) continue;
        const speaker = entry.speaker ? (names.get(entry.speaker) ?? "") : "";
        this.stmts.insert.run(conference.conferenceId, sessionId, entry.anchor, entry.speaker, "", speaker, text);
      }
      this.stmts.insert.run(conference.conferenceId, sessionId, "", null, version, "", "");
    })();
  }

  /** Re-indexes one session from its stored readers' copy. */
  indexStored(sessionId: string): void {
    const row = this.stmts.document.get(sessionId) as { contentJson: string; version: string } | undefined;
    this.indexSession(sessionId, row ? parseCopy(row.contentJson) : null, row?.version ?? "");
  }

  /** Indexes the conference's public sessions whose readers' copy changed since they were indexed. */
  refreshConference(conferenceId: string): number {
    const indexed = new Map(
      (this.stmts.versions.all(idFilter("conferenceId", conferenceId)) as { sessionId: string; version: string }[]).map(
        (r) => [r.sessionId, r.version],
      ),
    );
    let refreshed = 0;
    for (const row of this.stmts.documents.all(conferenceId) as {
      id: string;
      contentJson: string;
      version: string;
    }[]) {
      if (indexed.get(row.id) === row.version) continue;
      this.indexSession(row.id, parseCopy(row.contentJson), row.version);
      refreshed += 1;
    }
    return refreshed;
  }

  /** Blocks of the conference's public sessions matching what a reader typed, best first. */
  search(conferenceId: string, query: string, limit = 50): SearchHit[] {
    const terms = ftsQuery(query);
    if (!terms) return [];
    this.refreshConference(conferenceId);
    return this.stmts.search.all(`${idFilter("conferenceId", conferenceId)} AND ${terms}`, limit) as SearchHit[];
  }
}

/** A stored readers' copy, or null when it is empty, unreadable or of an unknown format (shared by both indexes). */
export function parseCopy(json: string): TalkNotesDocument | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as TalkNotesDocument;
    // A copy from an unknown format is skipped rather than indexed wrongly; the next render replaces it.
    return value?.format === INTERCHANGE_FORMAT && Array.isArray(value.blocks) && Array.isArray(value.people)
      ? value
      : null;
  } catch {
    return null;
  }
}
