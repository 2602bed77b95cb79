import { splitLinks } from "./split-links";

/** Line breaks (including the Unicode ones) and runs of ASCII whitespace. */
const LINE_BREAKS_AND_SPACE = /[\t\n\v\f\r \u0085\u2028\u2029]+/g;

function escapeRun(text: string): string {
  return (
    text
      // Entity-like ampersands first, before we introduce &lt; ourselves.
      // &amp; (not \&) because kramdown (Jekyll) cannot backslash-escape &.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
      .replace(/[\\`*_[\]|~$]/g, "\\$&")
      // Entities rather than \< so no "<script" or "<img" survives in the
      // source and no parser can see an HTML block or inline tag.
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
  );
}

/**
 * Escapes plain text for use inline in CommonMark/GFM (and kramdown) so it
 * renders literally: emphasis, code, links, images, tables, strikethrough,
 * math and raw HTML are all inert. Whitespace runs and line breaks collapse
 * to one space, so text can never start a new block. http(s)/mailto URLs
 * become `<autolinks>`; other schemes stay escaped text. Characters that only
 * matter at the start of a line are handled by escapeLineStart.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(LINE_BREAKS_AND_SPACE, " ").trim();
  return splitLinks(flat)
    .map((part) => (part.kind === "link" ? `<${part.url}>` : escapeRun(part.text)))
    .join("");
}
