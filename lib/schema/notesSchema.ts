import { getSchema } from "@tiptap/core";
import { createNotesExtensions } from "./createNotesExtensions";

/** The ProseMirror schema of talk notes, for headless use (server, conversions, tests). */
export const notesSchema = getSchema(createNotesExtensions());
