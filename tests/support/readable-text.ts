const NAMED_ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ldquo: '"',
  rdquo: '"',
  lsquo: "'",
  rsquo: "'",
  hellip: "...",
};

/**
 * Text a reader sees in exported or built markup: tags stripped, entities
 * decoded, typographic quotes made straight, spaces collapsed. What a format
 * adds on top (Markdown escapes, a generator's guillemets) its test undoes itself.
 */
export function readableText(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (NAMED_ENTITIES[e] ?? m),
    )
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ");
}
