import type { TalkNotesDocument } from "../interchange/types";

/** The conventional 2010 conference-blogger title. */
export const DEFAULT_TITLE_TEMPLATE = "Talk notes: {title} ({hashtag})";

/**
 * The blog post title: the conference's template (default
 * {@link DEFAULT_TITLE_TEMPLATE}) with `{title}` and `{hashtag}` filled in.
 * Without a hashtag the placeholder and any brackets left empty around it
 * are dropped: "Talk notes: {title}". Plain text; callers escape.
 */
export function postTitle(doc: TalkNotesDocument): string {
  const template = doc.conference.titleTemplate?.trim() || DEFAULT_TITLE_TEMPLATE;
  const hashtag = doc.conference.hashtag?.trim() ?? "";
  // One pass, so a title that itself contains "{hashtag}" is not substituted again.
  const filled = template.replace(/\{(title|hashtag)\}/g, (_m, key: string) =>
    key === "title" ? doc.session.title : hashtag,
  );
  if (hashtag) return filled;
  return template
    .replace(/\s*[([]\s*\{hashtag\}\s*[)\]]/g, "")
    .replace(/\s*\{hashtag\}/g, "")
    .replace(/\{title\}/g, () => doc.session.title)
    .trim();
}
