/** A Markdown image link as written: `![alt](src)` or `![alt](src "title")`. */
export interface MarkdownImageLink {
  alt: string;
  src: string;
}

// Alt and URL stop at the next bracket, like markdown-inline-to-text.ts, so the scan stays linear.
const IMAGE_LINK = /!\[([^[\]]*)\]\(\s*<?([^)\s>[\]]+)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * Every Markdown image link of a notes file, in order. The importer reads each
 * as text ("alt (src)"); an import given the files turns the notes that are
 * exactly such a link back into photos (server/data/import-notes.ts).
 */
export function markdownImageLinks(text: string): MarkdownImageLink[] {
  return [...text.matchAll(IMAGE_LINK)].map((m) => ({ alt: m[1]!.trim(), src: m[2]! }));
}

/**
 * The image link a note's text stands for: the text the importer made of a
 * line holding only that link ("alt (src)", or "src" without alt, from
 * Markdown; the link as written, from plain text), or null.
 */
export function imageLinkOfNote(noteText: string, links: readonly MarkdownImageLink[]): MarkdownImageLink | null {
  const text = noteText.trim();
  // Markdown notes read the link as text; plain-text notes keep it as written.
  return (
    links.find(
      (l) => text === (l.alt && l.alt !== l.src ? `${l.alt} (${l.src})` : l.src) || text === `![${l.alt}](${l.src})`,
    ) ?? null
  );
}
