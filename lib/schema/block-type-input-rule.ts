import { InputRule } from "@tiptap/core";
import type { NotesBlockName } from "./notes-block-names";

/**
 * Input rule that turns the block into `typeName` when `find` matches the
 * text typed at the start of the block, removing the typed marker
 * (e.g. `Q: ` -> question). Runs through the `setBlockType` command so text,
 * children and attribution are kept exactly as that command keeps them.
 */
export function blockTypeInputRule(find: RegExp, typeName: NotesBlockName): InputRule {
  return new InputRule({
    find,
    handler: ({ range, commands }) => {
      commands.deleteRange(range);
      commands.setBlockType(typeName);
    },
  });
}
