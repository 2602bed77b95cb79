import type { PostgresNotesSearchIndex } from "../data/postgres-search-index";
import type { NotesSearchIndex } from "../data/search-index";
import type { LiveHub } from "./live-hub";

/**
 * What happens after a room stored a new readers' copy: live readers get it
 * at once (the hub renders only for sessions someone is reading), and the
 * search index follows at most every `indexEveryMs` per session, because
 * re-indexing on every burst of typing would cost more than it gives (search
 * also re-indexes stale sessions itself before it answers).
 */
export class ReadersCopyListener {
  private readonly indexTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly hub: LiveHub,
    private readonly search: NotesSearchIndex | PostgresNotesSearchIndex,
    private readonly indexEveryMs = 3_000,
  ) {}

  /** Called after the readers' copy of `sessionId` was written. */
  written(sessionId: string): void {
    this.hub.changed(sessionId);
    if (this.indexTimers.has(sessionId)) return;
    this.indexTimers.set(
      sessionId,
      setTimeout(() => {
        this.indexTimers.delete(sessionId);
        this.index(sessionId);
      }, this.indexEveryMs),
    );
  }

  /** Indexes pending sessions now (shutdown). */
  flush(): void {
    for (const [sessionId, timer] of this.indexTimers) {
      clearTimeout(timer);
      this.index(sessionId);
    }
    this.indexTimers.clear();
  }

  private index(sessionId: string): void {
    const failed = (err: unknown) => console.error(`[search] indexing session ${sessionId} failed`, err);
    try {
      this.search.indexStored(sessionId)?.catch(failed);
    } catch (err) {
      failed(err);
    }
  }
}
