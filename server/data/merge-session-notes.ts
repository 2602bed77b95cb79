import { AppError } from "../../lib/errors/app-error";
import { newPersonId } from "../../lib/collab/session-people";
import { importNotes } from "../../lib/import/import-notes";
import { parseInterchange } from "../../lib/interchange/parse-interchange";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { adoptDirectoryIds } from "../../lib/merge/adopt-directory-ids";
import { mergeNotes } from "../../lib/merge/merge-notes";
import type { MergeResult } from "../../lib/merge/merge-types";
import type { RevisionSummary } from "../collab/notes-store";
import { getPrisma } from "../db/prisma";
import { getRuntime } from "../runtime";
import { deleteSession } from "./delete-session";
import { loadSessionDocument } from "./load-session-document";
import { MergeNotesInput } from "./merge-notes-input";
import { noteTakers } from "./note-takers";
import { parseAliases } from "./parse-aliases";
import { parseInput } from "./parse-input";
import { setSessionStatus } from "./publish-sessions";

/** A merge's preview or its applied result. */
export interface MergedSessionNotes extends MergeResult {
  /** What was merged in: a session (title, slug) or a file (its name). */
  source: { kind: "session"; slug: string; title: string } | { kind: "file"; name: string };
  /** The note-takers credited: the merged-in notes' writers and the account merging. */
  credits: string[];
  /** The named revision the merge was recorded as; absent for a preview. */
  revision?: RevisionSummary;
  /** What became of the merged-in session. */
  afterwards: "keep" | "archive" | "delete";
}

/**
 * Merges another session of the conference, or a notes file, into a
 * session's notes (lib/merge/mergeNotes). A preview changes nothing; applying
 * writes the merge into the live document as one edit (every co-editor sees
 * it at once), recorded as a named revision after a revision of the state
 * before, so History restores it. The merged-in session's note-takers (from
 * its history), the file's note-taker when given, and the account merging are
 * that revision's authors: the byline ("Notes by A and B") is derived from
 * revision authors, so it credits them with no other record. The merged-in
 * session can then be archived or deleted.
 *
 * Needs the running server for applying (it owns the live documents); a
 * preview without it (the CLI's --dry-run) merges with the stored copy.
 */
export async function mergeSessionNotes(input: MergeNotesInput): Promise<MergedSessionNotes> {
  const data = parseInput(MergeNotesInput, input);
  const prisma = getPrisma();
  const target = await prisma.session.findFirst({
    where: { slug: data.sessionSlug, conference: { slug: data.conferenceSlug } },
    select: { id: true, status: true, conferenceId: true },
  });
  if (!target) throw new AppError("not_found", `No session "${data.sessionSlug}" in "${data.conferenceSlug}"`);
  if (data.apply && target.status === "archived")
    throw new AppError("invalid_input", "The session is archived: its notes are final");

  let right: TalkNotesDocument;
  let source: MergedSessionNotes["source"];
  let credits: string[];
  if ("session" in data.from) {
    const other = await prisma.session.findFirst({
      where: { slug: data.from.session, conferenceId: target.conferenceId },
      select: { id: true, slug: true, title: true },
    });
    if (!other) throw new AppError("not_found", `No session "${data.from.session}" in "${data.conferenceSlug}"`);
    if (other.id === target.id) throw new AppError("invalid_input", "A session cannot be merged into itself");
    // The live notes when the server runs (the readers' copy lags the last edits by up to a second).
    const collab = getRuntime()?.collab;
    right = collab ? await collab.merge.document(other.id) : await loadSessionDocument(other.id);
    source = { kind: "session", slug: other.slug, title: other.title };
    credits = (await noteTakers([other.id])).get(other.id) ?? [];
  } else {
    const directory = await prisma.person.findMany({ where: { conferenceId: target.conferenceId } });
    right = adoptDirectoryIds(
      readNotesFile(data.from.text),
      directory.map((p) => ({
        id: p.id,
        name: p.name,
        role: "speaker",
        handle: p.handle,
        aliases: parseAliases(p.aliases),
      })),
      newPersonId,
    );
    source = { kind: "file", name: data.from.fileName || "notes file" };
    credits = data.noteTaker ? [data.noteTaker] : [];
  }
  if (data.author && !credits.includes(data.author)) credits = [...credits, data.author];
  if (data.afterwards !== "keep" && source.kind !== "session")
    throw new AppError("invalid_input", "Only a merged-in session can be archived or deleted");

  const collab = getRuntime()?.collab;
  if (!data.apply) {
    const result = collab
      ? await collab.merge.preview(target.id, right, { resolutions: data.resolutions })
      : mergeNotes(await loadSessionDocument(target.id), right, { resolutions: data.resolutions });
    return { ...result, source, credits, afterwards: "keep" };
  }
  if (!collab)
    throw new AppError(
      "invalid_input",
      "Applying a merge needs the running server (it owns the live notes): use the JSON API or the session page",
    );
  const name = source.kind === "session" ? `Merged notes from “${source.title}”` : `Merged notes from ${source.name}`;
  const { result, revision } = await collab.merge.apply(target.id, right, {
    resolutions: data.resolutions,
    name: name.slice(0, 120),
    authors: credits,
  });
  if (source.kind === "session" && data.afterwards === "archive")
    await setSessionStatus(data.conferenceSlug, source.slug, "archived");
  if (source.kind === "session" && data.afterwards === "delete") await deleteSession(data.conferenceSlug, source.slug);
  return { ...result, source, credits, revision, afterwards: data.afterwards };
}

/** A notes file as talknotes/1: JSON in that format, else plain text or Markdown through the importer. */
function readNotesFile(text: string): TalkNotesDocument {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new AppError("invalid_input", "The file starts like JSON but is not valid JSON");
    }
    return parseInterchange(json);
  }
  return importNotes(text).document;
}
