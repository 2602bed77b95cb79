import type { TalkNotesDocument } from "../interchange/types";
import { slugify } from "../text/slugify";

/** The session's slug: its own when set (re-slugified, never trusted as a path), else one made from the title. */
export function documentSlug(doc: TalkNotesDocument): string {
  return slugify(doc.session.slug?.trim() || doc.session.title, { fallback: "session" });
}
