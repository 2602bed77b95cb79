/** `Label: rest` where the label may be who is speaking. */
export interface Attribution {
  label: string;
  rest: string;
}

/** Labels that are never people, even when capitalised and followed by a quote. */
const NOT_PEOPLE = new Set([
  "re",
  "fwd",
  "fw",
  "note",
  "notes",
  "tip",
  "q",
  "a",
  "question",
  "answer",
  "update",
  "edit",
  "ps",
  "aside",
  "link",
  "links",
  "url",
  "slides",
  "video",
  "moderator",
  "speaker",
  "speakers",
  "panel",
  "panelists",
  "quote",
  "http",
  "https",
  "mailto",
  "todo",
  "summary",
  "takeaway",
  "example",
  "e.g",
  "i.e",
  "see",
]);

const LABEL = /^([\p{L}@][\p{L}\p{M}\p{N}'’._-]*(?:\s+[\p{L}][\p{L}\p{M}'’.-]*){0,3})\s*:\s*(\S.*)$/su;

/**
 * Splits `Jody: "..."`, `Rolf Andrew Russell: ...`, `@tlossen: ...` into a
 * label of at most four words and the rest; null when the text has no such
 * label or the label is a known non-person word ("Re:", "Note:", "http:").
 */
export function parseAttribution(text: string): Attribution | null {
  const m = LABEL.exec(text.trim());
  if (!m) return null;
  const label = (m[1] as string).trim();
  if (NOT_PEOPLE.has(label.toLowerCase()) || (m[2] as string).startsWith("//")) return null;
  return { label, rest: (m[2] as string).trim() };
}

/**
 * True when a label not matching any known person still reads as a name one
 * could give an audience member: one to three capitalised words ("Israel",
 * "Mary Ann"). "Oracle guys" or "the hero" do not.
 */
export function looksLikeNewName(label: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2}$/u.test(label);
}

/** Separators before a trailing attribution: `"…" — Name`, `… -- Name`, `… ~ Name`. */
const TRAILING_SEPARATORS = [" — ", " -- ", " – ", " ~ ", " - "];

/**
 * Splits `"quote" — Name` (or `--`, `–`, `~`, ` - `) into the name, as a
 * label, and the quote. Only the last separator counts and the label must be
 * one to four words, so `a - b - Name` keeps `a - b`. Null when there is no
 * such ending; the caller decides whether the label is a person.
 */
export function parseTrailingAttribution(text: string): Attribution | null {
  const trimmed = text.trim();
  let at = -1;
  let length = 0;
  for (const sep of TRAILING_SEPARATORS) {
    const i = trimmed.lastIndexOf(sep);
    if (i > at) {
      at = i;
      length = sep.length;
    }
  }
  if (at <= 0) return null;
  const label = trimmed.slice(at + length).trim();
  const rest = trimmed.slice(0, at).trim();
  if (!label || !rest || label.length > 60 || label.split(/\s+/).length > 4 || !/^[\p{L}@]/u.test(label)) return null;
  return { label, rest };
}
