import type { Block, TalkNotesDocument } from "../interchange/types";

/**
 * A plain-text excerpt of a session for index pages: the note-taker's intro
 * when there is one, else the notes' text in reading order (talk titles,
 * questions, statements, notes, photo captions), cut at a word boundary to at most `max`
 * characters with an ellipsis. Callers escape it.
 */
export function notesExcerpt(doc: TalkNotesDocument, max = 280): string {
  const parts: string[] = [];
  let length = 0;
  const add = (text: string) => {
    const t = text.replace(/\s+/g, " ").trim();
    if (!t || length > max) return;
    parts.push(t);
    length += t.length + 1;
  };
  add(doc.session.intro);
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (length > max) return;
      add(b.type === "talk" ? b.title : b.type === "image" ? b.caption : b.text);
      if (b.type === "question") walk(b.answers);
      else if (b.type !== "aside" && b.type !== "image") walk(b.children);
    }
  };
  if (length === 0) walk(doc.blocks);
  const text = parts.join(" ");
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, "")}…`;
}
