import type { Block } from "../interchange/types";

/** The blocks with every person reference (askedBy, speaker, speakers) passed through `remap`. */
export function remapPeople(blocks: readonly Block[], remap: (id: string | null) => string | null): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case "question":
        return { ...b, askedBy: remap(b.askedBy), answers: remapPeople(b.answers, remap) };
      case "statement":
        return { ...b, speaker: remap(b.speaker), children: remapPeople(b.children, remap) };
      case "talk":
        return { ...b, speakers: b.speakers.map((s) => remap(s) ?? s), children: remapPeople(b.children, remap) };
      case "aside":
      case "image":
        return b;
      default:
        return { ...b, children: remapPeople(b.children, remap) };
    }
  });
}
