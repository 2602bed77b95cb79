/**
 * Escapes what would turn an escaped line into a block construct when it
 * begins a line or list item: ATX headings, list markers, block quotes,
 * setext underlines and thematic breaks, ordered-list numbers.
 */
export function escapeLineStart(line: string): string {
  if (/^[#+\-=>]/.test(line)) return `\\${line}`;
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  return line;
}
