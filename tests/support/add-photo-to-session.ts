import * as Y from "yjs";
import { interchangeToNotes } from "../../lib/schema/interchange-to-notes";
import { notesFromYDoc } from "../../lib/schema/notes-from-ydoc";
import { notesToInterchange } from "../../lib/schema/notes-to-interchange";
import { seedYDocFromNotes } from "../../lib/schema/seed-ydoc-from-notes";
import { NotesStore } from "../../server/collab/notes-store";
import { openSqlite } from "../../server/db/open-sqlite";
import { processImage } from "../../server/images/process-image";
import { prismaImageStore } from "../../server/images/prisma-image-store";

/**
 * Adds a photo at the end of a session's notes the way the app does it, for
 * a server that is not running (a CLI database): processes and stores the
 * file (server/images), appends the image block to the Yjs log as one
 * update, and drops the readers' copy so exports render from the new state.
 * process.env.DATABASE_URL must name the same SQLite file. Returns the hash.
 */
export async function addPhotoToSession(
  databaseFile: string,
  sessionId: string,
  file: Uint8Array,
  text: { alt: string; caption: string },
): Promise<string> {
  const image = await processImage(file);
  await prismaImageStore().put(sessionId, image);
  const db = openSqlite(databaseFile);
  try {
    const store = new NotesStore(db);
    const ydoc = new Y.Doc();
    const { state } = store.load(sessionId);
    if (state) Y.applyUpdate(ydoc, state);
    const before = Y.encodeStateVector(ydoc);
    const meta = {
      conference: { name: "", location: null, startsOn: null },
      session: { title: "", kind: "talk" as const, intro: "" },
      people: [],
    };
    const current = notesToInterchange(notesFromYDoc(ydoc), meta);
    const photo = { type: "image" as const, hash: image.hash, ...text, width: image.width, height: image.height };
    seedYDocFromNotes(ydoc, interchangeToNotes({ blocks: [...current.blocks, photo] }));
    store.append(sessionId, Y.encodeStateAsUpdate(ydoc, before));
    store.writeContent(sessionId, "");
  } finally {
    db.close();
  }
  return image.hash;
}
