import type { Block, TalkBlock } from "../interchange/types";
import type { NoteNode } from "./build-tree";
import type { BlockParent, ClassifyContext } from "./classify-context";
import { parseSpeakerList } from "./parse-speaker-list";
import { parseTalkHeader } from "./parse-talk-header";

const SPEAKER_LINE = /^(?:speakers?|presenters?|by)\s*:\s*(.+)$/i;

/**
 * Builds one talk of an Ignite/lightning series from its title line (a
 * top-level bullet, or a `## heading` in Markdown) and what is nested under
 * it. Speakers come from the title line (see parseTalkHeader) and, under a
 * heading, from a `Speaker:` / `Speakers:` / `By:` line; each becomes a
 * person with role "speaker" (or the existing person when already known).
 */
export function classifyTalk(
  titleText: string,
  children: readonly NoteNode[],
  ctx: ClassifyContext,
  classifyChild: (node: NoteNode, parent: BlockParent) => Block | null,
  lineNo: number | null = null,
): TalkBlock {
  const header = parseTalkHeader(ctx.toText(titleText), (name) => ctx.people.lookup(name, true) !== null);
  const seeds = [...header.speakers];
  const rest: NoteNode[] = [];
  for (const child of children) {
    const line =
      child.kind === "paragraph" && child.children.length === 0 ? SPEAKER_LINE.exec(ctx.toText(child.text)) : null;
    const listed = line ? parseSpeakerList(line[1] as string) : null;
    if (listed) seeds.push(...listed);
    else rest.push(child);
  }
  const speakers: string[] = [];
  for (const seed of seeds) {
    const match = ctx.people.lookup(seed.name, true);
    const person =
      match && (match.how === "name" || match.how === "handle")
        ? ctx.people.resolve(seed.name)
        : ctx.people.add({
            name: seed.name,
            role: "speaker",
            affiliation: seed.affiliation,
            note: seed.note,
            handle: seed.handle,
          });
    if (person && !speakers.includes(person.id)) speakers.push(person.id);
  }
  const block: TalkBlock = {
    type: "talk",
    title: header.title,
    speakers,
    children: rest.map((c) => classifyChild(c, "talk")).filter((b): b is Block => b !== null),
  };
  if (header.speakers.length > 0 && header.confidence < 1) {
    const names = header.speakers.map((s) => s.name).join(", ");
    ctx.guesses.set(block, {
      kind: "talk-speaker",
      confidence: header.confidence,
      message: `Talk "${header.title}": speaker read as ${names} from its title line.`,
      personId: speakers[0] ?? null,
      line: lineNo,
    });
  }
  return block;
}
