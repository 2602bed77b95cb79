import type { JSONContent } from "@tiptap/core";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { BLOCK_TIME_ATTRIBUTE } from "./block-time-attribute";
import { ASIDE_MARK_NAME } from "./notes-block-names";

/**
 * The blocks of a `talknotes/1` document as notes-editor JSON, e.g. to seed
 * a session's Y.Doc from an import. Inverse of notesToInterchange for trimmed
 * text: a statement's asides become aside-marked runs after its text,
 * separated by spaces; "\n" becomes a hard break; a block's `at` becomes
 * its time; no blocks gives one empty
 * note (the document needs at least one block).
 */
export function interchangeToNotes(doc: Pick<TalkNotesDocument, "blocks">): JSONContent {
  const content = doc.blocks.map(blockToNode);
  return { type: "doc", content: content.length > 0 ? content : [container("note", {}, "", [])] };
}

function blockToNode(block: Block): JSONContent {
  const node = nodeOf(block);
  const attrs = {
    ...node.attrs,
    ...(block.starred === true ? { starred: true } : {}),
    ...(block.at ? { [BLOCK_TIME_ATTRIBUTE]: block.at } : {}),
  };
  return Object.keys(attrs).length > 0 ? { ...node, attrs } : node;
}

function nodeOf(block: Block): JSONContent {
  switch (block.type) {
    case "question":
      return container("question", { askedBy: block.askedBy }, block.text, block.answers);
    case "statement":
      return {
        type: "statement",
        attrs: { speaker: block.speaker },
        content: [paragraph(statementInline(block.text, block.asides)), ...block.children.map(blockToNode)],
      };
    case "note":
      return container("note", {}, block.text, block.children);
    case "tip":
      return container("tip", {}, block.text, block.children);
    case "talk":
      return container("talk", { speakers: [...block.speakers] }, block.title, block.children);
    case "aside":
      return { type: "asideBlock", content: [paragraph(textNodes(block.text))] };
    case "image":
      return {
        type: "image",
        attrs: { hash: block.hash, alt: block.alt, caption: block.caption, width: block.width, height: block.height },
      };
  }
}

function container(type: string, attrs: Record<string, unknown>, text: string, children: Block[]): JSONContent {
  const node: JSONContent = { type, content: [paragraph(textNodes(text)), ...children.map(blockToNode)] };
  return Object.keys(attrs).length > 0 ? { ...node, attrs } : node;
}

function paragraph(content: JSONContent[]): JSONContent {
  return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
}

function statementInline(text: string, asides: string[]): JSONContent[] {
  const inline = textNodes(text);
  for (const aside of asides) {
    if (aside === "") continue;
    if (inline.length > 0) inline.push({ type: "text", text: " " });
    // An aside that is itself in brackets gets one more pair, which the
    // export strips again, so "(sic)" survives the round trip.
    const stored = /^\(.*\)$/s.test(aside) ? `(${aside})` : aside;
    inline.push(...textNodes(stored, [{ type: ASIDE_MARK_NAME }]));
  }
  return inline;
}

function textNodes(text: string, marks?: JSONContent["marks"]): JSONContent[] {
  const nodes: JSONContent[] = [];
  text.split("\n").forEach((line, index) => {
    if (index > 0) nodes.push(marks ? { type: "hardBreak", marks } : { type: "hardBreak" });
    if (line !== "") nodes.push(marks ? { type: "text", text: line, marks } : { type: "text", text: line });
  });
  return nodes;
}
