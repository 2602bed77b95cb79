/** YAML front matter read as flat `key: value` pairs, and where the body starts. */
export interface FrontMatter {
  fields: Record<string, string>;
  /** Index of the first line after the closing `---`. */
  bodyStart: number;
}

/**
 * Reads a Markdown front matter block (`---` ... `---` at the very top) as
 * flat string fields, lowercased keys. Only the flat `key: value` subset that
 * blog engines write for posts is understood; quotes around values are
 * removed. Returns null when the text does not start with front matter.
 */
export function parseFrontMatter(lines: readonly string[]): FrontMatter | null {
  if (lines[0]?.trim() !== "---") return null;
  const fields: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^(---|\.\.\.)\s*$/.test(line)) return { fields, bodyStart: i + 1 };
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m) fields[(m[1] as string).toLowerCase()] = unquote((m[2] as string).trim());
  }
  return null;
}

function unquote(value: string): string {
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) {
    try {
      // Exporters write JSON-compatible double-quoted scalars ("\u00A0", "\"").
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1).replace(/\\(.)/g, "$1");
    }
  }
  const s = /^'((?:[^']|'')*)'$/.exec(value);
  if (s) return (s[1] as string).replace(/''/g, "'");
  return value;
}
