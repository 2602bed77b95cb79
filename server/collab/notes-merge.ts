import * as Y from "yjs";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { applyMergeToYDoc } from "../../lib/merge/apply-merge-to-ydoc";
import { mergeNotes } from "../../lib/merge/merge-notes";
import type { MergeOptions, MergeResult } from "../../lib/merge/merge-types";
import type { RevisionSummary } from "./notes-store";
import { ReadersCopyRenderer } from "./render-readers-copy";
import type { RoomHost } from "./room-host";

/**
 * Merging other notes into a session's live document (ARCHITECTURE.md, "Merging notes"). The merge
 * itself is lib/merge; this only reads the live document, writes the result
 * and records it. It runs in the custom server's module graph, like
 * NotesHistory, because it builds ProseMirror nodes for the live Yjs document.
 */
export class NotesMerge {
  constructor(private readonly collab: RoomHost) {}

  /** The merge of `right` into the session's notes as they are now, without changing anything. */
  async preview(sessionId: string, right: TalkNotesDocument, options: MergeOptions = {}): Promise<MergeResult> {
    const room = await this.collab.openRoom(sessionId);
    try {
      return mergeNotes(await this.current(sessionId, room.doc), right, options);
    } finally {
      room.releaseIfEmpty();
    }
  }

  /**
   * Merges `right` into the live document as one transaction (one update,
   * which every co-editor receives like any edit) and records it as a named
   * revision whose authors are `authors` (the note-takers credited). The
   * state before it is kept as a revision first, so History restores it.
   */
  async apply(
    sessionId: string,
    right: TalkNotesDocument,
    options: MergeOptions & { name: string; authors: readonly string[] },
  ): Promise<{ result: MergeResult; revision: RevisionSummary }> {
    const room = await this.collab.openRoom(sessionId);
    if (room.editedSinceRevision || (await this.collab.storage.listRevisions(sessionId)).length === 0)
      await room.recordRevision("auto", null);
    // Read, merge and write with no await in between, so no co-editor's edit can land between the read and the
    // write and be overwritten by it (seedYDocFromNotes makes the notes equal to the merge): re-read if one did.
    let left: TalkNotesDocument;
    for (let tries = 1; ; tries++) {
      const before = Y.encodeStateVector(room.doc);
      left = await this.current(sessionId, room.doc);
      if (tries === 5 || Buffer.from(before).equals(Buffer.from(Y.encodeStateVector(room.doc)))) break;
    }
    const result = mergeNotes(left, right, options);
    this.collab.change(sessionId, (doc) => applyMergeToYDoc(doc, result.document));
    const revision = await room.recordRevision("named", options.name, options.authors);
    return { result, revision };
  }

  /**
   * A session's notes as they are now, as talknotes/1: the live document (loaded if needed), not the readers'
   * copy, which is rendered only once the document settles and may miss the last words typed.
   */
  async document(sessionId: string): Promise<TalkNotesDocument> {
    const room = await this.collab.openRoom(sessionId);
    try {
      return await this.current(sessionId, room.doc);
    } finally {
      room.releaseIfEmpty();
    }
  }

  private async current(sessionId: string, doc: Y.Doc): Promise<TalkNotesDocument> {
    const renderer = this.collab.renderer ?? new ReadersCopyRenderer(this.collab.store.db, this.collab.store);
    const document = await renderer.interchangeOf(sessionId, doc);
    if (!document) throw new Error(`session ${sessionId} has no details to merge into`);
    return document;
  }
}
