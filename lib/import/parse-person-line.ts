/** A person as written in a panel list or a "Moderator:" line. */
export interface PersonLine {
  name: string;
  affiliation: string | null;
  note: string | null;
  handle: string | null;
}

/** Lowercase words allowed inside a name ("Ludwig van Beethoven"). */
const PARTICLES = "van|von|der|den|de|del|della|da|di|du|le|la|bin|al|ter|ten|y|e";
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.-]*|${PARTICLES})`;
/** Two to five words, each capitalised except particles, first and last capitalised. */
const PERSON_NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+${NAME_WORD}){0,3}\s+\p{Lu}[\p{L}\p{M}'’.-]*`;

const FULL = new RegExp(String.raw`^(${PERSON_NAME})\s*(?:,\s*([^()]+?))?\s*(?:\(([^()]*)\))?$`, "u");
const HANDLE = /(?:^|,\s*|\s)(@[A-Za-z0-9_]{1,30})$/;

/**
 * Reads `Name, Company (note)`, `Name, Company`, `Name (Company)`,
 * `Name (Company; note)` and `Name`
 * as a person. The name must be two to five capitalised words so ordinary
 * sentences and titles are not mistaken for people; a trailing `@handle` in
 * the parentheses or after the company is taken as the handle.
 */
export function parsePersonLine(text: string): PersonLine | null {
  const m = FULL.exec(text.trim());
  if (!m) return null;
  const name = (m[1] as string).trim();
  let affiliation = m[2]?.trim() || null;
  let note = m[3]?.trim() || null;
  let handle: string | null = null;
  const takeHandle = (s: string | null): string | null => {
    if (!s) return s;
    const h = HANDLE.exec(s);
    if (!h) return s;
    handle = h[1] as string;
    return s.slice(0, h.index).trim() || null;
  };
  note = takeHandle(note);
  affiliation = takeHandle(affiliation);
  if (!affiliation && note && !m[2]) {
    // `Name (Company)` or, as the Markdown exporter writes it, `Name (Company; note)`.
    const semicolon = note.indexOf(";");
    affiliation = semicolon >= 0 ? note.slice(0, semicolon).trim() || null : note;
    note = semicolon >= 0 ? note.slice(semicolon + 1).trim() || null : null;
  }
  if (/[.!?]$/.test(name) || name.split(/\s+/).length > 5) return null;
  return { name, affiliation, note, handle };
}
