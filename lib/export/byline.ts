/**
 * "Notes by Ana, Ben and Chloé" for the note-takers of a session, or null
 * when nobody is credited. Plain text: callers escape for their format.
 */
export function byline(authors: ReadonlyArray<{ name: string }> | undefined): string | null {
  const names = (authors ?? []).map((a) => a.name.trim()).filter(Boolean);
  return names.length ? `Notes by ${new Intl.ListFormat("en", { type: "conjunction" }).format(names)}` : null;
}
