import type { Block, TalkNotesDocument } from "../interchange/types";

/**
 * A document as a person reads it, without importer-made ids: title, kind,
 * people as `name | role | affiliation | handle | note` and every block with
 * its attribution by name (see lib/import/corpus.test.ts for the notation).
 * Tests compare imports against hand-written readings through it.
 */
export type Reading = string | Record<string, unknown>;

export function readingOf(doc: TalkNotesDocument) {
  const name = (id: string | null) =>
    id === null ? "…" : (doc.people.find((p) => p.id === id)?.name ?? `unknown id ${id}`);
  const blocks = (list: Block[]): Reading[] =>
    list.map((b): Reading => {
      switch (b.type) {
        case "question":
          return { Q: b.text, ...(b.askedBy ? { by: name(b.askedBy) } : {}), A: blocks(b.answers) };
        case "statement": {
          const line = `${name(b.speaker)}: ${b.text}`;
          if (b.asides.length === 0 && b.children.length === 0) return line;
          return {
            S: line,
            ...(b.asides.length ? { asides: b.asides } : {}),
            ...(b.children.length ? { c: blocks(b.children) } : {}),
          };
        }
        case "talk":
          return { T: b.title, by: b.speakers.map(name), ...(b.children.length ? { c: blocks(b.children) } : {}) };
        case "aside":
          return `aside: ${b.text}`;
        case "image":
          return `image: ${b.alt}`;
        default:
          return b.children.length ? { N: b.text, c: blocks(b.children) } : `${b.type}: ${b.text}`;
      }
    });
  return {
    title: doc.session.title,
    kind: doc.session.kind,
    people: doc.people.map((p) => {
      const fields = [p.name, p.role, p.affiliation ?? "", p.handle ?? "", p.note ?? ""];
      while (fields[fields.length - 1] === "") fields.pop();
      return fields.map((f, i) => (i === 0 ? f : f ? ` | ${f}` : " |")).join("");
    }),
    blocks: blocks(doc.blocks),
  };
}
