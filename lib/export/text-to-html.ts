import { escapeHtml } from "./escape-html";
import { splitLinks } from "./split-links";

/**
 * Plain text to HTML element content: everything escaped, and only
 * http(s)/mailto URLs turned into links (rel="nofollow noopener"), so
 * `javascript:` or `data:` in notes stays visible, inert text.
 */
export function textToHtml(text: string): string {
  return splitLinks(text)
    .map((part) =>
      part.kind === "link"
        ? `<a href="${escapeHtml(part.url)}" rel="nofollow noopener">${escapeHtml(part.url)}</a>`
        : escapeHtml(part.text),
    )
    .join("");
}
