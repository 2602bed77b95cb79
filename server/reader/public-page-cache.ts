import crypto from "node:crypto";
import type http from "node:http";
import zlib from "node:zlib";
import type Database from "better-sqlite3";
import type pg from "pg";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { siteOrigin } from "../site-origin";

/** Pages kept; the least recently served one is dropped first. */
const PAGES_KEPT = 200;
/** The route handler's headers (app/c/[conference]/[session]/route.ts), which this cache repeats. */
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "x-content-type-options": "nosniff",
  "cache-control": "no-cache",
};

interface CachedPage {
  /** Everything the page shows, as read from the database just before it was rendered (see `key`). */
  key: string;
  /** The origin written into its links (canonical, OpenGraph): a request for another origin is rendered anew. */
  origin: string;
  etag: string;
  body: Buffer;
  gzip: Buffer | null;
}

/**
 * The public session page's bytes, answered by the HTTP entry point
 * (server/index.ts) before Next's pipeline, which costs several times the
 * page's own write (the TTFB goal, row 5 of BENCHMARKS.md's Goals). Next's route handler renders the page and
 * hands its bytes here; every later request checks, with one read of the
 * database (a synchronous SQLite statement, or one PostgreSQL round trip),
 * that nothing the page shows has changed since — the session's status (a
 * draft is never served), its details, its conference, its people, its notes
 * (every stored batch and readers' copy touches them), its revisions (the
 * byline) and the profiles of who may write there (the "About the author"
 * box) — and otherwise falls through to Next, which renders and stores the
 * page again. Checking the database on every request, rather than being told
 * of changes, keeps the cache right for changes made by other processes (the
 * CLI, psql) and by other instances sharing the database: on several
 * instances this read is the invalidation, and it needs no message that could
 * be lost (a Redis notice would miss every writer that is not an instance).
 */
