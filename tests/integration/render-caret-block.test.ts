import { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CARET_BLOCK_CLASS, RenderCaretBlock, renderCaretBlockKey } from "@/app/components/editor/render-caret-block";
import { createNotesExtensions } from "@/lib/schema/create-notes-extensions";
import { nb } from "@/lib/schema/fixtures/notes-builder";

const { doc, question, statement, note } = nb;

// Tiptap's core keymap reads `navigator` (absent in Node) to detect the platform.
beforeAll(() => vi.stubGlobal("navigator", { platform: "Linux x86_64", userAgent: "node", maxTouchPoints: 0 }));
afterAll(() => vi.unstubAllGlobals());

function editorWith(): Editor {
  const editor = new Editor({
    extensions: [...createNotesExtensions(), RenderCaretBlock],
    content: doc(
      note("first"),
      question("a question", null, statement("an answer", null), statement("another", null)),
      note("last"),
    ),
  });
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
  return editor;
}

/** The top-level index of the block carrying the class, and how many decorations there are. */
function marked(editor: Editor): { index: number; count: number } {
  const found = renderCaretBlockKey.getState(editor.state)!.find();
  let index = -1;
  editor.state.doc.forEach((child, offset, i) => {
    if (found.some((d) => d.from === offset && d.to === offset + child.nodeSize)) index = i;
  });
  const classes = found.map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class);
  expect(classes.every((c) => c === CARET_BLOCK_CLASS)).toBe(true);
  return { index, count: found.length };
}

const caretIn = (editor: Editor, topLevel: number, offset = 2) => {
  let pos = 0;
  for (let i = 0; i < topLevel; i++) pos += editor.state.doc.child(i).nodeSize;
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + offset)));
};

describe("the caret's block is always rendered", () => {
  it("marks exactly the top-level block around the caret, nested answers included", () => {
    const editor = editorWith();
    caretIn(editor, 0);
    expect(marked(editor)).toEqual({ index: 0, count: 1 });
    // Inside the second answer of the question: the whole thread is the top-level block.
    const answer = editor.state.doc.child(1).child(2);
    let at =
      editor.state.doc.child(0).nodeSize +
      1 +
      editor.state.doc.child(1).child(0).nodeSize +
      editor.state.doc.child(1).child(1).nodeSize;
    at += 2 + Math.floor(answer.textContent.length / 2);
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at)));
    expect(marked(editor)).toEqual({ index: 1, count: 1 });
    caretIn(editor, 2);
    expect(marked(editor)).toEqual({ index: 2, count: 1 });
  });

  it("moves to the block Enter creates, in the same transaction", () => {
    const editor = editorWith();
    editor.commands.setTextSelection(editor.state.doc.content.size - 2); // the end of "last"
    expect(marked(editor).index).toBe(2);
    editor.commands.splitNotesBlock();
    expect(editor.state.doc.childCount).toBe(4);
    expect(marked(editor)).toEqual({ index: 3, count: 1 });
    editor.view.dispatch(editor.state.tr.insertText("typed"));
    expect(marked(editor)).toEqual({ index: 3, count: 1 });
  });
});
