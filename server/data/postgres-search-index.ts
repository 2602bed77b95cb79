import type pg from "pg";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { readerEntries } from "../../lib/reader/reader-entries";
import { searchWords } from "../../lib/reader/search-words";
import { MATCH_END, MATCH_START, PUBLIC_IN, type SearchHit, parseCopy } from "./search-index";

/** Every word must match; the last also as a prefix (results while a word is half-typed). Words are letters and digits only. */
function tsQuery(input: string): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

const HEADLINE = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter="…"`;

/**
 * The PostgreSQL twin of NotesSearchIndex (search-index.ts): the same rows in
 * the `NotesSearch` table of prisma/migrations-postgres, searched with
 * PostgreSQL's text search (english stemming, speaker ranked above text), and
 * the same lazy refresh by version before a search.
 */
export class PostgresNotesSearchIndex {
  constructor(private readonly pool: pg.Pool) {}

  /** Replaces a session's rows with the blocks of `document` (one transaction). */
  async indexSession(sessionId: string, document: TalkNotesDocument | null, version: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const conference = (
        await client.query<{ conferenceId: string }>(`SELECT "conferenceId" FROM "Session" WHERE id = $1`, [sessionId])
      ).rows[0];
      await client.query(`DELETE FROM "NotesSearch" WHERE "sessionId" = $1`, [sessionId]);
      if (conference) {
        const names = new Map(document?.people.map((p) => [p.id, p.name]) ?? []);
        const rows: Array<[string, string | null, string, string, string]> = [];
        for (const entry of document ? readerEntries(document) : []) {
          const text = [entry.text, ...entry.asides].join(" ").trim();
          if (!text) continue;
          rows.push([
            entry.anchor,
            entry.speaker ?? null,
            "",
            entry.speaker ? (names.get(entry.speaker) ?? "") : "",
            text,
          ]);
        }
        rows.push(["", null, version, "", ""]);
        await client.query(
          `INSERT INTO "NotesSearch" ("conferenceId", "sessionId", "blockId", "speakerId", version, speaker, text)
           SELECT $1, $2, b, s, v, sp, t FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS r(b, s, v, sp, t)`,
          [conference.conferenceId, sessionId, ...[0, 1, 2, 3, 4].map((i) => rows.map((r) => r[i]))],
        );
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Re-indexes one session from its stored readers' copy. */
  async indexStored(sessionId: string): Promise<void> {
    const row = (
      await this.pool.query<{ contentJson: string; version: string }>(
        `SELECT "contentJson", "updatedAt"::text AS version FROM "NotesDocument" WHERE "sessionId" = $1`,
        [sessionId],
      )
    ).rows[0];
    await this.indexSession(sessionId, row ? parseCopy(row.contentJson) : null, row?.version ?? "");
  }

  /** Indexes the conference's public sessions whose readers' copy changed since they were indexed. */
  async refreshConference(conferenceId: string): Promise<number> {
    const { rows } = await this.pool.query<{ id: string; contentJson: string; version: string }>(
      `SELECT s.id, d."contentJson", d."updatedAt"::text AS version
         FROM "Session" s JOIN "NotesDocument" d ON d."sessionId" = s.id
         LEFT JOIN "NotesSearch" n ON n."sessionId" = s.id AND n."blockId" = ''
        WHERE s."conferenceId" = $1 AND s.status IN (${PUBLIC_IN}) AND n.version IS DISTINCT FROM d."updatedAt"::text`,
      [conferenceId],
    );
    for (const row of rows) await this.indexSession(row.id, parseCopy(row.contentJson), row.version);
    return rows.length;
  }

  /** Blocks of the conference's public sessions matching what a reader typed, best first. */
  async search(conferenceId: string, query: string, limit = 50): Promise<SearchHit[]> {
    const terms = tsQuery(query);
    if (!terms) return [];
    await this.refreshConference(conferenceId);
    const { rows } = await this.pool.query<SearchHit>(
      `SELECT n."sessionId", n."blockId", n."speakerId", n.speaker, ts_headline('english', n.text, q, $4) AS snippet
         FROM "NotesSearch" n JOIN "Session" s ON s.id = n."sessionId" AND s.status IN (${PUBLIC_IN}),
              to_tsquery('english', $2) AS q
        WHERE n."conferenceId" = $1 AND n."blockId" <> '' AND n.document @@ q
        ORDER BY ts_rank('{0.1, 0.1, 0.1, 0.2}', n.document, q) DESC LIMIT $3`,
      [conferenceId, terms, limit, HEADLINE],
    );
    return rows;
  }
}
