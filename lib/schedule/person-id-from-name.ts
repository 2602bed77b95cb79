/**
 * The id of a person whose schedule entry carries only a name: `name:` plus
 * the name in NFC, lower case, with runs of whitespace collapsed, so the same
 * spelling on two events is one person and a re-import finds them again.
 */
export function personIdFromName(name: string): string {
  return `name:${name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase()}`;
}
