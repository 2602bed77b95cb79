import { createHash } from "node:crypto";
import { AppError } from "../../lib/errors/app-error";
import { documentSlug } from "../../lib/export/document-slug";
import { postTitle } from "../../lib/export/post-title";
import { renderHtmlFragment } from "../../lib/export/render-html";
import { sanitiseDocument } from "../../lib/export/sanitise-document";
import { IMAGE_FALLBACK, imageFileName } from "../../lib/images/image-file-name";
import { notesExcerpt } from "../../lib/reader/notes-excerpt";
import type { ImageStore } from "../images/image-store";
import type { GhostSettings } from "./destination-settings";
import { ghostAdminToken } from "./ghost-admin-token";
import { guardedHttpRequest } from "./guarded-http-request";
import type { PublishedMediaFile, PublishItem, PublishOutcome, Publisher } from "./publisher";
import { type SentPost, sendChangedPost } from "./send-changed-post";
import { uploadDocumentPhotos } from "./upload-document-photos";

type Json = Record<string, unknown>;

/** Ghost refuses a custom excerpt longer than this. */
const EXCERPT_MAX = 300;

/**
 * Publishes to Ghost (5.x) through its Admin API with an Admin API key
 * ("<id>:<hex secret>" from a custom integration): each request carries a
 * short-lived JWT signed with the secret (HS256, kid = id, aud /admin/).
 * Creates the post the first time (`?source=html`, so Ghost converts the
 * HTML export to its editor format) and updates that same post afterwards,
 * sending the `updated_at` Ghost last reported, as its collision detection
 * requires (a post deleted on the blog is created again). Tags: the
 * conference, the session's kind and track; the excerpt is the notes'
 * excerpt (at most 300 characters); the session's photos are uploaded once
 * per blog (`/images/upload/`, remembered like WordPress media), shown in the
 * body from there, and the first is the feature image. Ghost treats titles and excerpts as text and escapes them itself,
 * so they are sent as text; the body is the escaped HTML fragment. Unchanged
 * sessions are skipped without a request.
 */
export class GhostPublisher implements Publisher {
  constructor(
    private readonly settings: GhostSettings,
    private readonly adminKey: string,
    private readonly allowHosts: ReadonlySet<string> | null,
    private readonly photos: { store: ImageStore; known: ReadonlyMap<string, PublishedMediaFile> },
  ) {
    // Refuses a malformed key before anything is sent.
    ghostAdminToken(adminKey);
  }

