import { Editor, type JSONContent } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createNotesExtensions } from "./create-notes-extensions";
import { nb } from "./fixtures/notes-builder";
import { notesToInterchange } from "./notes-to-interchange";
import { interchangeToNotes } from "./interchange-to-notes";
import { undoBoundaryOf } from "./undo-boundary-of";

const { doc, question, statement, note } = nb;

beforeAll(() => {
  vi.stubGlobal("navigator", { platform: "Linux x86_64", userAgent: "node", maxTouchPoints: 0 });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const REMOTE = "remote-change";
let clock = Date.parse("2026-06-12T14:00:00Z");

function editorWith(json: JSONContent): Editor {
  const state = nb.state(json);
  const editor = new Editor({
    extensions: createNotesExtensions({
      blockTimes: {
        now: () => clock,
        isRemote: (tr: Transaction) => tr.getMeta(REMOTE) === true,
        timeZone: "Europe/Berlin",
      },
    }),
    content: state.doc.toJSON(),
  });
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
  editor.commands.setTextSelection({ from: state.selection.anchor, to: state.selection.head });
  return editor;
}

function type(editor: Editor, chars: string): void {
  for (const char of chars) {
    const { from, to } = editor.state.selection;
    editor.view.dispatch(editor.state.tr.insertText(char, from, to));
    clock += 1000;
  }
}

function times(editor: Editor): Array<[string, string | null]> {
  const out: Array<[string, string | null]> = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name !== "paragraph" && node.type.name !== "doc" && node.isBlock && node.firstChild) {
      out.push([node.firstChild.textContent, (node.attrs.at as string | null) ?? null]);
    }
    return true;
  });
  return out;
}

describe("block times", () => {
  it("a block gets its time when its first character is typed, and keeps it", () => {
    clock = Date.parse("2026-06-12T14:00:00Z");
    const editor = editorWith(doc(note("|")));
    type(editor, "Hi");
    expect(times(editor)).toEqual([["Hi", "2026-06-12T14:00:00.000Z"]]);
    editor.commands.splitNotesBlock();
    clock = Date.parse("2026-06-12T14:05:00Z");
    expect(times(editor)[1]).toEqual(["", null]); // an empty new line has no time yet
    type(editor, "Next");
    expect(times(editor)).toEqual([
      ["Hi", "2026-06-12T14:00:00.000Z"],
      ["Next", "2026-06-12T14:05:00.000Z"],
    ]);
    // Editing later, changing the type and indenting never move the time.
    clock = Date.parse("2026-06-12T15:00:00Z");
    type(editor, " more");
    editor.commands.setBlockType("question");
    editor.commands.setSpeaker("jo");
    editor.commands.sinkNotesBlock();
    expect(times(editor)[1]).toEqual(["Next more", "2026-06-12T14:05:00.000Z"]);
  });

  it("a block that had text but no time (imported) is not stamped by an edit", () => {
    const editor = editorWith(doc(note("old|")));
    type(editor, "er");
    expect(times(editor)).toEqual([["older", null]]);
  });

  it("a co-editor's blocks are never stamped by this editor", () => {
    const editor = editorWith(doc(note("a|")));
    const tr = editor.state.tr.insert(editor.state.doc.content.size, editor.schema.nodeFromJSON(note("theirs")));
    editor.view.dispatch(tr.setMeta(REMOTE, true));
    expect(times(editor)).toEqual([
      ["a", null],
      ["theirs", null],
    ]);
  });

  it("pasted blocks are new: each gets the time", () => {
    clock = Date.parse("2026-06-12T14:10:00Z");
    const editor = editorWith(doc(note("a|")));
    const pasted = [note("one"), question("two?", null, statement("three", "jo"))].map((j) =>
      editor.schema.nodeFromJSON(j),
    );
    editor.view.dispatch(editor.state.tr.insert(editor.state.doc.content.size, pasted));
    expect(
      times(editor)
        .slice(1)
        .map(([, at]) => at),
    ).toEqual(Array(3).fill("2026-06-12T14:10:00.000Z"));
  });

  it("Enter in the middle keeps the time on both halves (both were said then)", () => {
    clock = Date.parse("2026-06-12T14:00:00Z");
    const editor = editorWith(doc(note("|")));
    type(editor, "ab");
    editor.commands.setTextSelection(3);
    clock += 60_000;
    editor.commands.splitNotesBlock();
    expect(times(editor)).toEqual([
      ["a", "2026-06-12T14:00:00.000Z"],
      ["b", "2026-06-12T14:00:00.000Z"],
    ]);
  });

  it("the stamp is part of the keystroke's undo step: it neither starts nor ends one", () => {
    const editor = editorWith(doc(note("Q|")));
    editor.commands.splitNotesBlock();
    const boundaries: string[][] = [];
    editor.on("transaction", ({ transaction, appendedTransactions }) => {
      boundaries.push([transaction, ...appendedTransactions].map(undoBoundaryOf));
    });
    // The first character of a new line (the `@` of an attribution) is stamped; the keystroke after it
    // must stay in the same step, or Ctrl-Z would leave a stray `@` behind.
    type(editor, "@k");
    expect(times(editor)[1]?.[1]).not.toBeNull();
    expect(boundaries).toEqual([["none", "inherit"], ["none"]]);
  });

  it("the note-taker sets or clears a time by hand; nonsense is refused", () => {
    const editor = editorWith(doc(note("x|")));
    expect(editor.commands.setBlockTime("2026-06-12T16:04:00+02:00")).toBe(true);
    expect(times(editor)).toEqual([["x", "2026-06-12T14:04:00.000Z"]]);
    expect(editor.commands.setBlockTime("noon")).toBe(false);
    expect(editor.commands.setBlockTime(null)).toBe(true);
    expect(times(editor)).toEqual([["x", null]]);
  });

  it("the margin label is hh:mm in the conference's zone, in an attribute, never in the text", () => {
    const editor = editorWith(doc(note("x|")));
    editor.commands.setBlockTime("2026-06-12T12:04:00Z");
    const block = editor.state.doc.firstChild!;
    expect(block.type.spec.toDOM!(block)).toEqual([
      "div",
      { "data-type": "note", "data-at": "2026-06-12T12:04:00.000Z", "data-at-label": "14:04" },
      0,
    ]);
    expect(editor.state.doc.textContent).toBe("x");
  });

  it("headless (no clock) stamps nothing, and times go to talknotes/1 and back", () => {
    const json = interchangeToNotes({
      blocks: [
        {
          type: "question",
          text: "Why?",
          askedBy: null,
          at: "2026-06-12T14:01:00.000Z",
          answers: [
            {
              type: "statement",
              speaker: null,
              text: "Because",
              asides: [],
              children: [],
              at: "2026-06-12T14:02:00+02:00",
            },
          ],
        },
        { type: "note", text: "untimed", children: [] },
        { type: "aside", text: "mine", at: "2026-06-12T14:03:00.000Z" },
      ],
    });
    const meta = {
      conference: { name: "C", location: null, startsOn: null },
      session: { title: "S", kind: "talk" as const, intro: "" },
      people: [],
    };
    const back = notesToInterchange(json, meta).blocks;
    expect(back[0]).toMatchObject({ at: "2026-06-12T14:01:00.000Z", answers: [{ at: "2026-06-12T14:02:00+02:00" }] });
    expect(back[1]).not.toHaveProperty("at");
    expect(back[2]).toEqual({ type: "aside", text: "mine", at: "2026-06-12T14:03:00.000Z" });
  });
});
