import { Node } from "@tiptap/core";
import { NOTES_BLOCK_GROUP } from "./notes-block-names";

/** The top node: a session's notes are one or more outline blocks, never bare paragraphs. */
export const NotesDocument = Node.create({
  name: "doc",
  topNode: true,
  content: `${NOTES_BLOCK_GROUP}+`,
});
