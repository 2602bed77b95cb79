import * as Y from "yjs";
import { readSessionPeople, writeSessionPerson } from "../../lib/collab/session-people";
import { AppError } from "../../lib/errors/app-error";
import { renderHtmlFragment } from "../../lib/export/render-html";
import { notesFromYDoc } from "../../lib/schema/notesFromYDoc";
import { seedYDocFromNotes } from "../../lib/schema/seedYDocFromNotes";
import type { CollabServer } from "../collab/collab-server";
import type { RevisionSummary } from "../collab/notes-store";
import { ReadersCopyRenderer } from "../collab/render-readers-copy";
import { getRuntime } from "../runtime";
import { parseInput } from "./parse-input";
import { NamedRevisionInput, RestoreRevisionInput } from "./revisions-input";

/**
 * History of a session's notes. Revisions are whole Yjs states stored by the
 * collab room (server/collab/room.ts takes them automatically while people
 * edit); these functions list, name, render and restore them for the editor's
 * History panel. They need the running collab server (one process).
 */

/** The current generation of a session's notes; throws not_found for an unknown session. */
export function notesGeneration(sessionId: string): string {
  const collab = requireCollab(sessionId);
  return collab.generation(sessionId);
}

/** A session's revisions, newest first. */
export function listRevisions(sessionId: string): RevisionSummary[] {
  return requireCollab(sessionId).store.listRevisions(sessionId);
}

/** Takes a named revision of the live document now. */
export function takeNamedRevision(sessionId: string, input: NamedRevisionInput): RevisionSummary {
  const data = parseInput(NamedRevisionInput, input);
  const collab = requireCollab(sessionId);
  const room = collab.room(sessionId);
  const revision = room.takeRevision("named", data.name, data.author ? [data.author] : []);
  if (room.conns.size === 0) room.releaseWhenIdle();
  return revision;
}

/** One revision rendered read-only, as the HTML fragment readers would see. */
export function viewRevision(sessionId: string, revisionId: string): { revision: RevisionSummary; html: string } {
  const collab = requireCollab(sessionId);
  const stored = collab.store.getRevision(sessionId, revisionId);
  if (!stored) throw new AppError("not_found", "No such revision");
  const { state, ...revision } = stored;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const document = new ReadersCopyRenderer(collab.store.db, collab.store).toInterchange(sessionId, doc);
    if (!document) throw new AppError("not_found", "No such session");
    return { revision, html: renderHtmlFragment(document) };
  } finally {
    doc.destroy();
  }
}

/**
 * Restores a revision as a new edit on top of the live document: the notes
 * become the revision's notes (a diff, so it syncs to every editor like any
 * other change), people it attributes who have since left the session are put
 * back, and the result is recorded as a "restore" revision. Nothing is lost:
 * the state before the restore is in the previous revisions' log.
 */
export function restoreRevision(sessionId: string, revisionId: string, input: RestoreRevisionInput = {}): RevisionSummary {
  const data = parseInput(RestoreRevisionInput, input);
  const collab = requireCollab(sessionId);
  const stored = collab.store.getRevision(sessionId, revisionId);
  if (!stored) throw new AppError("not_found", "No such revision");
  const source = new Y.Doc();
  try {
    Y.applyUpdate(source, stored.state);
    const notes = notesFromYDoc(source).toJSON();
    const people = readSessionPeople(source);
    const room = collab.room(sessionId);
    // Before the restore, so the state being replaced is itself a revision.
    if (room.editedSinceRevision) room.takeRevision("auto", null);
    collab.change(sessionId, (doc) => {
      seedYDocFromNotes(doc, notes);
      const present = new Set(readSessionPeople(doc).map((p) => p.id));
      for (const { id, ...person } of people) {
        if (!present.has(id)) writeSessionPerson(doc, id, { ...person, affiliation: person.affiliation ?? null, note: person.note ?? null, handle: person.handle ?? null, aliases: person.aliases ?? [] });
      }
    });
    const label = stored.name ? `“${stored.name}”` : `the revision of ${stored.createdAt}`;
    return room.takeRevision("restore", `Restored ${label}`, data.author ? [data.author] : []);
  } finally {
    source.destroy();
  }
}

function requireCollab(sessionId: string): CollabServer {
  const collab = getRuntime()?.collab;
  if (!collab) throw new Error("The collaboration server is not running in this process");
  if (!collab.store.sessionExists(sessionId)) throw new AppError("not_found", "No such session");
  return collab;
}
