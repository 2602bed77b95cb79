import type * as Y from "yjs";

/** Renders a readers' copy: `now` when someone waits for it (see `RoomOptions.onContentChange`). */
export type RenderReadersCopy = (sessionId: string, doc: Y.Doc, now?: boolean) => void | Promise<unknown>;

/**
 * When a room's readers' copy is rendered: once `delayMs` after the first
 * change of a burst (continuous typing still renders once per delay), at once
 * when someone waits for it, and one last time when the room unloads with a
 * render still due. Failures are logged, never thrown into the room.
 */
export class ReadersCopySchedule {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly sessionId: string,
    private readonly doc: Y.Doc,
    private readonly render: RenderReadersCopy,
    private readonly delayMs: number | ((sessionId: string) => number),
  ) {}

  /** The document changed: render within the delay (unless a render is already due). */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        // run() logs its own failures; nobody waits for a scheduled render.
        void this.run();
      },
      typeof this.delayMs === "function" ? this.delayMs(this.sessionId) : this.delayMs,
    );
  }

  /** Renders now instead of when due; resolves once the render is stored when it is asynchronous. */
  async now(): Promise<void> {
    this.cancel();
    await this.run(true);
  }

  /** The room unloads: a render still due happens now, nothing afterwards. */
  close(): void {
    if (this.timer) {
      this.cancel();
      // The last render of an unloading room: it logs its own failures, and unloading does not wait for it.
      void this.run();
    }
    this.closed = true;
  }

  /** Drops a render still due and renders nothing afterwards (the document is discarded). */
  discard(): void {
    this.cancel();
    this.closed = true;
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(now = false): void | Promise<unknown> {
    if (this.closed) return;
    const failed = (err: unknown) => console.error(`[collab] rendering readers' copy of ${this.sessionId} failed`, err);
    try {
      return this.render(this.sessionId, this.doc, now)?.catch(failed);
    } catch (err) {
      failed(err);
    }
  }
}
