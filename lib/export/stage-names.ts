import type { TalkNotesDocument } from "../interchange/types";

/** Full names of everyone on stage (speakers, panelists, moderators; not the audience), in document order. */
export function stageNames(doc: TalkNotesDocument): string[] {
  return doc.people
    .filter((p) => p.role !== "audience")
    .map((p) => p.name.trim())
    .filter(Boolean);
}
