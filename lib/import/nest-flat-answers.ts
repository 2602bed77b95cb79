import type { NoteNode } from "./build-tree";
import type { ClassifyContext } from "./classify-context";
import { QUESTION_PREFIX } from "./classify-question";
import { parseAttribution, parseTrailingAttribution } from "./parse-attribution";

/**
 * Note-takers who write a question as a plain line (`Q: …`, `Question: …`,
 * `> …`) often write the answers after it at the same level, or as bullets
 * the tree cannot hang under a plain line:
 *
 *     Q: How many champions per team?
 *     Chioma: one, rotating yearly
 *     Lars: "two, so one can be on holiday"
 *
 * This moves the lines right after such a question that are attributed to a
 * known person (`Name: …`, `"…" — Name`), and what is nested under them, into
 * the question, so they become its answers. Bullet questions are left alone:
 * their answers are nested already. Applied inside headings too.
 */
export function nestFlatAnswers(nodes: NoteNode[], ctx: ClassifyContext): NoteNode[] {
  const out: NoteNode[] = [];
  let question: NoteNode | null = null;
  for (const node of nodes) {
    if (node.kind === "heading") {
      node.children = nestFlatAnswers(node.children, ctx);
      out.push(node);
      question = null;
      continue;
    }
    const text = ctx.toText(node.text);
    if (node.kind === "paragraph" && QUESTION_PREFIX.test(text)) {
      question = node;
      out.push(node);
      continue;
    }
    if (question && isKnownAttribution(text, ctx)) {
      question.children.push(node);
      continue;
    }
    question = null;
    out.push(node);
  }
  return out;
}

function isKnownAttribution(text: string, ctx: ClassifyContext): boolean {
  const label = parseAttribution(text)?.label ?? parseTrailingAttribution(text)?.label;
  return !!label && ctx.people.lookup(label) !== null;
}
