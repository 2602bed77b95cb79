import type { TalkNotesDocument } from "../interchange/types";
import type { FrontMatterValue } from "./render-front-matter";

/**
 * Front matter of the note-takers for blog themes: `author` (the primary
 * author, the key Hugo and Jekyll themes read), `authors` (everyone who
 * wrote) and the primary author's `author_bio`, `author_link`,
 * `author_avatar`. Nothing when nobody is credited.
 */
export function authorFrontMatter(doc: TalkNotesDocument): Array<[string, FrontMatterValue]> {
  const authors = doc.authors ?? [];
  const primary = authors[0];
  if (!primary) return [];
  return [
    ["author", primary.name],
    ["authors", authors.map((a) => a.name)],
    ["author_bio", primary.bio || null],
    ["author_link", primary.link || null],
    ["author_avatar", primary.avatarUrl || null],
  ];
}
