import type { AnyExtension, NodeViewRenderer } from "@tiptap/core";
import { Bold } from "@tiptap/extension-bold";
import { HardBreak } from "@tiptap/extension-hard-break";
import { Italic } from "@tiptap/extension-italic";
import { Paragraph } from "@tiptap/extension-paragraph";
import { Text } from "@tiptap/extension-text";
import { UndoRedo } from "@tiptap/extensions";
import { AsideBlock } from "./aside-block";
import { AsideMark } from "./aside-mark";
import { KeyMoment } from "./key-moment";
import { BlockTimes, type BlockTimesOptions } from "./block-times";
import { NotesImage } from "./image";
import { Note } from "./note";
import { NotesDocument } from "./notes-document";
import { NotesLink } from "./notes-link";
import { NotesOutline } from "./notes-outline";
import { Question } from "./question";
import { Statement } from "./statement";
import { Talk } from "./talk";
import { Tip } from "./tip";

/** Options for {@link createNotesExtensions}. */
export interface NotesExtensionsOptions {
  /**
   * Include Tiptap's UndoRedo (default true). Pass false in the collaborative
   * editor: the Collaboration extension brings its own Yjs-aware undo and
   * refuses to run beside UndoRedo.
   */
  history?: boolean;
  /**
   * The browser's block-time stamping: its server-corrected clock, which
   * transactions are a co-editor's, the conference's zone for the margin.
   * Left out (headless), blocks keep the times they have and get none.
   */
  blockTimes?: Partial<BlockTimesOptions>;
  /** The browser's node view for photos (see NotesImage); none headless. */
  imageNodeView?: NodeViewRenderer;
}

/**
 * The one list of extensions that defines the talk-notes document, used by
 * the browser editor (which adds React node views and autocomplete on top)
 * and headless on the server. Changing it changes the schema of stored
 * documents: add nodes, never rename them.
 *
 * `Note` comes first among the blocks so ProseMirror fills an empty document
 * with a note.
 */
export function createNotesExtensions(options: NotesExtensionsOptions = {}): AnyExtension[] {
  const extensions: AnyExtension[] = [
    NotesDocument,
    Paragraph,
    Text,
    HardBreak,
    Bold,
    Italic,
    NotesLink,
    AsideMark,
    Note,
    Statement,
    Question,
    Tip,
    Talk,
    AsideBlock,
    options.imageNodeView ? NotesImage.configure({ nodeView: options.imageNodeView }) : NotesImage,
    NotesOutline,
    KeyMoment,
    options.blockTimes ? BlockTimes.configure(options.blockTimes) : BlockTimes,
  ];
  if (options.history ?? true) extensions.push(UndoRedo);
  return extensions;
}
