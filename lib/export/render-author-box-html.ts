import type { InterchangeAuthor } from "../interchange/types";
import { escapeHtml } from "./escape-html";
import { textToHtml } from "./text-to-html";

/**
 * The "About the author" box of the 2010 posts, as HTML: the primary
 * author's avatar, name, bio and link. Empty when the author wrote neither a
 * bio nor a link (a bare name is already in the byline). Text is escaped and
 * only http(s) URLs are used as the image and link (the interchange reader
 * and the profile form both refuse others; checked again here because a
 * renderer must be safe on any input).
 */
export function renderAuthorBoxHtml(author: InterchangeAuthor | undefined): string {
  if (!author || (!author.bio?.trim() && !author.link?.trim())) return "";
  const web = (url: string | null | undefined) => (url && /^https?:\/\/\S+$/i.test(url) ? url : null);
  const avatar = web(author.avatarUrl);
  const link = web(author.link);
  const bio = (author.bio ?? "")
    .split(/\n[\t \u00A0]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${textToHtml(p).replace(/\n/g, "<br>\n")}</p>`);
  return [
    `<aside class="about-author" aria-label="About the author">`,
    avatar
      ? `<img class="avatar" src="${escapeHtml(avatar)}" alt="" width="64" height="64" loading="lazy" referrerpolicy="no-referrer">`
      : "",
    `<p><strong>About ${escapeHtml(author.name)}</strong></p>`,
    ...bio,
    link ? `<p><a href="${escapeHtml(link)}" rel="author nofollow noopener">${escapeHtml(link)}</a></p>` : "",
    `</aside>`,
  ]
    .filter(Boolean)
    .join("\n");
}
