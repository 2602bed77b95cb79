import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import type { Command } from "@tiptap/pm/state";
import { backspaceNotesBlockCommand } from "./commands/backspace-notes-block-command";
import { deleteForwardNotesBlockCommand } from "./commands/delete-forward-notes-block-command";
import { liftNotesBlockCommand } from "./commands/lift-notes-block-command";
import { sinkNotesBlockCommand } from "./commands/sink-notes-block-command";
import { splitNotesBlockCommand } from "./commands/split-notes-block-command";
import { nb } from "./fixtures/notes-builder";

/**
 * A photo is a leaf block among the outline's blocks: the outline keys next
 * to it must never throw or merge text into it, and leave it in the document.
 */
const { doc, note } = nb;
const photo: JSONContent = {
  type: "image",
  attrs: { hash: "a".repeat(64), alt: "Chart", caption: "", width: 10, height: 10, upload: null, placeholder: null },
};

function run(command: Command, before: JSONContent) {
  const { applied, state } = nb.run(command, nb.state(before));
  return {
    applied,
    photos: state.doc.content.size > 0 ? countPhotos(state.doc.toJSON()) : 0,
    json: state.doc.toJSON(),
  };
}

function countPhotos(node: JSONContent): number {
  return (node.type === "image" ? 1 : 0) + (node.content ?? []).reduce((n, c) => n + countPhotos(c), 0);
}

describe("outline keys beside a photo", () => {
  const cases: Array<[string, Command, JSONContent]> = [
    ["Backspace at the start of the line after a photo", backspaceNotesBlockCommand, doc(note("a"), photo, note("|b"))],
    ["Delete at the end of the line before a photo", deleteForwardNotesBlockCommand, doc(note("a|"), photo, note("b"))],
    ["Tab on the line after a photo", sinkNotesBlockCommand, doc(photo, note("|b"))],
    ["Shift-Tab on a line nested under a note with a photo", liftNotesBlockCommand, doc(note("a", photo, note("|b")))],
    ["Enter on the line after a photo", splitNotesBlockCommand, doc(photo, note("b|"))],
  ];
  it.each(cases)("%s keeps the photo", (_name, command, before) => {
    const result = run(command, before);
    expect(result.photos).toBe(1);
    expect(() => nb.state(result.json)).not.toThrow();
  });
});
