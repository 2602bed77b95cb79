import type { RevisionKind, RevisionSummary } from "./notes-store";
import type { NotesStorage } from "./notes-storage";

/**
 * Who wrote what: a room's revisions and their authors, kept out of the room
 * (as Hocuspocus keeps such hooks out of its Document). It remembers whether
 * the document changed since the last revision and the account names of the
 * connections whose edits arrived since, and stores a revision with them.
 */
export class RevisionAuthorship {
  private changed = false;
  private lastRevisionAt: number;
  /** Who edited since the last revision: the account names of the connections whose updates arrived. */
  private readonly authors = new Set<string>();

  /** `everyMs`: an automatic revision is due once this long has passed since the last one and the document changed. */
  constructor(
    private readonly sessionId: string,
    private readonly generation: string,
    private readonly store: NotesStorage,
    private readonly everyMs: number,
    lastRevisionAt: number | null,
  ) {
    this.lastRevisionAt = lastRevisionAt ?? Date.now();
  }

  /** An edit arrived from a connection admitted as `author` (its account name; none for server changes). */
  edited(author: string | null | undefined): void {
    this.changed = true;
    const name = author?.trim();
    if (name) this.authors.add(name.slice(0, 80));
  }

  /** True when the document changed since the last revision. */
  get editedSinceRevision(): boolean {
    return this.changed;
  }

  /** True when an automatic revision should be taken now. */
  get due(): boolean {
    return this.changed && Date.now() - this.lastRevisionAt >= this.everyMs;
  }

  /** Display names of people who edited since the last revision (they join its authors when it is taken). */
  authorsSinceLastRevision(): string[] {
    return [...this.authors];
  }

  /**
   * Stores `state` (the whole document) as a revision with the names of the people whose edits arrived
   * since the previous one, plus `extraAuthors`; with an asynchronous store when the promise resolves.
   */
  record(
    kind: RevisionKind,
    name: string | null,
    state: Uint8Array,
    extraAuthors: readonly string[] = [],
  ): RevisionSummary | Promise<RevisionSummary> {
    for (const n of extraAuthors) this.authors.add(n);
    const revision = this.store.addRevision(this.sessionId, {
      generation: this.generation,
      kind,
      name,
      state,
      authors: [...this.authors].sort((a, b) => a.localeCompare(b)),
      // Another instance with this document loaded keeps its own clock: one automatic revision per interval.
      ...(kind === "auto" ? { coveredWithinMs: this.everyMs } : {}),
    });
    this.authors.clear();
    this.changed = false;
    this.lastRevisionAt = Date.now();
    return revision;
  }
}
