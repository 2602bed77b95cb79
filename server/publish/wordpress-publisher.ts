import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { AppError } from "../../lib/errors/app-error";
import { documentSlug } from "../../lib/export/document-slug";
import { escapeHtml } from "../../lib/export/escape-html";
import { postTitle } from "../../lib/export/post-title";
import { renderHtmlFragment } from "../../lib/export/render-html";
import { sanitiseDocument } from "../../lib/export/sanitise-document";
import { notesExcerpt } from "../../lib/reader/notes-excerpt";
import { BlockedAddressError } from "../data/blocked-address-error";
import { guardedLookup } from "../data/guarded-lookup";
import { isPublicAddress } from "../data/is-public-address";
import type { WordPressSettings } from "./destination-settings";
import type { PublishItem, PublishOutcome, Publisher } from "./publisher";

/** Longest one request may take. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Largest answer read (a post comes back with its content). */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

type Json = Record<string, unknown>;

/**
 * Publishes to WordPress through its REST API (wp/v2) with an application
 * password: creates a post the first time and updates that same post id
 * afterwards, as a draft or published (the destination's setting), in the
 * conference's category, tagged with the session's kind and track, the body
 * the HTML fragment of the export (byline and "About the author" included).
 * WordPress keeps the title and body as given (an administrator may post raw
 * HTML), so both are escaped here: a hostile title or note arrives as text.
 * Unchanged sessions (same payload hash as last time) are skipped without a
 * request. Requests go to `?rest_route=`, which every WordPress answers
 * whatever its permalinks; sockets connect only to public addresses unless
 * the operator allowed the host.
 */
export class WordPressPublisher implements Publisher {
  private readonly authorization: string;

  constructor(
    private readonly settings: WordPressSettings,
    password: string,
    /** Hosts allowed at private or loopback addresses; null: any address (the operator's CLI). */
    private readonly allowHosts: ReadonlySet<string> | null,
  ) {
    this.authorization = `Basic ${Buffer.from(`${settings.username}:${password}`).toString("base64")}`;
  }

  async publish(items: readonly PublishItem[]): Promise<PublishOutcome[]> {
    if (items.length === 0) return [];
    // Credentials first: a wrong password fails the run before anything is sent.
    await this.call("GET", "/wp/v2/users/me", { context: "edit" }).catch((err: unknown) => {
      if (err instanceof WordPressError && err.httpStatus === 401) throw new WordPressError(401, `${err.message} (check the user name and application password)`);
      throw err;
    });
    const terms = new Map<string, number>();
    const term = async (taxonomy: "categories" | "tags", name: string) => {
      const key = `${taxonomy}:${name.toLowerCase()}`;
      if (!terms.has(key)) terms.set(key, await this.termId(taxonomy, name));
      return terms.get(key)!;
    };
    const outcomes: PublishOutcome[] = [];
    for (const item of items) {
      try {
        const doc = sanitiseDocument(item.doc);
        const tagNames = [doc.session.kind, doc.session.track ?? ""].map((t) => t.trim()).filter(Boolean);
        const payload = {
          title: escapeHtml(postTitle(doc)),
          content: renderHtmlFragment(doc),
          excerpt: escapeHtml(notesExcerpt(doc)),
          status: this.settings.status,
          slug: documentSlug(doc),
          ...(doc.session.startsAt ? { date_gmt: new Date(doc.session.startsAt).toISOString().slice(0, 19) } : {}),
          categories: doc.conference.name.trim() ? [await term("categories", doc.conference.name.trim())] : [],
          tags: await Promise.all(tagNames.map((t) => term("tags", t))),
        };
        const contentHash = createHash("sha256").update(JSON.stringify(payload)).digest("hex");
        if (item.previous?.contentHash === contentHash) {
          outcomes.push({ sessionId: item.sessionId, slug: item.slug, action: "skipped", remoteId: item.previous.remoteId, contentHash, url: null });
          continue;
        }
        let post: Json | null = null;
        let action: "created" | "updated" = "created";
        if (item.previous && /^\d+$/.test(item.previous.remoteId)) {
          // A post deleted on the blog since is created again (and the new id stored).
          post = await this.call("POST", `/wp/v2/posts/${item.previous.remoteId}`, {}, payload).catch((err: unknown) => {
            if (err instanceof WordPressError && err.httpStatus === 404) return null;
            throw err;
          });
          if (post) action = "updated";
        }
        post ??= await this.call("POST", "/wp/v2/posts", {}, payload);
        outcomes.push({ sessionId: item.sessionId, slug: item.slug, action, remoteId: String(post.id), contentHash, url: typeof post.link === "string" ? post.link : null });
      } catch (err) {
        if (!(err instanceof WordPressError)) throw err;
        outcomes.push({ sessionId: item.sessionId, slug: item.slug, action: "failed", error: err.message });
      }
    }
    return outcomes;
  }

