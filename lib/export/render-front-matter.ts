import { quoteString } from "./quote-string";

/** A front matter value; null and undefined entries are left out. */
export type FrontMatterValue = string | boolean | readonly string[] | null | undefined;

/**
 * A YAML front matter block (`---` ... `---\n`). Keys are written as given
 * (callers pass fixed identifiers), every string is double-quoted with
 * {@link quoteString} and lists are flow sequences, so no value can end the
 * block or add keys whatever it contains.
 */
export function renderFrontMatter(entries: ReadonlyArray<readonly [string, FrontMatterValue]>): string {
  const lines = ["---"];
  for (const [key, value] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
      throw new Error(`front matter key ${JSON.stringify(key)} is not a plain identifier`);
    if (value === null || value === undefined) continue;
    if (typeof value === "boolean") lines.push(`${key}: ${value}`);
    else if (typeof value === "string") lines.push(`${key}: ${quoteString(value)}`);
    else lines.push(`${key}: [${value.map(quoteString).join(", ")}]`);
  }
  lines.push("---");
  return `${lines.join("\n")}\n`;
}
