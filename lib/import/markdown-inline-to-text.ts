const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Turns one line of Markdown inline syntax into the plain text `talknotes/1`
 * stores: emphasis and code markers dropped, `[text](url)` kept as
 * "text (url)" (or just the URL when they are the same), autolinks unwrapped,
 * a trailing hard-break backslash removed, backslash escapes and the HTML entities exporters use for `<`, `>`, `&`
 * decoded. Raw HTML is left as it is: it is text, and renderers escape it.
 */
export function markdownInlineToText(line: string): string {
  // A trailing backslash is a hard line break, not text (unless itself escaped). Counted by hand: a
  // pattern for "an odd run of backslashes at the end" is retried from every backslash of a long run.
  if (trailingBackslashes(line) % 2 === 1) line = line.slice(0, -1).trimEnd();
  const escaped: string[] = [];
  // Park escaped characters in the private-use area so "\*" never reads as emphasis.
  let s = line.replace(
    /\\([!-/:-@[-`{-~])/g,
    (_, ch: string) => `\uE000${String.fromCharCode(0xe100 + escaped.push(ch) - 1)}`,
  );
  s = s
    .replace(/`([^`]+)`/g, "$1")
    // Link text and URL stop at the next bracket, and bold text at the next delimiter: each try then scans
    // only up to where the next one starts, so a line full of "[" or "**a " stays linear (it was quadratic).
    .replace(/!?\[([^[\]]*)\]\(\s*<?([^)\s>[\]]+)>?(?:\s+"[^"]*")?\s*\)/g, (_, text: string, url: string) =>
      text === url || !text ? url : `${text} (${url})`,
    )
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, "$1$2")
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1$2");
  s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => decodeEntity(name) ?? whole);
  return s.replace(/\uE000([\uE100-\uEFFF])/g, (_, code: string) => escaped[code.charCodeAt(0) - 0xe100] ?? "");
}

function trailingBackslashes(line: string): number {
  let n = 0;
  while (n < line.length && line[line.length - 1 - n] === "\\") n++;
  return n;
}

function decodeEntity(name: string): string | undefined {
  if (name[0] === "#") {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[name.toLowerCase()];
}
