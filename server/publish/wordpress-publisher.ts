import { AppError } from "../../lib/errors/app-error";
import { documentSlug } from "../../lib/export/document-slug";
import { escapeHtml } from "../../lib/export/escape-html";
import { IMAGE_FALLBACK, imageFileName } from "../../lib/images/image-file-name";
import type { ImageBlock } from "../../lib/interchange/types";
import { postTitle } from "../../lib/export/post-title";
import { renderHtmlFragment } from "../../lib/export/render-html";
import { sanitiseDocument } from "../../lib/export/sanitise-document";
import { notesExcerpt } from "../../lib/reader/notes-excerpt";
import type { ImageStore } from "../images/image-store";
import type { WordPressSettings } from "./destination-settings";
import { guardedHttpRequest } from "./guarded-http-request";
import type { PublishedMediaFile, PublishItem, PublishOutcome, Publisher } from "./publisher";
import { type SentPost, sendChangedPost } from "./send-changed-post";
import { uploadDocumentPhotos } from "./upload-document-photos";

type Json = Record<string, unknown>;

/** A request body: JSON, or a file's bytes. */
type Body = { json: unknown } | { file: Uint8Array; contentType: string; filename: string };

/**
 * Publishes to WordPress through its REST API (wp/v2) with an application
 * password: creates a post the first time and updates that same post id
 * afterwards, as a draft or published (the destination's setting), in the
 * conference's category, tagged with the session's kind and track, the body
 * the HTML fragment of the export (byline and "About the author" included).
 * The session's photos are uploaded to the media library first, each once
 * per blog (the `known` files of earlier runs are reused, and those of this
 * run are reported with the session's outcome to be remembered), and the
 * body shows them from there. The JPEG fallback is what is uploaded: every
 * WordPress accepts JPEG and makes its own smaller sizes from it, while WebP
 * needs WordPress 5.8 and an image editor built with WebP, which many hosts
 * lack; it has the pixels of the largest WebP variant, so nothing is lost.
 * A session whose upload fails fails whole, and the files this run uploaded
 * for it are deleted again, so a retry starts from the same place.
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
    /** Where the sessions' photos are, and the files this blog already has, by photo hash. */
    private readonly photos: { store: ImageStore; known: ReadonlyMap<string, PublishedMediaFile> },
  ) {
    this.authorization = `Basic ${Buffer.from(`${settings.username}:${password}`).toString("base64")}`;
  }

  async publish(items: readonly PublishItem[]): Promise<PublishOutcome[]> {
    if (items.length === 0) return [];
    // Credentials first: a wrong password fails the run before anything is sent.
    await this.call("GET", "/wp/v2/users/me", { context: "edit" }).catch((err: unknown) => {
      if (err instanceof WordPressError && err.httpStatus === 401)
        throw new WordPressError(401, `${err.message} (check the user name and application password)`);
      throw err;
    });
    const terms = new Map<string, number>();
    const term = async (taxonomy: "categories" | "tags", name: string) => {
      const key = `${taxonomy}:${name.toLowerCase()}`;
      if (!terms.has(key)) terms.set(key, await this.termId(taxonomy, name));
      return terms.get(key)!;
    };
    const media = new Map(this.photos.known);
    const outcomes: PublishOutcome[] = [];
    for (const item of items) {
      const uploaded: PublishedMediaFile[] = [];
      try {
        const doc = sanitiseDocument(item.doc);
        const imageUrls = await uploadDocumentPhotos(
          doc.blocks,
          item.sessionId,
          this.photos.store,
          media,
          (photo, bytes) => this.upload(photo, bytes.data, bytes.contentType, uploaded),
        );
        const tagNames = [doc.session.kind, doc.session.track ?? ""].map((t) => t.trim()).filter(Boolean);
        const payload = {
          title: escapeHtml(postTitle(doc)),
          content: renderHtmlFragment(doc, { imageUrls }),
          excerpt: escapeHtml(notesExcerpt(doc)),
          status: this.settings.status,
          slug: documentSlug(doc),
          ...(doc.session.startsAt ? { date_gmt: new Date(doc.session.startsAt).toISOString().slice(0, 19) } : {}),
          categories: doc.conference.name.trim() ? [await term("categories", doc.conference.name.trim())] : [],
          tags: await Promise.all(tagNames.map((t) => term("tags", t))),
        };
        outcomes.push(await sendChangedPost(item, payload, uploaded, () => this.save(item, payload)));
      } catch (err) {
        if (!(err instanceof WordPressError)) throw err;
        for (const file of uploaded) {
          media.delete(file.hash);
          // Best effort: a file left behind is only unused, and the retry uploads its own.
          await this.call("DELETE", `/wp/v2/media/${file.remoteId}`, { force: "true" }).catch(() => undefined);
        }
        outcomes.push({ sessionId: item.sessionId, slug: item.slug, action: "failed", error: err.message });
      }
    }
    return outcomes;
  }

  /** Updates the session's post; a post deleted on the blog since is created again (and the new id stored). */
  private async save(item: PublishItem, payload: Json): Promise<SentPost> {
    let post: Json | null = null;
    let action: "created" | "updated" = "created";
    if (item.previous && /^\d+$/.test(item.previous.remoteId)) {
      post = await this.call("POST", `/wp/v2/posts/${item.previous.remoteId}`, {}, { json: payload }).catch(
        (err: unknown) => {
          if (err instanceof WordPressError && err.httpStatus === 404) return null;
          throw err;
        },
      );
      if (post) action = "updated";
    }
    post ??= await this.call("POST", "/wp/v2/posts", {}, { json: payload });
    return { action, remoteId: String(post.id), url: typeof post.link === "string" ? post.link : null };
  }

  /**
   * Uploads one photo to the media library, then sets its alt text and
   * caption (the upload itself takes only the file). `uploaded` gets the file
   * as soon as it exists, so a failure of the second request still removes it.
   */
  private async upload(
    photo: ImageBlock,
    data: Uint8Array,
    contentType: string,
    uploaded: PublishedMediaFile[],
  ): Promise<PublishedMediaFile> {
    const created = await this.call(
      "POST",
      "/wp/v2/media",
      {},
      { file: data, contentType, filename: imageFileName(photo.hash, IMAGE_FALLBACK) },
    );
    if (typeof created.id !== "number" || typeof created.source_url !== "string")
      throw new WordPressError(200, "WordPress answered 200 without the uploaded file's id and address");
    const file = { hash: photo.hash, remoteId: String(created.id), url: created.source_url };
    uploaded.push(file);
    // WordPress keeps a caption as given (HTML for an administrator): escaped, it arrives as text.
    await this.call(
      "POST",
      `/wp/v2/media/${file.remoteId}`,
      {},
      { json: { alt_text: photo.alt, caption: escapeHtml(photo.caption) } },
    );
    return file;
  }

  /** The id of the category or tag of that name, created when the blog has none. */
  private async termId(taxonomy: "categories" | "tags", name: string): Promise<number> {
    const found = await this.call("GET", `/wp/v2/${taxonomy}`, { search: name, per_page: "100" });
    const list = Array.isArray(found) ? (found as Json[]) : [];
    // WordPress stores term names HTML-escaped.
    const match = list.find(
      (t) => typeof t.name === "string" && decodeEntities(t.name).toLowerCase() === name.toLowerCase(),
    );
    if (match) return Number(match.id);
    return Number((await this.call("POST", `/wp/v2/${taxonomy}`, {}, { json: { name: escapeHtml(name) } })).id);
  }

  private async call(
    method: "GET" | "POST" | "DELETE",
    route: string,
    query: Record<string, string>,
    body?: Body,
  ): Promise<Json> {
    const url = new URL(`${this.settings.url}/`);
    url.searchParams.set("rest_route", route);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const { status, text } = await this.request(method, url, body);
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: reported below by status
    }
    if (status >= 200 && status < 300 && json !== null && typeof json === "object") return json as Json;
    const said =
      json && typeof json === "object" && typeof (json as Json).message === "string"
        ? plain((json as Json).message as string)
        : null;
    throw new WordPressError(
      status,
      `WordPress answered ${status}${said ? `: ${said}` : status >= 200 && status < 300 ? " with something that is not the REST API" : ""}`,
    );
  }

  private request(method: string, url: URL, body: Body | undefined): Promise<{ status: number; text: string }> {
    const bytes =
      body === undefined ? undefined : "json" in body ? Buffer.from(JSON.stringify(body.json)) : Buffer.from(body.file);
    const bodyHeaders: Record<string, string> =
      body === undefined
        ? {}
        : "json" in body
          ? { "content-type": "application/json; charset=utf-8" }
          : // The file name is a hash and a fixed suffix, nothing to quote.
            { "content-type": body.contentType, "content-disposition": `attachment; filename="${body.filename}"` };
    return guardedHttpRequest(method, url, {
      headers: {
        authorization: this.authorization,
        accept: "application/json",
        "user-agent": "Talknotes publisher",
        ...bodyHeaders,
      },
      body: bytes,
      allowHosts: this.allowHosts,
      site: `WordPress at ${this.settings.url}`,
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

/** WordPress messages may carry a little HTML ("<strong>Error:</strong>"): as one line of text. */
function plain(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
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
