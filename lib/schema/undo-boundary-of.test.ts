import type { Command, EditorState, Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { backspaceNotesBlockCommand } from "./commands/backspace-notes-block-command";
import { setSpeakerCommand } from "./commands/set-speaker-command";
import { sinkNotesBlockCommand } from "./commands/sink-notes-block-command";
import { splitNotesBlockCommand } from "./commands/split-notes-block-command";
import { nb } from "./fixtures/notes-builder";
import { OWN_UNDO_STEP_META } from "./own-undo-step-meta";
import { SAME_UNDO_STEP_META } from "./same-undo-step-meta";
import { undoBoundaryOf } from "./undo-boundary-of";

const { doc, question, statement, note } = nb;

function transactionOf(command: Command, state: EditorState): Transaction {
  let out: Transaction | null = null;
  command(state, (tr) => {
    out = tr;
  });
  if (!out) throw new Error("command did not apply");
  return out;
}

describe("undoBoundaryOf", () => {
  it("typing and deleting inside a line merge into the current step", () => {
    const state = nb.state(doc(note("We ship|")));
    expect(undoBoundaryOf(state.tr.insertText(" daily"))).toBe("none");
    expect(undoBoundaryOf(state.tr.delete(3, 5))).toBe("none");
    expect(undoBoundaryOf(state.tr.setMeta("x", 1))).toBe("none");
  });

  it("Enter starts a new step: the new block and what is typed in it", () => {
    expect(
      undoBoundaryOf(
        transactionOf(splitNotesBlockCommand, nb.state(doc(question("Why?", null, statement("Because|", "al"))))),
      ),
    ).toBe("before");
    expect(undoBoundaryOf(transactionOf(splitNotesBlockCommand, nb.state(doc(note("We| ship")))))).toBe("before");
  });

  it("attribution, indent, leaving a thread and joining lines end the current step", () => {
    const answer = nb.state(doc(question("Why?", null, statement("Because", "al"), statement("@jo|", null))));
    const pick = answer.tr.delete(answer.selection.from - 3, answer.selection.from);
    setSpeakerCommand("jo")(answer.apply(pick), (tr) => {
      for (const step of tr.steps) pick.step(step);
    });
    expect(undoBoundaryOf(pick)).toBe("after");
    expect(undoBoundaryOf(transactionOf(sinkNotesBlockCommand, nb.state(doc(note("a"), note("b|")))))).toBe("after");
    expect(
      undoBoundaryOf(
        transactionOf(
          splitNotesBlockCommand,
          nb.state(doc(question("Why?", null, statement("x", "al"), statement("|", null)))),
        ),
      ),
    ).toBe("after");
    expect(undoBoundaryOf(transactionOf(backspaceNotesBlockCommand, nb.state(doc(note("a"), note("|b")))))).toBe(
      "after",
    );
  });

  it("a conversion marked as its own step is undone alone", () => {
    const state = nb.state(doc(note("x|")));
    expect(undoBoundaryOf(state.tr.insertText("y").setMeta(OWN_UNDO_STEP_META, true))).toBe("both");
  });

  it("an automatic consequence (a block's time stamp) inherits the boundaries of the change it follows", () => {
    const state = nb.state(doc(note("x|")));
    expect(
      undoBoundaryOf(state.tr.setNodeAttribute(0, "at", "2026-06-12T14:00:00.000Z").setMeta(SAME_UNDO_STEP_META, true)),
    ).toBe("inherit");
  });
});
