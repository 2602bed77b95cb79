import type { Editor } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { IMAGE_LIMITS } from "@/lib/images/image-limits";
import { sessionImagesPath } from "@/lib/images/session-images-path";
import { IMAGE_NODE_NAME } from "@/lib/schema/image";
import { findNotesBlock } from "@/lib/schema/commands/find-notes-block";
import { type PendingPhoto, pendingPhotoDb } from "./pending-photo-db";

/** Types a browser may hand us that the server accepts (it checks the bytes again). */
const ACCEPTED = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);
/** Retry interval while photos wait and the network is up but the server is not answering. */
const RETRY_MS = 5000;

/** What the upload route answers. */
interface Uploaded {
  hash: string;
  width: number;
  height: number;
  placeholder: string;
}

/**
 * This device's photos for one session, from the moment they are taken to
 * the moment the server has them:
 *
 * 1. `add` keeps the file in IndexedDB (pending-photo-db.ts) and puts an
 *    image block with an `upload` id at the caret: it shows at once from a
 *    local object URL, offline too, and the block itself syncs like any edit.
 * 2. Each pending photo is uploaded (now, on `online`, every few seconds
 *    while any wait); the answer's hash is written into every block with that
 *    upload id, which is what shows the photo to co-editors.
 * 3. Only then is the file removed from IndexedDB. A reload in between finds
 *    it again (`start`), so nothing is lost.
 *
 * A photo the server refuses (not an image, too large) is removed with its
 * block and the reason is told through `onProblem`. `count` (for the sync
 * status) is the number of photos not yet on the server.
 */
export class PhotoQueue {
  private pending = new Map<string, PendingPhoto>();
  private urls = new Map<string, string>();
  private listeners = new Set<() => void>();
  private draining = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly onOnline = () => void this.drain();

  constructor(
    private readonly sessionId: string,
    private readonly editor: () => Editor | null,
    private readonly onProblem: (message: string) => void,
  ) {}

  /** Loads the photos a previous page left waiting and starts uploading them (again after `dispose`). */
  async start(): Promise<void> {
    this.disposed = false;
    window.addEventListener("online", this.onOnline);
    try {
      for (const photo of await pendingPhotoDb.forSession(this.sessionId)) this.pending.set(photo.id, photo);
    } catch {
      // No IndexedDB (private mode on some browsers): photos still work while the page is open.
    }
    this.changed();
    void this.drain();
  }

