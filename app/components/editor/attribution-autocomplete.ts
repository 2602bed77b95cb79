import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { findNotesBlock } from "@/lib/schema/commands/find-notes-block";
import { detectAttributionTrigger } from "@/lib/schema/detect-attribution-trigger";

/** An `@name` being typed at the start of a block. */
export interface AttributionQuery {
  query: string;
  /** Document range of the typed `@name` (removed when a person is picked). */
  from: number;
  to: number;
  /** The block it attributes: statement/note -> speaker, question -> asker, talk -> a speaker. */
  blockType: string;
}

/** How the editor talks to the React menu that shows the suggestions. */
export interface AutocompleteBridge {
  update(query: AttributionQuery | null, view: EditorView): void;
  /** A key pressed while a query is open; true when the menu used it. */
  keyDown(key: string): boolean;
}

export const attributionAutocompleteKey = new PluginKey("attributionAutocomplete");

/**
 * Watches the text before the cursor for `@name` at the start of a block and
 * hands the query to the menu. Runs ahead of the outline keys (priority 300),
 * so Enter and Tab pick a suggestion instead of splitting or indenting.
 */
export const AttributionAutocomplete = Extension.create<{ bridge: AutocompleteBridge | null }>({
  name: "attributionAutocomplete",
  priority: 300,

  addOptions() {
    return { bridge: null };
  },

  addProseMirrorPlugins() {
    const bridge = this.options.bridge;
    if (!bridge) return [];
    let open = false;
    return [
      new Plugin({
        key: attributionAutocompleteKey,
        view: () => ({
          update: (view) => {
            const query = currentQuery(view);
            open = query !== null;
            bridge.update(query, view);
          },
          destroy: () => {
            open = false;
          },
        }),
        props: {
          handleKeyDown: (_view, event) => {
            if (!open || event.isComposing) return false;
            if (!["ArrowDown", "ArrowUp", "Enter", "Tab", "Escape"].includes(event.key)) return false;
            if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false;
            const used = bridge.keyDown(event.key);
            if (used) event.preventDefault();
            return used;
          },
        },
      }),
    ];
  },
});

function currentQuery(view: EditorView): AttributionQuery | null {
  const { selection } = view.state;
  if (!selection.empty || !view.hasFocus()) return null;
  const $from = selection.$from;
  if ($from.parent.type.name !== "paragraph") return null;
  const block = findNotesBlock($from);
  if (!block || block.node.firstChild !== $from.parent) return null;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
  const trigger = detectAttributionTrigger(before);
  if (!trigger) return null;
  return { query: trigger.query, from: $from.start(), to: $from.pos, blockType: block.node.type.name };
}