export class PublicPageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly readKey: (conferenceSlug: string, sessionSlug: string) => string | null | Promise<string | null>;

  /** `db`: the server's SQLite connection, or its PostgreSQL pool. */
  constructor(db: Database.Database | pg.Pool) {
    const statuses = PUBLIC_SESSION_STATUSES.map((s) => `'${s}'`).join(", ");
    if ("prepare" in db) {
      const keyQuery = db.prepare<[string, string], { key: string }>(
        `SELECT s.id || '|' || s.status || '|' || s.updatedAt || '|' || c.updatedAt || '|' || IFNULL(n.updatedAt, '') || '|' ||
           IFNULL((SELECT group_concat(sp.personId || ':' || sp.role || ':' || sp.position || ':' || p.updatedAt, ',')
                   FROM "SessionPerson" sp JOIN "Person" p ON p.id = sp.personId WHERE sp.sessionId = s.id), '') || '|' ||
           (SELECT count(*) || ':' || IFNULL(max(r.createdAt), '') FROM "Revision" r WHERE r.sessionId = s.id) || '|' ||
           (SELECT IFNULL(max(u.updatedAt), '') FROM "User" u WHERE u.isAdmin = 1 OR u.id IN (SELECT m.userId FROM "Membership" m WHERE m.conferenceId = c.id)) AS key
         FROM "Session" s JOIN "Conference" c ON c.id = s.conferenceId LEFT JOIN "NotesDocument" n ON n.sessionId = s.id
         WHERE c.slug = ? AND s.slug = ? AND s.status IN (${statuses})`,
      );
      this.readKey = (conferenceSlug, sessionSlug) => keyQuery.get(conferenceSlug, sessionSlug)?.key ?? null;
    } else {
      const sql = `SELECT s.id || '|' || s.status || '|' || s."updatedAt"::text || '|' || c."updatedAt"::text || '|' || COALESCE(n."updatedAt"::text, '') || '|' ||
           COALESCE((SELECT string_agg(sp."personId" || ':' || sp.role || ':' || sp.position || ':' || p."updatedAt"::text, ',' ORDER BY sp."personId", sp.role)
                     FROM "SessionPerson" sp JOIN "Person" p ON p.id = sp."personId" WHERE sp."sessionId" = s.id), '') || '|' ||
           (SELECT count(*) || ':' || COALESCE(max(r."createdAt")::text, '') FROM "Revision" r WHERE r."sessionId" = s.id) || '|' ||
           (SELECT COALESCE(max(u."updatedAt")::text, '') FROM "User" u WHERE u."isAdmin" OR u.id IN (SELECT m."userId" FROM "Membership" m WHERE m."conferenceId" = c.id)) AS key
         FROM "Session" s JOIN "Conference" c ON c.id = s."conferenceId" LEFT JOIN "NotesDocument" n ON n."sessionId" = s.id
         WHERE c.slug = $1 AND s.slug = $2 AND s.status IN (${statuses})`;
      this.readKey = async (conferenceSlug, sessionSlug) =>
        (await db.query<{ key: string }>({ name: "public-page-key", text: sql, values: [conferenceSlug, sessionSlug] }))
          .rows[0]?.key ?? null;
    }
  }

  /**
   * What the page of this public session shows, as one string that changes
   * whenever any of it does; null when there is no such public session
   * (a promise on PostgreSQL). Read it before reading the page's data, so a
   * change in between only makes the stored page stale at once, never
   * wrongly current.
   */
  key(conferenceSlug: string, sessionSlug: string): string | null | Promise<string | null> {
    return this.readKey(conferenceSlug, sessionSlug);
  }

  /** Keeps a rendered page; returns its ETag. */
  remember(conferenceSlug: string, sessionSlug: string, origin: string, key: string, html: string): string {
    const body = Buffer.from(html);
    const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    const id = pageId(conferenceSlug, sessionSlug);
    this.pages.delete(id);
    if (this.pages.size >= PAGES_KEPT) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(id, { key, origin, etag, body, gzip: null });
    return etag;
  }

  /**
   * Answers a GET or HEAD of a cached, still current public session page
   * (200 with its bytes, or 304 when If-None-Match names its ETag) and
   * returns true; returns false for anything else, which Next then handles.
   * On PostgreSQL the answer is a promise (the key is read over the network);
   * a failed read falls through to Next.
   */
  serve(req: http.IncomingMessage, res: http.ServerResponse): boolean | Promise<boolean> {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url?.startsWith("/c/")) return false;
    const slugs = sessionSlugs(req.url);
    if (!slugs) return false;
    const id = pageId(slugs[0], slugs[1]);
    const page = this.pages.get(id);
    if (!page || siteOrigin(requestHeaders(req)) !== page.origin) return false;
    const current = (key: string | null) => {
      if (key !== page.key) {
        if (this.pages.get(id) === page) this.pages.delete(id);
        return false;
      }
      this.answer(req, res, id, page);
      return true;
    };
    const key = this.key(slugs[0], slugs[1]);
    return key instanceof Promise ? key.then(current, () => false) : current(key);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, id: string, page: CachedPage): void {
    if (this.pages.get(id) === page) {
      this.pages.delete(id); // re-inserted: the map's order is least recently served first
      this.pages.set(id, page);
    }
    if (matchesEtag(req.headers["if-none-match"], page.etag)) {
      res.writeHead(304, { etag: page.etag, "cache-control": PAGE_HEADERS["cache-control"] });
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    if (gzip) page.gzip ??= zlib.gzipSync(page.body);
    const body = gzip ? page.gzip! : page.body;
    res.writeHead(200, {
      ...PAGE_HEADERS,
      etag: page.etag,
      vary: "Accept-Encoding",
      "content-length": body.byteLength,
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }
}

function pageId(conferenceSlug: string, sessionSlug: string): string {
  return `${conferenceSlug}/${sessionSlug}`;
}

/** `/c/<conference>/<session>` without a query, decoded as Next decodes route params; else null. */
function sessionSlugs(url: string): [string, string] | null {
  const parts = url.split("/");
  if (parts.length !== 4 || url.includes("?") || !parts[2] || !parts[3]) return null;
  try {
    return [decodeURIComponent(parts[2]), decodeURIComponent(parts[3])];
  } catch {
    return null;
  }
}

/** The request's headers as siteOrigin reads them (a full Headers object costs more than the page's write). */
function requestHeaders(req: http.IncomingMessage): Pick<Headers, "get"> {
  return {
    get: (name) => {
      const value = req.headers[name.toLowerCase()];
      return typeof value === "string" ? value : null;
    },
  };
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