  dispose(): void {
    this.disposed = true;
    window.removeEventListener("online", this.onOnline);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  count = (): number => this.pending.size;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** An object URL of the file this device holds for an upload id, or null. */
  localUrl(uploadId: string | null): string | null {
    if (!uploadId) return null;
    const known = this.urls.get(uploadId);
    if (known) return known;
    const photo = this.pending.get(uploadId);
    if (!photo) return null;
    const url = URL.createObjectURL(photo.blob);
    this.urls.set(uploadId, url);
    return url;
  }

  /** Adds photos (pasted, dropped or taken) at the caret, or at `at` (a document position, for drops). */
  async add(files: readonly File[], at?: number): Promise<void> {
    const editor = this.editor();
    if (!editor || !editor.isEditable) return;
    let insertAt = at;
    for (const file of files) {
      const problem = refusal(file);
      if (problem) {
        this.onProblem(problem);
        continue;
      }
      const id = newUploadId();
      const photo: PendingPhoto = { id, sessionId: this.sessionId, blob: file, createdAt: Date.now() };
      this.pending.set(id, photo);
      const url = this.localUrl(id)!;
      const size = await naturalSize(url);
      try {
        await pendingPhotoDb.put(photo);
      } catch {
        // Kept in memory: it uploads while this page is open.
      }
      insertAt = insertPhotoBlock(
        editor,
        { upload: id, width: size?.width ?? null, height: size?.height ?? null },
        insertAt,
      );
      this.changed();
    }
    void this.drain();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private schedule(): void {
    if (this.timer || this.disposed || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, RETRY_MS);
  }

  /** Uploads every pending photo, one at a time; whatever fails for the network waits for the next try. */
  async drain(): Promise<void> {
    if (this.draining || this.disposed) return;
    this.draining = true;
    try {
      for (const photo of [...this.pending.values()]) {
        if (!navigator.onLine || this.disposed) break;
        if (!this.findBlocks(photo.id)) {
          // The block is gone (deleted before the photo ever left): nothing to upload.
          await this.forget(photo.id);
          continue;
        }
        let res: Response;
        try {
          res = await fetch(sessionImagesPath(this.sessionId), {
            method: "POST",
            body: photo.blob,
            headers: { "content-type": "application/octet-stream" },
          });
        } catch {
          break; // network: try again later
        }
        if (res.ok) {
          // Kept when no editor could take the hash (it was being re-created): the next try uploads
          // again, which the server answers from what it stored (same bytes, same hash).
          if (this.applyUploaded(photo.id, (await res.json()) as Uploaded)) await this.forget(photo.id, true);
        } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
          const { error } = (await res.json().catch(() => ({}))) as { error?: string };
          this.onProblem(`The photo was not added: ${error ?? `the server answered ${res.status}`}`);
          this.removeBlocks(photo.id);
          await this.forget(photo.id);
        } else {
          break; // the server is struggling: later
        }
      }
    } finally {
      this.draining = false;
      this.schedule();
    }
  }

  private async forget(id: string, keepUrl = false): Promise<void> {
    this.pending.delete(id);
    if (!keepUrl) {
      const url = this.urls.get(id);
      if (url) URL.revokeObjectURL(url);
      this.urls.delete(id);
    }
    await pendingPhotoDb.delete(id).catch(() => undefined);
    this.changed();
  }

  /** Positions of the blocks carrying an upload id (normally one); null when none; [] when no editor can tell. */
  private findBlocks(uploadId: string): Array<{ pos: number; node: ProseMirrorNode }> | null {
    const editor = this.editor();
    if (!editor || editor.isDestroyed) return [];
    const found: Array<{ pos: number; node: ProseMirrorNode }> = [];
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === IMAGE_NODE_NAME && node.attrs.upload === uploadId) found.push({ pos, node });
    });
    return found.length ? found : null;
  }

  /** Writes the hash into the photo's blocks; false when no editor is there to take it. */
  private applyUploaded(uploadId: string, uploaded: Uploaded): boolean {
    const editor = this.editor();
    if (!editor || editor.isDestroyed) return false;
    const blocks = this.findBlocks(uploadId);
    // Deleted while it uploaded: nothing to show it in, nothing left to do.
    if (!blocks?.length) return true;
    // Keep the object URL for this hash, so the photo does not flash while the served copy loads.
    const url = this.urls.get(uploadId);
    if (url) this.urls.set(uploaded.hash, url);
    const tr = editor.state.tr;
    for (const { pos, node } of blocks) {
      tr.setNodeMarkup(pos, undefined, {
        ...node.attrs,
        hash: uploaded.hash,
        upload: null,
        width: uploaded.width,
        height: uploaded.height,
        placeholder: uploaded.placeholder,
      });
    }
    tr.setMeta("addToHistory", false);
    editor.view.dispatch(tr);
    return true;
  }

  private removeBlocks(uploadId: string): void {
    const editor = this.editor();
    const blocks = this.findBlocks(uploadId);
    if (!editor || !blocks?.length) return;
    const tr = editor.state.tr;
    for (const { pos, node } of blocks.reverse()) tr.delete(pos, pos + node.nodeSize);
    if (tr.doc.childCount === 0) return;
    editor.view.dispatch(tr);
  }
}

/** Why a file cannot be a photo, in words, or null. */
function refusal(file: File): string | null {
  if (!ACCEPTED.has(file.type)) {
    return `"${file.name}" was not added: photos must be JPEG, PNG, GIF or WebP${file.type === "image/svg+xml" ? " (SVG is not accepted)" : ""}.`;
  }
  if (file.size > IMAGE_LIMITS.maxUploadBytes) {
    return `"${file.name}" was not added: a photo may be at most ${IMAGE_LIMITS.maxUploadBytes / 1024 / 1024} MB.`;
  }
  return null;
}

function newUploadId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return "u" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The upright size the browser shows the file at (EXIF orientation applied), or null. */
async function naturalSize(url: string): Promise<{ width: number; height: number } | null> {
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  } catch {
    return null;
  }
}

/**
 * Puts a photo block at the caret without splitting the line being typed:
 * before the caret's line when it is empty (the caret stays there, ready for
 * the next words), else after the caret's block, as its sibling; or at `at`
 * (drops, further photos of one paste). A photo that ends up last gets an
 * empty note after it, so there is always a line to type on below a photo.
 * Returns the position after the photo, where a next one goes.
 */
function insertPhotoBlock(editor: Editor, attrs: Record<string, unknown>, at?: number): number {
  const { state } = editor;
  const { nodes } = state.schema;
  const node = nodes[IMAGE_NODE_NAME]!.create(attrs);
  let pos = at;
  if (pos === undefined) {
    const block = findNotesBlock(state.selection.$from);
    const emptyLine =
      block && block.node.type.name !== IMAGE_NODE_NAME && block.node.childCount === 1 && block.node.textContent === "";
    pos = !block ? state.doc.content.size : emptyLine ? block.pos : block.pos + block.node.nodeSize;
  }
  const tr = state.tr.insert(pos, node);
  const after = pos + node.nodeSize;
  if (!tr.doc.resolve(after).nodeAfter) {
    tr.insert(after, nodes.note!.create(null, nodes.paragraph!.create()));
    tr.setSelection(TextSelection.near(tr.doc.resolve(after + 2)));
  }
  editor.view.dispatch(tr.scrollIntoView());
  return after;
}
