import { Editor, type JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createNotesExtensions } from "./create-notes-extensions";
import { nb } from "./fixtures/notes-builder";

const { doc, question, statement, note, tip, talk, aside, text } = nb;

// Tiptap runs headless without a DOM (element: null) except that its core
// keymap reads `navigator` (absent in Node 20) to detect iOS/macOS.
beforeAll(() => {
  vi.stubGlobal("navigator", { platform: "Linux x86_64", userAgent: "node", maxTouchPoints: 0 });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

function editorWith(json: JSONContent, options?: { history?: boolean }): Editor {
  const state = nb.state(json);
  const editor = new Editor({ extensions: createNotesExtensions(options), content: state.doc.toJSON() });
  // Mounting would install the plugins into the state; do it by hand so that
  // plugin state (undo history) behaves as in the browser.
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
  editor.commands.setTextSelection({ from: state.selection.anchor, to: state.selection.head });
  return editor;
}

/** Types `chars` one at a time the way the view would: input rules first, else plain insertion. */
function type(editor: Editor, chars: string): void {
  for (const char of chars) {
    const { from, to } = editor.state.selection;
    const handled = editor.extensionManager.plugins.some((plugin) =>
      plugin.props.handleTextInput?.call(plugin, editor.view, from, to, char, () =>
        editor.state.tr.insertText(char, from, to),
      ),
    );
    if (!handled) editor.view.dispatch(editor.state.tr.insertText(char, from, to));
  }
}

const KEY_CODES: Record<string, number> = { Enter: 13, Tab: 9, Backspace: 8, Delete: 46, "9": 57 };

/** Presses a key combination such as "Mod-Alt-q" (Mod is Ctrl: the stubbed platform is Linux). */
function press(editor: Editor, combo: string): boolean {
  const parts = combo.split("-");
  const key = parts.pop()!;
  const event = {
    key,
    keyCode: KEY_CODES[key] ?? key.toUpperCase().charCodeAt(0),
    ctrlKey: parts.includes("Mod") || parts.includes("Ctrl"),
    altKey: parts.includes("Alt"),
    shiftKey: parts.includes("Shift"),
    metaKey: false,
    preventDefault: () => undefined,
  } as unknown as KeyboardEvent;
  return editor.extensionManager.plugins.some((plugin) => plugin.props.handleKeyDown?.call(plugin, editor.view, event));
}

const shown = (editor: Editor) => nb.show(editor.state);

describe("createNotesExtensions in a headless Editor", () => {
  it("includes undo/redo unless history is false (Collaboration brings its own)", () => {
    const names = (options?: { history?: boolean }) =>
      createNotesExtensions(options).map((extension) => extension.name);
    expect(names()).toContain("undoRedo");
    expect(names({ history: false })).not.toContain("undoRedo");
  });

  it("fills an empty document with one note (the first block type in the list)", () => {
    const editor = editorWith(doc(note("x")));
    expect(nb.json(editor.schema.topNodeType.createAndFill()!)).toEqual(doc(note("")));
  });

  it("exposes the outline commands on editor.commands and in chains", () => {
    const editor = editorWith(doc(note("a"), note("Why|?")));
    expect(editor.commands.setAskedBy("al")).toBe(true);
    expect(editor.chain().sinkNotesBlock().setBlockType("tip").run()).toBe(true);
    expect(shown(editor)).toEqual(doc(note("a", tip("Why|?"))));
    editor.commands.setSpeaker("jo");
    editor.commands.liftNotesBlock();
    editor.commands.insertNextTalk();
    expect(shown(editor)).toEqual(doc(note("a"), statement("Why?", "jo"), talk("|", [])));
    expect(editor.can().sinkNotesBlock()).toBe(true);
    expect(editor.can().liftNotesBlock()).toBe(false);
  });
});

describe("keyboard shortcuts", () => {
  it("Enter continues a question thread with answers, Tab and Shift-Tab indent", () => {
    const editor = editorWith(doc(question("Why now?|", "jo")));
    press(editor, "Enter");
    type(editor, "Because");
    press(editor, "Enter");
    type(editor, "Also");
    expect(shown(editor)).toEqual(
      doc(question("Why now?", "jo", statement("Because", null), statement("Also|", null))),
    );
    expect(press(editor, "Tab")).toBe(true);
    expect(shown(editor)).toEqual(
      doc(question("Why now?", "jo", statement("Because", null, statement("Also|", null)))),
    );
    press(editor, "Shift-Tab");
    press(editor, "Shift-Tab");
    expect(shown(editor)).toEqual(
      doc(question("Why now?", "jo", statement("Because", null)), statement("Also|", null)),
    );
  });

  it("Tab is consumed even when the block cannot be indented (focus stays in the notes)", () => {
    const editor = editorWith(doc(note("first|")));
    expect(press(editor, "Tab")).toBe(true);
    expect(shown(editor)).toEqual(doc(note("first|")));
  });

  it("Backspace clears attribution, then makes a note, then joins", () => {
    const editor = editorWith(doc(note("a"), statement("|b", "jo")));
    press(editor, "Backspace");
    expect(shown(editor)).toEqual(doc(note("a"), statement("|b", null)));
    press(editor, "Backspace");
    expect(shown(editor)).toEqual(doc(note("a"), note("|b")));
    press(editor, "Backspace");
    expect(shown(editor)).toEqual(doc(note("a|b")));
    // In the middle of text the browser's own Backspace applies.
    expect(press(editor, "Backspace")).toBe(false);
  });

  it("Delete at the end of a block joins the next line", () => {
    const editor = editorWith(doc(note("a|"), note("b", note("c"))));
    expect(press(editor, "Delete")).toBe(true);
    expect(shown(editor)).toEqual(doc(note("a|b"), note("c")));
  });

  it("Mod-Alt-q / a / t / n change the block type", () => {
    const editor = editorWith(doc(note("x|")));
    press(editor, "Mod-Alt-q");
    expect(shown(editor)).toEqual(doc(question("x|")));
    press(editor, "Mod-Alt-a");
    expect(shown(editor)).toEqual(doc(aside("x|")));
    press(editor, "Mod-Alt-t");
    expect(shown(editor)).toEqual(doc(tip("x|")));
    press(editor, "Mod-Alt-n");
    expect(shown(editor)).toEqual(doc(note("x|")));
  });

  it("Mod-Alt-i and Mod-Shift-Enter start the next talk", () => {
    const editor = editorWith(doc(talk("One", ["a"], note("n|"))));
    press(editor, "Mod-Alt-i");
    type(editor, "Two");
    press(editor, "Mod-Shift-Enter");
    expect(shown(editor)).toEqual(doc(talk("One", ["a"], note("n")), talk("Two", []), talk("|", [])));
  });

  it("Mod-Shift-9 toggles the aside mark on the selection", () => {
    const editor = editorWith(doc(statement("We ship |weekly|", "jo")));
    press(editor, "Mod-Shift-9");
    editor.commands.setTextSelection(editor.state.doc.content.size - 2);
    expect(shown(editor)).toEqual(doc(statement([text("We ship "), text("weekly", "aside"), text("|")], "jo")));
  });

  it("undo (Mod-z) reverts an indent when history is on", () => {
    const editor = editorWith(doc(note("a"), note("b|")));
    press(editor, "Tab");
    press(editor, "Mod-z");
    expect(shown(editor)).toEqual(doc(note("a"), note("b|")));
  });
});

describe("input rules", () => {
  it.each([
    ["Q: ", question("Why?|")],
    ["? ", question("Why?|")],
    ["! ", tip("Why?|")],
    ["( ", aside("Why?|")],
    ["## ", talk("Why?|", [])],
  ])("%j at the start of a block changes its type and disappears", (marker, expected) => {
    const editor = editorWith(doc(note("|")));
    type(editor, `${marker}Why?`);
    expect(shown(editor)).toEqual(doc(expected));
  });

  it("keeps the person when typed in an attributed statement", () => {
    const editor = editorWith(doc(statement("|", "jo")));
    type(editor, "Q: ");
    expect(shown(editor)).toEqual(doc(question("|", "jo")));
  });

  it("does not fire in the middle of text", () => {
    const editor = editorWith(doc(note("So|")));
    type(editor, "? ");
    expect(shown(editor)).toEqual(doc(note("So? |")));
  });

  it("(( starts and )) ends an inline aside; the brackets are not stored", () => {
    const editor = editorWith(doc(statement("We ship daily |", "jo")));
    type(editor, "((on weekdays)) really");
    expect(shown(editor)).toEqual(
      doc(statement([text("We ship daily "), text("on weekdays", "aside"), text(" really|")], "jo")),
    );
  });

  it("(note at the start of a block makes an aside and keeps the first letter; its closing ) is not doubled", () => {
    const editor = editorWith(doc(note("|")));
    type(editor, "(note to self)");
    expect(shown(editor)).toEqual(doc(aside("note to self|")));
  });

  it("(x after a picked speaker stays the speaker's text; ( and a space still makes an aside", () => {
    const quoted = editorWith(doc(statement("|", "jo")));
    type(quoted, "(laughs");
    expect(shown(quoted)).toEqual(doc(statement("(laughs|", "jo")));
    const explicit = editorWith(doc(statement("|", "jo")));
    type(explicit, "( mine");
    expect(shown(explicit)).toEqual(doc(aside("mine|")));
  });

  it("a trailing (…) closed at the end of a statement becomes the note-taker's inline aside", async () => {
    const editor = editorWith(doc(question("Why?", null, statement("|", "jo"))));
    type(editor, "we ship daily (great point)");
    expect(shown(editor)).toEqual(doc(question("Why?", null, statement("we ship daily (great point)|", "jo"))));
    await Promise.resolve(); // the conversion follows the typed `)` as its own transaction (its own undo step)
    expect(shown(editor)).toEqual(
      doc(question("Why?", null, statement([text("we ship daily "), text("great point", "aside"), text("|")], "jo"))),
    );
    type(editor, " more");
    expect(shown(editor)).toEqual(
      doc(
        question("Why?", null, statement([text("we ship daily "), text("great point", "aside"), text(" more|")], "jo")),
      ),
    );
  });

  it("a trailing (…) in the middle of a statement or in a note stays text", async () => {
    const middle = editorWith(doc(statement("we ship| daily", "jo")));
    type(middle, " (x)");
    await Promise.resolve();
    expect(shown(middle)).toEqual(doc(statement("we ship (x)| daily", "jo")));
    const plain = editorWith(doc(note("lunch |")));
    type(plain, "(12:30)");
    await Promise.resolve();
    expect(shown(plain)).toEqual(doc(note("lunch (12:30)|")));
  });

  it(")) outside an aside is plain text", () => {
    const editor = editorWith(doc(note("smile :|")));
    type(editor, "))");
    expect(shown(editor)).toEqual(doc(note("smile :))|")));
  });
});
