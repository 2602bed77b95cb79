import { mergeAttributes, Node } from "@tiptap/core";
import { blockTypeInputRule } from "./block-type-input-rule";
import { insertNextTalkCommand } from "./commands/insert-next-talk-command";
import { NOTES_BLOCK_GROUP, NOTES_CONTAINER_CONTENT } from "./notes-block-names";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    talk: {
      /** Start the next talk of the series after the talk around the cursor. */
      insertNextTalk: () => ReturnType;
    };
  }
}

/** `## ` typed at the start of a block makes it a talk (its text is the title). */
export const TALK_INPUT_REGEX = /^##\s$/;

/**
 * One talk of an Ignite / lightning series: the paragraph is its title,
 * nested blocks are its notes. `speakers` is a list of person ids.
 * HTML: `<div data-type="talk" data-speakers="a,b"><p>…</p>…</div>`; ids
 * therefore must not contain commas (they are slugs).
 */
export const Talk = Node.create({
  name: "talk",
  group: NOTES_BLOCK_GROUP,
  content: NOTES_CONTAINER_CONTENT,
  defining: true,

  addAttributes() {
    return {
      speakers: {
        default: [],
        keepOnSplit: false,
        parseHTML: (element) =>
          (element.getAttribute("data-speakers") ?? "")
            .split(",")
            .map((id) => id.trim())
            .filter((id) => id !== ""),
        renderHTML: (attributes) => {
          const speakers: unknown = attributes.speakers;
          return Array.isArray(speakers) && speakers.length > 0 ? { "data-speakers": speakers.join(",") } : {};
        },
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="talk"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-type": "talk" }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      insertNextTalk:
        () =>
        ({ state, dispatch }) =>
          insertNextTalkCommand(state, dispatch),
    };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-Alt-i": () => this.editor.commands.insertNextTalk(),
      "Mod-Shift-Enter": () => this.editor.commands.insertNextTalk(),
    };
  },

  addInputRules() {
    return [blockTypeInputRule(TALK_INPUT_REGEX, "talk")];
  },
});
