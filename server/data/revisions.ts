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
export async function notesGeneration(sessionId: string): Promise<string> {
  return (await requireCollab(sessionId)).generation(sessionId);
}

/** A session's revisions, newest first. */
export async function listRevisions(sessionId: string): Promise<RevisionSummary[]> {
  return (await requireCollab(sessionId)).history.list(sessionId);
}

/** Takes a named revision of the live document now. */
export async function takeNamedRevision(sessionId: string, input: NamedRevisionInput): Promise<RevisionSummary> {
  const data = parseInput(NamedRevisionInput, input);
  return (await requireCollab(sessionId)).history.takeNamed(sessionId, data.name, data.author || undefined);
}

/** One revision rendered read-only, as the HTML fragment readers would see. */
export async function viewRevision(sessionId: string, revisionId: string): Promise<{ revision: RevisionSummary; html: string }> {
  const view = await (await requireCollab(sessionId)).history.view(sessionId, revisionId);
  if (!view) throw new AppError("not_found", "No such revision");
  return view;
}

/** Restores a revision as a new edit on top of the live notes (it syncs to every editor). */
export async function restoreRevision(sessionId: string, revisionId: string, input: RestoreRevisionInput = {}): Promise<RevisionSummary> {
  const data = parseInput(RestoreRevisionInput, input);
  const revision = await (await requireCollab(sessionId)).history.restore(sessionId, revisionId, data.author || undefined);
  if (!revision) throw new AppError("not_found", "No such revision");
  return revision;
}

async function requireCollab(sessionId: string): Promise<CollabServer> {
  const collab = getRuntime()?.collab;
  if (!collab) throw new Error("The collaboration server is not running in this process");
  if (!(await collab.storage.sessionExists(sessionId))) throw new AppError("not_found", "No such session");
  return collab;
}
