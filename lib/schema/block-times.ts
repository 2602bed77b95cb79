import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { formatClockTime } from "../time/format-clock-time";
import { BLOCK_TIME_ATTRIBUTE } from "./block-time-attribute";
import { setBlockTimeCommand } from "./commands/set-block-time-command";
import { stampNewBlockTimes } from "./commands/stamp-new-block-times";
import { NOTES_BLOCK_NAMES } from "./notes-block-names";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    blockTimes: {
      /** Set (ISO 8601) or clear (null) when the block(s) around the selection were said. */
      setBlockTime: (at: string | null) => ReturnType;
    };
  }
}

export interface BlockTimesOptions {
  /**
   * The clock new blocks are stamped with (ms since the epoch), corrected to
   * the server's; null (headless, the server) stamps nothing.
   */
  now: (() => number) | null;
  /** Transactions that are not this editor's own typing (a co-editor's, via Yjs): never stamped here. */
  isRemote: (tr: Transaction) => boolean;
  /** The conference's time zone, for the margin label; null leaves the label out. */
  timeZone: string | null;
}

/**
 * When each block was first written (`at`, see BLOCK_TIME_ATTRIBUTE), on
 * every outline block. The editor stamps a block the moment its line first
 * gets text; later edits, moves and type changes keep the time; the
 * note-taker can set it by hand (`setBlockTime`). The margin shows it as
 * `hh:mm` through `data-at-label` and CSS, never as text in the document.
 * HTML: `data-at="<ISO>"`.
 */
export const BlockTimes = Extension.create<BlockTimesOptions>({
  name: "blockTimes",

  addOptions() {
    return { now: null, isRemote: () => false, timeZone: null };
  },

  addGlobalAttributes() {
    const timeZone = this.options.timeZone;
    return [
      {
        types: [...NOTES_BLOCK_NAMES],
        attributes: {
          [BLOCK_TIME_ATTRIBUTE]: {
            default: null,
            keepOnSplit: true,
            parseHTML: (element) => {
              const value = element.getAttribute("data-at");
              return value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
            },
            renderHTML: (attributes) => {
              const value: unknown = attributes[BLOCK_TIME_ATTRIBUTE];
              if (typeof value !== "string" || value === "") return {};
              return timeZone
                ? { "data-at": value, "data-at-label": formatClockTime(value, timeZone) }
                : { "data-at": value };
            },
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      setBlockTime:
        (at) =>
        ({ state, dispatch }) =>
          setBlockTimeCommand(at)(state, dispatch),
    };
  },

  addProseMirrorPlugins() {
    const { now, isRemote } = this.options;
    if (!now) return [];
    return [
      new Plugin({
        key: new PluginKey("blockTimes"),
        appendTransaction: (transactions, oldState, newState) => {
          const own = transactions.filter((tr) => tr.docChanged && !isRemote(tr));
          if (own.length === 0 || own.length !== transactions.filter((tr) => tr.docChanged).length) return null;
          return stampNewBlockTimes(own, oldState, newState, new Date(now()).toISOString());
        },
      }),
    ];
  },
});
