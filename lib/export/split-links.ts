/** A run of plain text, or a URL that may become a link. */
export type TextSegment = { kind: "text"; text: string } | { kind: "link"; url: string };

// Only these schemes ever become links; javascript:, data:, vbscript: and the
// rest stay plain text. Quotes, brackets and braces end a URL so it can be
// emitted inside attributes, autolinks and template-safe output unchanged.
const LINK = /\b(?:https?:\/\/[^\s<>"'`{}\\]+|mailto:[^\s<>"'`{}\\/]+@[^\s<>"'`{}\\]+)/gi;

function trimTrailing(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    if (c && ".,;:!?*_~".includes(c)) end--;
    else if (c === ")" && count(url.slice(0, end), "(") < count(url.slice(0, end), ")")) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/**
 * Splits plain text into text runs and http(s)/mailto URLs, trimming the
 * sentence punctuation and unbalanced closing brackets bloggers put after a
 * URL ("(see http://x.org)."). Concatenating the parts gives back the text.
 */
export function splitLinks(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    const url = trimTrailing(m[0]);
    if (url.length <= "https://".length && !url.toLowerCase().startsWith("mailto:")) continue;
    if (m.index > last) out.push({ kind: "text", text: text.slice(last, m.index) });
    out.push({ kind: "link", url });
    last = m.index + url.length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}
