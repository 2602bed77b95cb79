import type { JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import {
  INTERCHANGE_FORMAT,
  type Block,
  type InterchangeConference,
  type InterchangePerson,
  type InterchangeSession,
  type TalkNotesDocument,
} from "../interchange/types";
import { BLOCK_TIME_ATTRIBUTE } from "./block-time-attribute";
import { blockPeople } from "./commands/block-people";
import { IMAGE_HASH_PATTERN } from "../images/image-file-name";
import { IMAGE_NODE_NAME } from "./image";
import { inlinePlainText } from "./inline-plain-text";
import { NOTES_BLOCK_GROUP } from "./notes-block-names";
import { notesSchema } from "./notes-schema";
import { splitStatementText } from "./split-statement-text";

/** The parts of a `talknotes/1` document that do not live in the editor. */
export interface NotesInterchangeMeta {
  conference: InterchangeConference;
  session: InterchangeSession;
  people: InterchangePerson[];
}

/**
 * The notes document (ProseMirror JSON or node) as `talknotes/1`.
 *
 * - question -> `{ text, askedBy, answers }` (answers = its nested blocks)
 * - statement -> `{ speaker, text, asides, children }`: aside-marked runs
 *   are cut out of `text` (gap closed up) and listed in `asides`
 * - note, tip -> `{ text, children }`; talk -> `{ title, speakers, children }`;
 *   asideBlock -> `{ type: "aside", text }`. In these, inline asides stay in
 *   the text in parentheses, since the format has nowhere else to put them.
 * - A starred block (a key moment) gets `starred: true`; others leave it out.
 * - A block's time (`at`) is carried when it has one.
 * - image -> `{ hash, alt, caption, width, height }`, only once uploaded (it has a hash).
 * - Text is plain and trimmed: bold, italic and links are dropped (the link
 *   text stays), hard breaks become "\n".
 * - An untouched editor (one empty note, no children) gives no blocks.
 *
 * JSON input is read with the notes schema and throws on unknown node types.
 */
export function notesToInterchange(
  input: JSONContent | ProseMirrorNode,
  meta: NotesInterchangeMeta,
): TalkNotesDocument {
  const doc = input instanceof ProseMirrorNode ? input : notesSchema.nodeFromJSON(input);
  return {
    format: INTERCHANGE_FORMAT,
    conference: meta.conference,
    session: meta.session,
    people: meta.people,
    blocks: isBlankDocument(doc) ? [] : childBlocks(doc),
  };
}

function isBlankDocument(doc: ProseMirrorNode): boolean {
  const only = doc.firstChild;
  return doc.childCount === 1 && only !== null && isBlankNote(only);
}

/** True for an empty note: a document holding only that is an untouched editor, with no blocks. */
export function isBlankNote(node: ProseMirrorNode): boolean {
  return node.type.name === "note" && node.childCount === 1 && node.textContent === "";
}

/**
 * One top-level node of the notes as the `talknotes/1` block `notesToInterchange` makes of it, or null when it
 * makes none: lets a caller that keeps blocks per node (server/collab/readers-copy-blocks.ts) render only the
 * nodes that changed.
 */
export function topLevelBlock(node: ProseMirrorNode): Block | null {
  return node.type.isInGroup(NOTES_BLOCK_GROUP) ? toBlock(node) : null;
}

function childBlocks(parent: ProseMirrorNode): Block[] {
  const blocks: Block[] = [];
  parent.forEach((child) => {
    const block = topLevelBlock(child);
    if (block) blocks.push(block);
  });
  return blocks;
}

function toBlock(node: ProseMirrorNode): Block | null {
  const block = blockOf(node);
  if (!block) return null;
  // Only starred and timed blocks carry these fields, so documents without them are unchanged.
  const at: unknown = node.attrs[BLOCK_TIME_ATTRIBUTE];
  return {
    ...block,
    ...(node.attrs.starred === true ? { starred: true } : {}),
    ...(typeof at === "string" && at !== "" ? { at } : {}),
  };
}

function blockOf(node: ProseMirrorNode): Block | null {
  if (node.type.name === IMAGE_NODE_NAME) return imageBlock(node);
  const paragraph = node.firstChild;
  if (!paragraph) return null;
  const children = childBlocks(node);
  const person = blockPeople(node)[0] ?? null;
  switch (node.type.name) {
    case "question":
      return { type: "question", text: inlinePlainText(paragraph), askedBy: person, answers: children };
    case "statement": {
      const { text, asides } = splitStatementText(paragraph);
      return { type: "statement", speaker: person, text, asides, children };
    }
    case "note":
      return { type: "note", text: inlinePlainText(paragraph), children };
    case "tip":
      return { type: "tip", text: inlinePlainText(paragraph), children };
    case "talk":
      return { type: "talk", title: inlinePlainText(paragraph), speakers: blockPeople(node), children };
    case "asideBlock":
      return { type: "aside", text: inlinePlainText(paragraph) };
    default:
      return null;
  }
}

/**
 * A photo block, once uploaded: a photo still waiting on its note-taker's
 * device (no hash yet) is not published, since there is nothing to show.
 */
function imageBlock(node: ProseMirrorNode): Block | null {
  const { hash, alt, caption, width, height } = node.attrs as Record<string, unknown>;
  if (typeof hash !== "string" || !IMAGE_HASH_PATTERN.test(hash)) return null;
  const size = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : 1);
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  return { type: "image", hash, alt: text(alt), caption: text(caption), width: size(width), height: size(height) };
}
