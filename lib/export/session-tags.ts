import type { TalkNotesDocument } from "../interchange/types";

/** Post tags: the event's name, the session kind and its track, without blanks or repeats. */
export function sessionTags(doc: TalkNotesDocument): string[] {
  const tags = [doc.conference.name, doc.session.kind, doc.session.track ?? ""].map((t) => t.trim()).filter(Boolean);
  return [...new Set(tags)];
}
