import type { Command } from "@tiptap/pm/state";
import { setNotesBlockTypeCommand } from "./set-notes-block-type-command";

/**
 * Record who asked: the block(s) around the selection become questions asked
 * by `personId` (null: asker unknown, or the moderator).
 */
export function setAskedByCommand(personId: string | null): Command {
  return setNotesBlockTypeCommand("question", { askedBy: personId });
}
