import type { TalkNotesDocument } from "../interchange/types";

/**
 * The calendar day a session's post is dated: the day of `session.startsAt`
 * as written (its own offset, not the reader's zone), else the conference's
 * first day; null when neither is known.
 */
export function sessionDate(doc: TalkNotesDocument): string | null {
  const fromStart = /^\d{4}-\d{2}-\d{2}/.exec(doc.session.startsAt ?? "")?.[0];
  if (fromStart) return fromStart;
  return /^\d{4}-\d{2}-\d{2}$/.test(doc.conference.startsOn ?? "") ? doc.conference.startsOn! : null;
}
