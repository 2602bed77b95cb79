import { AppError } from "../../lib/errors/app-error";
import type { CollabServer } from "../collab/collab-server";
import type { RevisionSummary } from "../collab/notes-store";
import { getRuntime } from "../runtime";
import { parseInput } from "./parse-input";
import { NamedRevisionInput, RestoreRevisionInput } from "./revisions-input";

/**
 * History of a session's notes for the editor's History panel and the
 * generation its local copies carry. The work is done by the running collab
 * server (server/collab/notes-history.ts), which owns the live documents.
 */

/** The current generation of a session's notes; throws not_found for an unknown session. */
export function notesGeneration(sessionId: string): string {
  return requireCollab(sessionId).generation(sessionId);
}

/** A session's revisions, newest first. */
export function listRevisions(sessionId: string): RevisionSummary[] {
  return requireCollab(sessionId).history.list(sessionId);
}

/** Takes a named revision of the live document now. */
export function takeNamedRevision(sessionId: string, input: NamedRevisionInput): RevisionSummary {
  const data = parseInput(NamedRevisionInput, input);
  return requireCollab(sessionId).history.takeNamed(sessionId, data.name, data.author || undefined);
}

/** One revision rendered read-only, as the HTML fragment readers would see. */
export function viewRevision(sessionId: string, revisionId: string): { revision: RevisionSummary; html: string } {
  const view = requireCollab(sessionId).history.view(sessionId, revisionId);
  if (!view) throw new AppError("not_found", "No such revision");
  return view;
}

/** Restores a revision as a new edit on top of the live notes (it syncs to every editor). */
export function restoreRevision(sessionId: string, revisionId: string, input: RestoreRevisionInput = {}): RevisionSummary {
  const data = parseInput(RestoreRevisionInput, input);
  const revision = requireCollab(sessionId).history.restore(sessionId, revisionId, data.author || undefined);
  if (!revision) throw new AppError("not_found", "No such revision");
  return revision;
}

function requireCollab(sessionId: string): CollabServer {
  const collab = getRuntime()?.collab;
  if (!collab) throw new Error("The collaboration server is not running in this process");
  if (!collab.store.sessionExists(sessionId)) throw new AppError("not_found", "No such session");
  return collab;
}