  /** The id of the category or tag of that name, created when the blog has none. */
  private async termId(taxonomy: "categories" | "tags", name: string): Promise<number> {
    const found = await this.call("GET", `/wp/v2/${taxonomy}`, { search: name, per_page: "100" });
    const list = Array.isArray(found) ? (found as Json[]) : [];
    // WordPress stores term names HTML-escaped.
    const match = list.find((t) => typeof t.name === "string" && decodeEntities(t.name).toLowerCase() === name.toLowerCase());
    if (match) return Number(match.id);
    return Number((await this.call("POST", `/wp/v2/${taxonomy}`, {}, { name: escapeHtml(name) })).id);
  }

  private async call(method: "GET" | "POST", route: string, query: Record<string, string>, body?: unknown): Promise<Json> {
    const url = new URL(`${this.settings.url}/`);
    url.searchParams.set("rest_route", route);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const { status, text } = await this.request(method, url, body === undefined ? undefined : JSON.stringify(body));
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: reported below by status
    }
    if (status >= 200 && status < 300 && json !== null && typeof json === "object") return json as Json;
    const said = json && typeof json === "object" && typeof (json as Json).message === "string" ? plain((json as Json).message as string) : null;
    throw new WordPressError(status, `WordPress answered ${status}${said ? `: ${said}` : status >= 200 && status < 300 ? " with something that is not the REST API" : ""}`);
  }

  private request(method: string, url: URL, body: string | undefined): Promise<{ status: number; text: string }> {
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
    const allowed = this.allowHosts === null || this.allowHosts.has(host);
    if (net.isIP(host) && !allowed && !isPublicAddress(host)) return Promise.reject(blocked(host));
    const send = url.protocol === "https:" ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method,
          agent: false,
          lookup: guardedLookup(allowed),
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            authorization: this.authorization,
            accept: "application/json",
            "user-agent": "Talknotes publisher",
            ...(body !== undefined ? { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) res.destroy(new Error("answer too large"));
            else chunks.push(chunk);
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", (err) => reject(unreachable(this.settings.url, err)));
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
      req.on("error", (err) => reject(err instanceof BlockedAddressError ? blocked(err.host) : unreachable(this.settings.url, err)));
      req.end(body);
    });
  }
}

/** An error answer of the blog; per session it fails that session, on the credentials check the run. */
class WordPressError extends AppError {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(httpStatus === 401 || httpStatus === 403 ? "forbidden" : "invalid_input", message);
  }
}

function unreachable(site: string, err: Error & { code?: string }): AppError {
  return new AppError("invalid_input", `WordPress at ${site} is unreachable: ${err.code ?? err.message}`);
}

function blocked(host: string): AppError {
  return new AppError("invalid_input", `${host} is a private or local address, which publishing does not connect to (the operator can allow a host with PUBLISH_ALLOW_HOSTS)`);
}

/** WordPress messages may carry a little HTML ("<strong>Error:</strong>"): as one line of text. */
function plain(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim().slice(0, 300);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d{1,7});/g, (_, n: string) => codePoint(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => codePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#039;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
}
