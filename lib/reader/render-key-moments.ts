import type { Block, TalkNotesDocument } from "../interchange/types";
import { escapeHtml } from "../export/escape-html";
import { keyMoments } from "../export/key-moments";
import { personLabels } from "../export/person-labels";
import { sanitiseDocument } from "../export/sanitise-document";
import { blockAnchors } from "./block-anchors";

/** Longer moments are cut here: the summary points at the notes, it does not repeat them. */
const MAX_CHARS = 160;

/**
 * The "Key moments" summary of a public page and embed: one line per starred
 * block, in reading order, each a link to the block in the notes (the same
 * fragment ids as renderReaderNotes). Empty string when nothing is starred.
 * Plain escaped text only (no links inside the link).
 */
export function renderKeyMoments(input: TalkNotesDocument): string {
  const doc = sanitiseDocument(input);
  const moments = keyMoments(doc.blocks);
  if (!moments.length) return "";
  const anchors = blockAnchors(doc.blocks);
  const labels = personLabels(doc.people);
  const who = (id: string | null) => (id === null ? "" : `${labels.get(id) ?? id}: `);
  const line = (block: Block): string => {
    switch (block.type) {
      case "question":
        return `${block.askedBy === null ? "" : who(block.askedBy)}${block.text}`;
      case "statement":
        return `${who(block.speaker)}${block.text || block.asides.join(" ")}`;
      case "aside":
        return `(${block.text})`;
      case "talk":
        return block.title;
      case "tip":
        return `Tip: ${block.text}`;
      case "note":
        return block.text;
      case "image":
        return `Photo: ${block.alt || block.caption || "(no description)"}`;
    }
  };
  const items = moments
    .map((block) => {
      const text = line(block).replace(/\s+/g, " ").trim();
      if (!text) return "";
      const shown = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1).trimEnd()}…` : text;
      const kind = block.type === "question" ? `<span class="sr-only">Question: </span>` : "";
      return `<li><a href="#${anchors.get(block)!}">${kind}${escapeHtml(shown)}</a></li>`;
    })
    .filter(Boolean);
  return items.length ? `<ol class="key-moments-list">${items.join("")}</ol>` : "";
}
