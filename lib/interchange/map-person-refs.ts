import { nestedBlocks } from "./nested-blocks";
import type { Block } from "./types";
import { withChildBlocks } from "./with-child-blocks";

/**
 * A copy of the blocks with every person reference passed through `map`, at
 * any depth: what importing (ids renumbered to stored people), loading
 * (ids of people no longer listed) and the import preview (a person
 * forgotten) need. `map` answering null drops the reference: `askedBy` and
 * `speaker` become null (unknown asker, unattributed statement) and the id
 * leaves a talk's `speakers`. Absent references (null) are not passed to `map`.
 */
export function mapPersonRefs(blocks: readonly Block[], map: (id: string) => string | null): Block[] {
  const one = (id: string | null) => (id === null ? null : map(id));
  return blocks.map((block): Block => {
    const children = mapPersonRefs(nestedBlocks(block), map);
    switch (block.type) {
      case "question":
        return { ...block, askedBy: one(block.askedBy), answers: children };
      case "statement":
        return { ...block, speaker: one(block.speaker), children };
      case "talk":
        return { ...block, speakers: block.speakers.map(map).filter((id): id is string => id !== null), children };
      default:
        return withChildBlocks(block, children);
    }
  });
}
