import type { Command } from "@tiptap/pm/state";
import { setNotesBlockTypeCommand } from "./set-notes-block-type-command";

/**
 * Attribute the block(s) around the selection to `personId` (null: unattributed),
 * turning them into statements: picking a speaker says "this person said it".
 */
export function setSpeakerCommand(personId: string | null): Command {
  return setNotesBlockTypeCommand("statement", { speaker: personId });
}
