import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { findNotesBlock } from "@/lib/schema/commands/find-notes-block";
import type { PhotoQueue } from "./photo-queue";

export interface PhotoPasteOptions {
  queue: PhotoQueue | null;
}

/** The image files of a paste or drop (a screenshot, a photo dragged from the desktop). */
function imageFiles(data: DataTransfer | null): File[] {
  return data ? [...data.files].filter((f) => f.type.startsWith("image/")) : [];
}

/**
 * Pasting or dropping image files adds them as photo blocks (PhotoQueue):
 * a paste at the caret, a drop after the block it lands on. Text pastes are
 * left to the editor.
 */
export const PhotoPaste = Extension.create<PhotoPasteOptions>({
  name: "photoPaste",
  addOptions() {
    return { queue: null };
  },
  addProseMirrorPlugins() {
    const queue = this.options.queue;
    return [
      new Plugin({
        key: new PluginKey("photoPaste"),
        props: {
          handlePaste: (_view, event) => {
            const files = imageFiles(event.clipboardData);
            if (!queue || files.length === 0) return false;
            event.preventDefault();
            void queue.add(files);
            return true;
          },
          handleDrop: (view, event) => {
            const drag = event as DragEvent;
            const files = imageFiles(drag.dataTransfer);
            if (!queue || files.length === 0) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: drag.clientX, top: drag.clientY });
            const block = at ? findNotesBlock(view.state.doc.resolve(at.pos)) : null;
            void queue.add(files, block ? block.pos + block.node.nodeSize : undefined);
            return true;
          },
        },
      }),
    ];
  },
});
