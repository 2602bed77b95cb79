import { getSchema } from "@tiptap/core";
import { createNotesExtensions } from "./create-notes-extensions";

/** The ProseMirror schema of talk notes, for headless use (server, conversions, tests). */
export const notesSchema = getSchema(createNotesExtensions());
