import { type NodeViewRenderer, Node, getRenderedAttributes } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { NodeViewConstructor } from "@tiptap/pm/view";
import { NOTES_BLOCK_GROUP } from "./notes-block-names";

/** Node name of a photo in the notes (ARCHITECTURE.md, "Photos"). */
export const IMAGE_NODE_NAME = "image" as const;

export interface NotesImageOptions {
  /** The browser editor's node view (preview, upload state, alt and caption fields); none headless. */
  nodeView: NodeViewRenderer | null;
}

/**
 * A photo in the notes: a leaf block anywhere a block may stand (top level or
 * nested in a thread). It lives in the shared Yjs document like every block,
 * so co-editors see it as soon as its attributes arrive.
 *
 * - `hash`: sha-256 of the stored photo (null until uploaded); the bytes live
 *   in the database, never in the document.
 * - `upload`: the id of the upload still pending on the device that took the
 *   photo (null once `hash` is set); that device keeps the file in IndexedDB.
 * - `alt`, `caption`: plain text, edited in place.
 * - `width`, `height`: pixels of the upright photo, so pages reserve its box.
 * - `placeholder`: a tiny blurred data: URI shown until the photo loads.
 *
 * HTML: `<figure data-type="image" data-hash=… data-upload=… data-alt=… data-caption=…
 * data-width=… data-height=…>` (no `<img>`: the URL depends on where it is shown).
 */
export const NotesImage = Node.create<NotesImageOptions>({
  name: IMAGE_NODE_NAME,
  group: NOTES_BLOCK_GROUP,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { nodeView: null };
  },

  addAttributes() {
    const text = (name: string) => ({
      default: null,
      parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`),
      renderHTML: (attrs: Record<string, unknown>) =>
        attrs[name] == null ? {} : { [`data-${name}`]: String(attrs[name]) },
    });
    const number = (name: string) => ({
      default: null,
      parseHTML: (el: HTMLElement) => {
        const value = Number(el.getAttribute(`data-${name}`));
        return Number.isFinite(value) && value > 0 ? value : null;
      },
      renderHTML: (attrs: Record<string, unknown>) =>
        attrs[name] == null ? {} : { [`data-${name}`]: String(attrs[name]) },
    });
    return {
      hash: text("hash"),
      upload: text("upload"),
      alt: { ...text("alt"), default: "" },
      caption: { ...text("caption"), default: "" },
      width: number("width"),
      height: number("height"),
      placeholder: text("placeholder"),
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-type="image"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", { "data-type": IMAGE_NODE_NAME, ...HTMLAttributes }];
  },

  // The node view is given through a plugin rather than `addNodeView`: Tiptap hands ProseMirror new node
  // view functions whenever the editor is mounted in the page (EditorContent), and ProseMirror then draws
  // the whole document again (~0.3 s at 3,000 bullets on opening). A plugin's functions stay the same.
  addProseMirrorPlugins() {
    const render = this.options.nodeView;
    if (!render) return [];
    const { editor, name } = this;
    const image: NodeViewConstructor = (node, view, getPos, decorations, innerDecorations) =>
      render({
        node,
        view,
        getPos: getPos as () => number,
        decorations,
        innerDecorations,
        editor,
        extension: editor.extensionManager.extensions.find((extension) => extension.name === name) as Node,
        HTMLAttributes: getRenderedAttributes(
          node,
          editor.extensionManager.attributes.filter((attribute) => attribute.type === name),
        ),
      });
    return [new Plugin({ key: new PluginKey("notesImageView"), props: { nodeViews: { [name]: image } } })];
  },
});
