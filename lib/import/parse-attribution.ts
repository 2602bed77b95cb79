/** `Label: rest` where the label may be who is speaking. */
export interface Attribution {
  label: string;
  rest: string;
}

/** Labels that are never people, even when capitalised and followed by a quote. */
const NOT_PEOPLE = new Set([
  "re", "fwd", "fw", "note", "notes", "tip", "q", "a", "question", "answer", "update", "edit", "ps", "aside",
  "link", "links", "url", "slides", "video", "moderator", "speaker", "speakers", "panel", "panelists", "quote",
  "http", "https", "mailto", "todo", "summary", "takeaway", "example", "e.g", "i.e", "see",
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
