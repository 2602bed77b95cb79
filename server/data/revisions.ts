import { DEFAULT_REVISION_LIMITS } from "../../lib/collab/revision-retention";
import { AppError } from "../../lib/errors/app-error";
import type { CollabServer } from "../collab/collab-server";
import type { RevisionSummary } from "../collab/notes-store";
import { getPrisma } from "../db/prisma";
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

/**
 * Takes a named revision of the live document now. Refused on an archived
 * session (its notes are final), faster than the named-revision rate of the
 * session, and when its named and restore revisions fill their share of the
 * history (each is a full copy of the document: 15 of a 3.6 MB document were 58 MiB).
 */
export async function takeNamedRevision(sessionId: string, input: NamedRevisionInput): Promise<RevisionSummary> {
  const data = parseInput(NamedRevisionInput, input);
  const collab = await requireCollab(sessionId);
  await checkNewKeptRevision(collab, sessionId);
  return collab.history.takeNamed(sessionId, data.name, data.author || undefined);
}

/** One revision rendered read-only, as the HTML fragment readers would see. */
export async function viewRevision(
  sessionId: string,
  revisionId: string,
): Promise<{ revision: RevisionSummary; html: string }> {
  const view = await (await requireCollab(sessionId)).history.view(sessionId, revisionId);
  if (!view) throw new AppError("not_found", "No such revision");
  return view;
}

/** Restores a revision as a new edit on top of the live notes (it syncs to every editor). */
export async function restoreRevision(
  sessionId: string,
  revisionId: string,
  input: RestoreRevisionInput = {},
): Promise<RevisionSummary> {
  const data = parseInput(RestoreRevisionInput, input);
  const collab = await requireCollab(sessionId);
  // A restore is an edit plus a "restore" revision: the same rules as a named one.
  await checkNewKeptRevision(collab, sessionId);
  const revision = await collab.history.restore(sessionId, revisionId, data.author || undefined);
  if (!revision) throw new AppError("not_found", "No such revision");
  return revision;
}

/** Named revisions (and restores) per session: a burst of this many... */
const NAMED_BURST = 5;
/** ...then one more each this often. */
const NAMED_REFILL_MS = 2 * 60_000;

interface Bucket {
  tokens: number;
  at: number;
}
const holder = globalThis as unknown as { __talknotesNamedRevisionBuckets?: Map<string, Bucket> };

/** Throws unless the session may get one more named or restore revision now (and counts it). */
async function checkNewKeptRevision(collab: CollabServer, sessionId: string): Promise<void> {
  const session = await getPrisma().session.findUnique({ where: { id: sessionId }, select: { status: true } });
  if (session?.status === "archived") {
    throw new AppError("forbidden", "This session is archived: its notes and their history are final");
  }
  const totals = await collab.storage.keptRevisionTotals(sessionId);
  const limits = DEFAULT_REVISION_LIMITS;
  // The newest revision's size stands for the one about to be taken (a document grows slowly).
  if (totals.count >= limits.maxKept || totals.bytes + totals.newestBytes > limits.maxKeptBytes) {
    throw new AppError(
      "too_large",
      `This session's history is full (${limits.maxKept} named revisions or ${limits.maxKeptBytes / (1024 * 1024)} MiB): no new named revision was taken`,
    );
  }
  const buckets = (holder.__talknotesNamedRevisionBuckets ??= new Map());
  const now = Date.now();
  const bucket = buckets.get(sessionId) ?? { tokens: NAMED_BURST, at: now };
  bucket.tokens = Math.min(NAMED_BURST, bucket.tokens + (now - bucket.at) / NAMED_REFILL_MS);
  bucket.at = now;
  if (bucket.tokens < 1) {
    const seconds = Math.ceil(((1 - bucket.tokens) * NAMED_REFILL_MS) / 1000);
    throw new AppError("rate_limited", `Too many named revisions of this session: try again in ${seconds} s`, {
      retryAfter: String(seconds),
    });
  }
  bucket.tokens -= 1;
  buckets.set(sessionId, bucket);
}

async function requireCollab(sessionId: string): Promise<CollabServer> {
  const collab = getRuntime()?.collab;
  if (!collab) throw new Error("The collaboration server is not running in this process");
  if (!(await collab.storage.sessionExists(sessionId))) throw new AppError("not_found", "No such session");
  return collab;
}
