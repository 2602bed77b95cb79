import * as Y from "yjs";
import { writeSessionPerson } from "../../lib/collab/session-people";
import { NOTES_FIELD } from "../../lib/schema/notes-field";

const WORDS = ["deploy", "rollback", "pager", "canary", "flags", "", " ", "é", "“quoted”"];

/** Every element and text below `type`, depth first. */
export function walk(
  type: Y.XmlFragment | Y.XmlElement,
  out: Array<Y.XmlElement | Y.XmlText> = [],
): Array<Y.XmlElement | Y.XmlText> {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) {
      out.push(child);
      walk(child, out);
    }
  }
  return out;
}

function newStatement(text: string, speaker: string | null): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const statement = new Y.XmlElement("statement");
  if (speaker) statement.setAttribute("speaker", speaker);
  statement.insert(0, [paragraph]);
  return statement;
}

/**
 * One random edit of `doc`'s notes of the kinds note-takers make (type, delete, move a thread, attribute to
 * one of `people`, star, time, format, rename a person, set the session kind) and a few no editor makes (a
 * mark the schema does not know, clearing everything). Returns its kind.
 */
export function randomNotesEdit(doc: Y.Doc, random: () => number, people: readonly string[]): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const fragment = doc.getXmlFragment(NOTES_FIELD);
  const all = walk(fragment);
  const texts = all.filter((t): t is Y.XmlText => t instanceof Y.XmlText);
  const blocks = all.filter((t): t is Y.XmlElement => t instanceof Y.XmlElement && t.nodeName !== "paragraph");
  const kind = Math.floor(random() * 12);
  switch (kind) {
    case 0:
    case 1:
    case 2: {
      if (texts.length === 0) break;
      const text = pick(texts);
      text.insert(Math.floor(random() * (text.length + 1)), pick(WORDS));
      return "type";
    }
    case 3: {
      if (texts.length === 0) break;
      const text = pick(texts);
      if (text.length > 0) text.delete(Math.floor(random() * text.length), 1 + Math.floor(random() * 5));
      return "delete text";
    }
    case 4: {
      if (blocks.length === 0) break;
      const block = pick(blocks);
      const parent = block.parent as Y.XmlFragment | Y.XmlElement;
      parent.delete(parent.toArray().indexOf(block), 1);
      return "delete block";
    }
    case 5: {
      if (fragment.length < 2) break;
      const from = Math.floor(random() * fragment.length);
      const moved = (fragment.get(from) as Y.XmlElement).clone();
      doc.transact(() => {
        fragment.delete(from, 1);
        fragment.insert(Math.floor(random() * (fragment.length + 1)), [moved]);
      });
      return "move";
    }
    case 6: {
      const attributed = blocks.filter((b) => b.nodeName === "statement" || b.nodeName === "question");
      if (attributed.length === 0) break;
      const block = pick(attributed);
      const name = block.nodeName === "statement" ? "speaker" : "askedBy";
      if (random() < 0.2) block.removeAttribute(name);
      else block.setAttribute(name, pick(people));
      return "attribution";
    }
    case 7:
      writeSessionPerson(doc, pick(people), {
        name: `${pick(WORDS)} ${Math.floor(random() * 100)}`,
        role: "panelist",
        position: Math.floor(random() * 3),
      });
      return "rename person";
    case 8: {
      if (blocks.length === 0) break;
      const block = pick(blocks);
      if (random() < 0.5)
        block.setAttribute("starred", (random() < 0.7) as unknown as string); // y-tiptap stores the boolean as it is
      else block.setAttribute("at", `2026-06-25T10:${String(Math.floor(random() * 60)).padStart(2, "0")}:00Z`);
      return "star or time";
    }
    case 9: {
      const nestable = blocks.filter((b) => b.nodeName !== "asideBlock" && b.nodeName !== "image");
      const parent = random() < 0.5 || nestable.length === 0 ? fragment : pick(nestable);
      const at = random() < 0.5 ? parent.length : Math.floor(random() * (parent.length + 1));
      // A nested block goes after the block's paragraph, never before it.
      parent.insert(parent === fragment ? at : Math.max(1, at), [
        newStatement(pick(WORDS), random() < 0.5 ? pick(people) : null),
      ]);
      return "insert block";
    }
    case 10: {
      if (texts.length === 0) break;
      const text = pick(texts);
      if (text.length === 0) break;
      const from = Math.floor(random() * text.length);
      // Mostly a mark the schema knows; now and then one from a newer bundle, which readers drop (keeping the text).
      text.format(from, 1 + Math.floor(random() * 4), random() < 0.8 ? { bold: {} } : { sparkle: {} });
      return "format";
    }
    case 11:
      if (random() < 0.1) {
        doc.transact(() => {
          fragment.delete(0, fragment.length);
          const empty = new Y.XmlElement("note");
          empty.insert(0, [new Y.XmlElement("paragraph")]);
          fragment.insert(0, [empty]);
        });
        return "clear";
      }
      doc.getMap("session").set("kind", pick(["panel", "talk", "keynote"]));
      return "session kind";
  }
  return "nothing";
}