  async publish(items: readonly PublishItem[]): Promise<PublishOutcome[]> {
    if (items.length === 0) return [];
    // The key first: a wrong one fails the run before anything is sent.
    await this.call("GET", "/tags/", { limit: "1" }).catch((err: unknown) => {
      if (err instanceof GhostError && (err.httpStatus === 401 || err.httpStatus === 403))
        throw new GhostError(err.httpStatus, `${err.message} (check the Admin API key)`);
      throw err;
    });
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
          async (photo, bytes) => {
            const file = await this.upload(photo.hash, bytes.data, bytes.contentType);
            uploaded.push(file);
            return file;
          },
        );
        const feature = imageUrls.values().next().value;
        const excerpt = notesExcerpt(doc);
        const post = {
          title: postTitle(doc),
          html: renderHtmlFragment(doc, { imageUrls }),
          custom_excerpt: excerpt.length > EXCERPT_MAX ? `${excerpt.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : excerpt,
          status: this.settings.status,
          slug: documentSlug(doc),
          tags: [doc.conference.name, doc.session.kind, doc.session.track ?? ""]
            .map((t) => t.trim())
            .filter(Boolean)
            .map((name) => ({ name })),
          feature_image: feature ?? null,
          ...(doc.session.startsAt ? { published_at: new Date(doc.session.startsAt).toISOString() } : {}),
        };
        outcomes.push(await sendChangedPost(item, post, uploaded, () => this.save(item, post)));
      } catch (err) {
        if (!(err instanceof GhostError)) throw err;
        outcomes.push({ sessionId: item.sessionId, slug: item.slug, action: "failed", error: err.message });
      }
    }
    return outcomes;
  }

  /** Updates the session's post when the blog still has it, else creates it. */
  private async save(item: PublishItem, post: Json): Promise<SentPost> {
    let saved: Json | null = null;
    let action: "created" | "updated" = "created";
    if (item.previous && /^[0-9a-f]{24}$/.test(item.previous.remoteId)) {
      const path = `/posts/${item.previous.remoteId}/`;
      // Ghost refuses an edit without the updated_at it last reported (someone else may have edited since).
      const current = await this.call("GET", path, {}).catch((err: unknown) => {
        if (err instanceof GhostError && err.httpStatus === 404) return null;
        throw err;
      });
      const updatedAt = (current?.posts as Json[] | undefined)?.[0]?.updated_at;
      if (current && typeof updatedAt === "string") {
        saved = await this.call("PUT", path, { source: "html" }, { posts: [{ ...post, updated_at: updatedAt }] });
        action = "updated";
      }
    }
    saved ??= await this.call("POST", "/posts/", { source: "html" }, { posts: [post] });
    const result = (saved.posts as Json[] | undefined)?.[0];
    if (!result || typeof result.id !== "string") throw new GhostError(200, "Ghost answered without the post's id");
    return { action, remoteId: result.id, url: typeof result.url === "string" ? result.url : null };
  }

  /** Uploads a photo's JPEG fallback as an image (Ghost has no media ids for images: the URL is the id). */
  private async upload(hash: string, data: Uint8Array, contentType: string): Promise<PublishedMediaFile> {
    const boundary = `talknotes${createHash("sha256").update(data).digest("hex").slice(0, 24)}`;
    const filename = imageFileName(hash, IMAGE_FALLBACK);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: ${contentType}\r\n\r\n`,
      ),
      Buffer.from(data),
      Buffer.from(
        `\r\n--${boundary}\r\ncontent-disposition: form-data; name="purpose"\r\n\r\nimage\r\n--${boundary}--\r\n`,
      ),
    ]);
    const answer = await this.call("POST", "/images/upload/", {}, body, `multipart/form-data; boundary=${boundary}`);
    const url = (answer.images as Json[] | undefined)?.[0]?.url;
    if (typeof url !== "string") throw new GhostError(200, "Ghost answered without the uploaded image's address");
    return { hash, remoteId: url, url };
  }

  private async call(
    method: "GET" | "POST" | "PUT",
    route: string,
    query: Record<string, string>,
    body?: unknown,
    contentType = "application/json; charset=utf-8",
  ): Promise<Json> {
    const url = new URL(`${this.settings.url}/ghost/api/admin${route}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const { status, text } = await guardedHttpRequest(method, url, {
      headers: {
        authorization: `Ghost ${ghostAdminToken(this.adminKey)}`,
        accept: "application/json",
        "accept-version": "v5.0",
        "user-agent": "Talknotes publisher",
        ...(bytes !== undefined ? { "content-type": contentType } : {}),
      },
      body: bytes,
      allowHosts: this.allowHosts,
      site: `Ghost at ${this.settings.url}`,
    });
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: reported below by status
    }
    if (status >= 200 && status < 300 && json !== null && typeof json === "object") return json as Json;
    const first = json && typeof json === "object" ? ((json as Json).errors as Json[] | undefined)?.[0] : undefined;
    const said = [first?.message, first?.context]
      .filter((m): m is string => typeof m === "string" && m.trim() !== "")
      .join(": ");
    throw new GhostError(
      status,
      `Ghost answered ${status}${said ? `: ${said.replace(/\s+/g, " ").slice(0, 300)}` : status >= 200 && status < 300 ? " with something that is not the Admin API" : ""}`,
    );
  }
}

/** An error answer of the blog; per session it fails that session, on the key check the run. */
class GhostError extends AppError {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(httpStatus === 401 || httpStatus === 403 ? "forbidden" : "invalid_input", message);
  }
}
