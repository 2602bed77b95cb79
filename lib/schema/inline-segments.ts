import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { ASIDE_MARK_NAME } from "./notes-block-names";

/** A maximal run of a paragraph's text that is either all aside or all not. */
export interface InlineSegment {
  aside: boolean;
  /** Plain text of the run; hard breaks become "\n", other marks and links are dropped. */
  text: string;
}

/**
 * A paragraph's inline content as alternating aside / non-aside runs of plain
 * text, in order. Adjacent text nodes that differ only in other marks (bold,
 * link) are merged into one run.
 */
export function inlineSegments(paragraph: ProseMirrorNode): InlineSegment[] {
  const segments: InlineSegment[] = [];
  paragraph.forEach((child) => {
    const aside = child.marks.some((mark) => mark.type.name === ASIDE_MARK_NAME);
    const text = child.isText ? (child.text ?? "") : child.type.name === "hardBreak" ? "\n" : "";
    if (text === "") return;
    const last = segments[segments.length - 1];
    if (last && last.aside === aside) last.text += text;
    else segments.push({ aside, text });
  });
  return segments;
}
