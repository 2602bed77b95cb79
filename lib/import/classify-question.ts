import type { Block, QuestionBlock } from "../interchange/types";
import { attributionGuess } from "./attribution-guess";
import type { BlockParent, ClassifyContext } from "./classify-context";
import type { BlockGuess } from "./import-guess";
import type { NoteNode } from "./build-tree";
import { looksLikeNewName, parseAttribution } from "./parse-attribution";
import { splitQuotedText } from "./split-quoted-text";

/** "Question:", with the typos seen in real notes ("Question;", "Q:", "Q -"), or a `>` quote line. */
export const QUESTION_PREFIX = /^(?:questions?|qu?estion|q)\s*[:;]\s*|^(?:question|q)\s*[.\-–—]\s+|^>\s*/i;

type ClassifyChild = (node: NoteNode, parent: BlockParent) => Block | null;

/**
 * Reads a bullet as a question thread, or returns null.
 *
 * A bullet is a question when it starts with a question prefix, or (at the
 * top level or directly in a talk) when it is not itself attributed and at
 * least one of its children is a statement by a known person: the note-taker
 * wrote the moderator's question and the answers under it. `Name: "..."`
 * right after the prefix names the asker (a newcomer becomes audience);
 * otherwise `askedBy` is null. Asides after a quoted question become aside
 * blocks at the start of the answers, so none is lost.
 */
export function classifyQuestion(
  text: string,
  node: NoteNode,
  parent: BlockParent,
  ctx: ClassifyContext,
  classifyChild: ClassifyChild,
): QuestionBlock | null {
  const prefix = QUESTION_PREFIX.exec(text);
  if (!prefix) {
    if ((parent !== "top" && parent !== "talk") || !node.children.some((c) => isAttributed(c, ctx))) return null;
    return { type: "question", text, askedBy: null, answers: answers(node, ctx, classifyChild) };
  }

  let rest = text.slice(prefix[0].length);
  let askedBy: string | null = null;
  let guess: BlockGuess | null = null;
  const attribution = parseAttribution(rest);
  if (attribution) {
    const known = ctx.people.resolveMatch(attribution.label);
    if (known) {
      askedBy = known.person.id;
      guess = attributionGuess("asker", attribution.label, known, node.lineNo);
      rest = attribution.rest;
    } else {
      const newcomer =
        looksLikeNewName(attribution.label) && splitQuotedText(attribution.rest).quoted
          ? ctx.people.add({ name: attribution.label, role: "audience" })
          : null;
      if (newcomer) {
        askedBy = newcomer.id;
        const message = `"${attribution.label}" is not in the panel or speaker list; added as an audience member.`;
        ctx.warnings.push(message);
        guess = { kind: "asker", confidence: 0.5, message, personId: askedBy, line: node.lineNo };
        rest = attribution.rest;
      }
    }
  }
  const quote = splitQuotedText(rest);
  const asides: Block[] = quote.asides.map((a) => ({ type: "aside", text: a }));
  const block: QuestionBlock = {
    type: "question",
    text: quote.text,
    askedBy,
    answers: [...asides, ...answers(node, ctx, classifyChild)],
  };
  if (guess) ctx.guesses.set(block, guess);
  return block;
}

function answers(node: NoteNode, ctx: ClassifyContext, classifyChild: ClassifyChild): Block[] {
  return node.children.map((c) => classifyChild(c, "question")).filter((b): b is Block => b !== null);
}

function isAttributed(node: NoteNode, ctx: ClassifyContext): boolean {
  const attribution = parseAttribution(ctx.toText(node.text));
  return attribution !== null && ctx.people.lookup(attribution.label) !== null;
}
