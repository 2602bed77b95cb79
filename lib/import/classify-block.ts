import type { Block } from "../interchange/types";
import type { NoteNode } from "./build-tree";
import { classifyAside } from "./classify-aside";
import type { BlockParent, ClassifyContext } from "./classify-context";
import { classifyQuestion } from "./classify-question";
import { classifyStatement } from "./classify-statement";
import { classifyTalk } from "./classify-talk";
import { classifyTip } from "./classify-tip";
import { readLeadingTime } from "./read-leading-time";
import { stripGluedImageName } from "./strip-glued-image-name";

const IMAGE_ONLY = /^[\w-]+\.(?:jpe?g|png|gif|webp)$/i;

/**
 * Turns one node of the notes tree into a block, trying in order: a heading
 * (a talk section), an aside, a tip, a question, a statement, and otherwise a
 * note. Nothing is dropped except lines that are only a stray image file
 * name (the blog's picture placeholders), which are reported as warnings.
 * A time at the start of the line (`12:04`, `[00:12:30]`) becomes the
 * block's `at` and is read no further (see readLeadingTime).
 */
export function classifyBlock(node: NoteNode, parent: BlockParent, ctx: ClassifyContext): Block | null {
  const time = node.kind === "heading" ? null : readLeadingTime(node.text, ctx.timeAnchor ?? null);
  if (time) {
    const block = classifyUntimedBlock({ ...node, text: time.rest }, parent, ctx);
    // Set on the block itself: guesses are keyed by the block object.
    if (block) block.at = time.at;
    return block;
  }
  return classifyUntimedBlock(node, parent, ctx);
}

function classifyUntimedBlock(node: NoteNode, parent: BlockParent, ctx: ClassifyContext): Block | null {
  const child = (n: NoteNode, p: BlockParent) => classifyBlock(n, p, ctx);
  const children = (p: BlockParent) => node.children.map((n) => child(n, p)).filter((b): b is Block => b !== null);

  const stripped = stripGluedImageName(node.text);
  if (stripped.image)
    ctx.warnings.push(`Line ${node.lineNo}: removed the image file name "${stripped.image}" glued to the text.`);
  if (node.kind === "heading") return classifyTalk(stripped.text, node.children, ctx, child, node.lineNo);
  if (IMAGE_ONLY.test(stripped.text.trim()) && node.children.length === 0) {
    ctx.warnings.push(`Line ${node.lineNo}: skipped "${stripped.text.trim()}", an image placeholder.`);
    return null;
  }
  const text = ctx.toText(stripped.text);

  const aside = classifyAside(text, node.children.length > 0);
  if (aside) return aside;
  const tip = classifyTip(text);
  if (tip !== null) return { type: "tip", text: tip, children: children("note") };
  // Asked as if nested in a note first, so only an explicit "Question:" matches
  // before statements get their turn; the implicit form comes after them.
  const explicit = classifyQuestion(text, node, "note", ctx, child);
  if (explicit) return explicit;
  const statement = classifyStatement(text, parent, ctx, node.lineNo);
  if (statement) {
    const { guess, ...parts } = statement;
    const block: Block = { type: "statement", ...parts, children: children("statement") };
    if (guess) ctx.guesses.set(block, guess);
    return block;
  }
  const implicit = classifyQuestion(text, node, parent, ctx, child);
  if (implicit) return implicit;
  return { type: "note", text, children: children("note") };
}
