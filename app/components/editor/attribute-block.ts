import type { Editor } from "@tiptap/core";
import { findNotesBlock } from "@/lib/schema/commands/find-notes-block";
import { setAskedByCommand } from "@/lib/schema/commands/set-asked-by-command";
import { setNotesBlockTypeCommand } from "@/lib/schema/commands/set-notes-block-type-command";
import { setSpeakerCommand } from "@/lib/schema/commands/set-speaker-command";
import type { AttributionQuery } from "./attribution-autocomplete";

/**
 * Replaces the typed `@name` with an attribution of the block to `personId`:
 * a question records its asker, an Ignite talk gains a speaker, any other
 * block becomes a statement by that person.
 */
export function attributeBlock(editor: Editor, query: AttributionQuery, personId: string): boolean {
  return editor
    .chain()
    .focus()
    .deleteRange({ from: query.from, to: query.to })
    .command(({ state, dispatch }) => {
      const block = findNotesBlock(state.selection.$from);
      if (!block) return false;
      if (block.node.type.name === "question") return setAskedByCommand(personId)(state, dispatch);
      if (block.node.type.name === "talk") {
        const speakers = [...((block.node.attrs.speakers as string[] | null) ?? [])];
        if (!speakers.includes(personId)) speakers.push(personId);
        return setNotesBlockTypeCommand("talk", { speakers })(state, dispatch);
      }
      return setSpeakerCommand(personId)(state, dispatch);
    })
    .run();
}
