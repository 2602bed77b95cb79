import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { NOTES_FIELD } from "../../lib/schema/notes-field";
import { notesSchema } from "../../lib/schema/notes-schema";
import {
  isBlankNote,
  type NotesInterchangeMeta,
  notesToInterchange,
  topLevelBlock,
} from "../../lib/schema/notes-to-interchange";
import { removeUnknownYMarks } from "../../lib/schema/remove-unknown-ymarks";
import { yFragmentFitsSchema } from "../../lib/schema/y-fragment-fits-schema";

const EMPTY_NOTES = notesSchema.topNodeType.createAndFill()!;
const EMPTY_BLOCKS = '"blocks":[]}';

/** What one top-level element of the notes renders to. */
interface RenderedBlock {
  /** The element gave a ProseMirror node (y-tiptap drops what it cannot build). */
  present: boolean;
  /** It is an empty note (the whole document is blank when it is the only node). */
  blank: boolean;
  /** Its talknotes/1 block as JSON text, or null when it is no block. */
  json: string | null;
}

/**
 * The `blocks` of a live document's readers' copy, kept rendered per
 * top-level element so a render costs what changed since the last one, not
 * the whole document: every change marks the top-level element it happened
 * in (found by walking up from the changed type), and only marked or new
 * elements are rendered again; the rest reuse their JSON text. A top-level
 * element is a question thread, a statement with its children, a talk...,
 * so typing in one answer re-renders one thread.
 *
 * Each element is rendered from a clone in a fragment of its own in a private
 * Y.Doc (one per render), with the same y-tiptap conversion and the same
 * schema fixes as `notesFromYDoc` (unknown marks dropped with their text
 * kept, unknown nodes left out), so the live document is never changed by a
 * reader and the result equals a full render (readers-copy-blocks.test.ts
 * checks this after random edits).
 */
export class ReadersCopyBlocks {
  private readonly fragment: Y.XmlFragment;
  private readonly rendered = new WeakMap<Y.XmlElement | Y.XmlText, RenderedBlock>();

  constructor(doc: Y.Doc) {
    this.fragment = doc.getXmlFragment(NOTES_FIELD);
    this.fragment.observeDeep(this.changed);
  }

  private readonly changed = (events: Array<{ target: unknown }>) => {
    for (const event of events) {
      // Up to the top-level element the change is in; null for a change of the top-level list itself (inserted
      // and deleted elements need nothing: new ones are not rendered yet, gone ones are not read).
      let type = event.target as Y.XmlElement | Y.XmlText | null;
      while (type && type.parent !== this.fragment) type = type.parent as Y.XmlElement | null;
      if (type) this.rendered.delete(type);
    }
  };

  /**
   * The whole readers' copy as JSON text, exactly `JSON.stringify(notesToInterchange(...))` of the
   * document with `meta`, or null when only a full render can make it (see `blocksJson`).
   */
  readersCopyJson(meta: NotesInterchangeMeta): string | null {
    const blocks = this.blocksJson();
    return blocks === null ? null : ReadersCopyBlocks.withBlocks(meta, blocks);
  }

  /** The readers' copy as JSON text, from `meta` and the JSON text of its `blocks` (see `blocksJson`). */
  static withBlocks(meta: NotesInterchangeMeta, blocks: string): string {
    // The same object notesToInterchange builds, `blocks` last, with the cached blocks put in its place.
    const empty = JSON.stringify(notesToInterchange(EMPTY_NOTES, meta));
    if (!empty.endsWith(EMPTY_BLOCKS)) throw new Error("talknotes/1 no longer ends with its blocks");
    return `${empty.slice(0, -EMPTY_BLOCKS.length)}"blocks":${blocks}}`;
  }

  /**
   * The JSON text of the readers' copy's `blocks` array, or null when the
   * document holds something only a full render handles (text directly at
   * its top level, which the editor never writes).
   */
  blocksJson(): string | null {
    const parts: string[] = [];
    let present = 0;
    let blank = false;
    // One private document for every element this render needs (see renderElement), made when the first is;
    // it holds at most a copy of the document (a first render), as a full render does, until the render ends.
    let copy: Y.Doc | null = null;
    try {
      for (const child of this.fragment.toArray()) {
        if (!(child instanceof Y.XmlElement)) return null;
        let block = this.rendered.get(child);
        if (!block) {
          copy ??= new Y.Doc({ guid: COPY_GUID });
          block = renderElement(child, copy);
          this.rendered.set(child, block);
        }
        if (block.present) {
          present += 1;
          blank = block.blank;
        }
        if (block.json !== null) parts.push(block.json);
      }
    } finally {
      copy?.destroy();
    }
    // As notesToInterchange: no nodes, or one empty note, is an untouched editor with no blocks.
    if (present === 0 || (present === 1 && blank)) return "[]";
    return `[${parts.join(",")}]`;
  }
}

/**
 * The private document's guid. Yjs makes a random UUID for a document without one (31 calls into
 * crypto's random source, each ~10 µs) and a random client id (one more): with one document per
 * changed element, that was more than half of a render's CPU in the live-panel bench's CPU profile (BENCHMARKS.md) (50 paragraphs
 * typed into at once). Now a render makes one document with a fixed guid, which only names
 * subdocuments (these never have any), and clones each element into a fragment of its own in it.
 */
const COPY_GUID = "readers-copy";

/** Renders one top-level element from a clone in its own fragment of `copy`, so the live document is never changed. */
function renderElement(element: Y.XmlElement, copy: Y.Doc): RenderedBlock {
  // A fresh fragment name per element: one fragment per element, each converted on its own.
  const fragment = copy.getXmlFragment(`${NOTES_FIELD}-${copy.share.size}`);
  fragment.insert(0, [element.clone()]);
  if (!yFragmentFitsSchema(fragment, notesSchema)) removeUnknownYMarks(fragment, notesSchema);
  const node = yXmlFragmentToProseMirrorRootNode(fragment, notesSchema).firstChild;
  if (!node) return { present: false, blank: false, json: null };
  const block = topLevelBlock(node);
  return { present: true, blank: isBlankNote(node), json: block ? JSON.stringify(block) : null };
}
