import type { Block } from "../interchange/types";
import type { NoteNode } from "./build-tree";
import { classifyAside } from "./classify-aside";
import { classifyBlock } from "./classify-block";
import type { ClassifyContext } from "./classify-context";
import { classifyTalk } from "./classify-talk";
import { stripGluedImageName } from "./strip-glued-image-name";

/**
 * A top-level bullet of an Ignite series written without headings is one
 * talk: its text is the title line, its nested bullets the talk's notes.
 * A bullet that is only a parenthesised remark stays an aside.
 */
export function classifyTalkBullet(node: NoteNode, ctx: ClassifyContext): Block {
  const stripped = stripGluedImageName(node.text);
  if (stripped.image)
    ctx.warnings.push(`Line ${node.lineNo}: removed the image file name "${stripped.image}" glued to the text.`);
  const aside = classifyAside(ctx.toText(stripped.text), node.children.length > 0);
  if (aside) return aside;
  return classifyTalk(stripped.text, node.children, ctx, (n, p) => classifyBlock(n, p, ctx), node.lineNo);
}
