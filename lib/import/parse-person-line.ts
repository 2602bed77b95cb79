import { isPersonName } from "./is-person-name";

/** A person as written in a panel list, a "Moderator:" line or a talk header. */
export interface PersonLine {
  name: string;
  affiliation: string | null;
  note: string | null;
  handle: string | null;
}

/** Longest line read as one person; longer lines are prose. Keeps every step below linear. */
const MAX_PERSON_LINE = 200;
/** Where a name ends and the company begins, in the ways note-takers write it. */
const SEPARATORS = [", ", " - ", " – ", " — ", " | ", " from ", " @ "];
const HANDLE = /^@[A-Za-z0-9_]{1,30}$/;
const EMAIL = /^<?[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[A-Za-z]{2,24}>?$/;

/**
 * Reads one person: `Name, Company (note)`, `Name (Company)`,
 * `Name (Company; note)`, `Name - Company`, `Name — Company`,
 * `Name from Company`, `Name @handle`, `Name (@handle)`, `Name, Company, @handle`,
 * `Name, email`, `Name`. The name must look like a person's name (see
 * isPersonName) so sentences and titles are not mistaken for people. An
 * email goes to the note (talknotes/1 has no email field); a trailing
 * lowercase "team" is not part of the company ("Etsy team").
 *
 * Linear: no regular expression sees more than one word or the whole
 * (bounded) line once.
 */
export function parsePersonLine(text: string): PersonLine | null {
  let rest = text.trim();
  if (!rest || rest.length > MAX_PERSON_LINE) return null;
  let handle: string | null = null;
  const notes: string[] = [];
  let paren: string | null = null;

  const group = trailingGroup(rest);
  if (group) {
    paren = group.inner;
    rest = group.before;
  }
  // Trailing handles and emails after the name or company: "Name @h", "Name, Co, @h".
  for (;;) {
    const cut = Math.max(rest.lastIndexOf(" "), rest.lastIndexOf(","));
    const last = rest.slice(cut + 1);
    if (cut < 0 || !(HANDLE.test(last) || EMAIL.test(last))) break;
    if (HANDLE.test(last)) handle ??= last;
    else notes.unshift(last.replace(/^<|>$/g, ""));
    rest = rest.slice(0, cut).replace(/[\s,]+$/, "");
  }

  let name = rest;
  let affiliation: string | null = null;
  let at = -1;
  let sepLength = 0;
  for (const sep of SEPARATORS) {
    const i = rest.indexOf(sep);
    if (i > 0 && (at < 0 || i < at)) {
      at = i;
      sepLength = sep.length;
    }
  }
  if (at > 0) {
    name = rest.slice(0, at).trim();
    const company = readCompany(rest.slice(at + sepLength));
    if (company === undefined) return null;
    affiliation = company;
  }
  if (!isPersonName(name)) return null;

  if (paren !== null) {
    const parts = paren.split(/\s*[;,]\s*/).filter(Boolean);
    const kept: string[] = [];
    for (const part of parts) {
      if (HANDLE.test(part)) handle ??= part;
      else if (EMAIL.test(part)) notes.push(part.replace(/^<|>$/g, ""));
      else kept.push(part);
    }
    const inner = kept.length === parts.length ? paren : kept.join(", ");
    if (!affiliation && inner) {
      // `Name (Company)` or, as the Markdown exporter writes it, `Name (Company; note)`.
      const semicolon = inner.indexOf(";");
      affiliation = semicolon >= 0 ? inner.slice(0, semicolon).trim() || null : inner;
      if (semicolon >= 0 && inner.slice(semicolon + 1).trim()) notes.unshift(inner.slice(semicolon + 1).trim());
    } else if (inner) {
      notes.unshift(inner);
    }
  }
  return { name, affiliation, note: notes.length ? notes.join("; ") : null, handle };
}

/** The company part; null when empty, undefined when it reads as prose rather than a company. */
function readCompany(raw: string): string | null | undefined {
  const company = raw.trim().replace(/\s+team$/, "");
  if (!company) return null;
  if (company.length > 80 || company.split(" ").length > 8 || /[?!:]|\.\s/.test(company)) return undefined;
  return company;
}

/** `before (inner)` when the text ends with one balanced parenthesised group. */
export function trailingGroup(s: string): { before: string; inner: string } | null {
  if (!s.endsWith(")")) return null;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ")") depth++;
    else if (s[i] === "(" && --depth === 0) {
      return i > 0 ? { before: s.slice(0, i).trimEnd(), inner: s.slice(i + 1, -1).trim() } : null;
    }
  }
  return null;
}
