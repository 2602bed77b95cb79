import type { Block, TalkNotesDocument } from "../interchange/types";
import { blockAnchors } from "./block-anchors";

/** One readable line of a session's notes, flattened out of the block tree. */
export interface ReaderEntry {
  /** Fragment id of the block on the session page (see blockAnchors). */
  anchor: string;
  type: Block["type"];
  /**
   * Who said it: the statement's speaker, else the speaker it continues (an
   * unattributed statement under an attributed one); the asker of a question.
   * Null for notes, tips, asides and unattributed lines.
   */
  speaker: string | null;
  /** Plain text (a talk's title for talks). */
  text: string;
  /** The note-taker's asides on this statement. */
  asides: string[];
  /** Anchor of the question thread this line belongs to (its own for a question); null outside threads. */
  thread: string | null;
  /** Text of that thread's question, for context on speaker pages and search results. */
  threadText: string | null;
}

/**
 * Every block of a document as a flat list in reading order, with the
 * effective speaker and the thread it sits in: what speaker pages, the
 * "who spoke how much" chart and the search index read.
 */
export function readerEntries(doc: TalkNotesDocument): ReaderEntry[] {
  const anchors = blockAnchors(doc.blocks);
  const out: ReaderEntry[] = [];
  const walk = (list: readonly Block[], inherited: string | null, thread: { anchor: string; text: string } | null) => {
    for (const block of list) {
      const anchor = anchors.get(block)!;
      const base = {
        anchor,
        type: block.type,
        asides: [] as string[],
        thread: thread?.anchor ?? null,
        threadText: thread?.text ?? null,
      };
      switch (block.type) {
        case "question": {
          const own = { anchor, text: block.text };
          out.push({ ...base, speaker: block.askedBy, text: block.text, thread: anchor, threadText: block.text });
          walk(block.answers, null, own);
          break;
        }
        case "statement": {
          const speaker = block.speaker ?? inherited;
          out.push({ ...base, speaker, text: block.text, asides: [...block.asides] });
          walk(block.children, speaker, thread);
          break;
        }
        case "talk":
          out.push({ ...base, speaker: null, text: block.title });
          walk(block.children, null, null);
          break;
        case "aside":
          out.push({ ...base, speaker: null, text: block.text });
          break;
        case "note":
        case "tip":
          out.push({ ...base, speaker: null, text: block.text });
          walk(block.children, null, thread);
          break;
      }
    }
  };
  walk(doc.blocks, null, null);
  return out;
}
