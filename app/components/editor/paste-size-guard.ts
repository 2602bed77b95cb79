import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { COLLAB_LIMITS } from "@/lib/collab/limits";

/**
 * Largest paste or drop accepted, in bytes of clipboard text (HTML or plain,
 * whichever is larger). Half the server's frame limit: the Yjs update for a
 * paste is larger than its text, and a frame over the limit would close the
 * connection instead of saving anything.
 */
export const MAX_PASTE_BYTES = COLLAB_LIMITS.maxMessageBytes / 2;

export interface PasteSizeGuardOptions {
  /** Told (with a sentence for the note-taker) when a paste or drop was refused. */
  onRefuse: (message: string) => void;
}

/** Refuses a paste or drop larger than MAX_PASTE_BYTES before it reaches the document, so nothing half-happens. */
export const PasteSizeGuard = Extension.create<PasteSizeGuardOptions>({
  name: "pasteSizeGuard",
  addOptions() {
    return { onRefuse: () => {} };
  },
  addProseMirrorPlugins() {
    const refuse = (data: DataTransfer | null): boolean => {
      if (!data) return false;
      const size = Math.max(byteLength(data.getData("text/html")), byteLength(data.getData("text/plain")));
      if (size <= MAX_PASTE_BYTES) return false;
      this.options.onRefuse(
        `That paste is too large to save (${formatSize(size)}; at most ${formatSize(MAX_PASTE_BYTES)} at once). Nothing was added: paste it in parts.`,
      );
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey("pasteSizeGuard"),
        props: {
          handlePaste: (_view, event) => refuse(event.clipboardData),
          handleDrop: (_view, event) => refuse((event as DragEvent).dataTransfer),
        },
      }),
    ];
  },
});

function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
