import { describe, expect, it } from "vitest";
import { backspaceNotesBlockCommand } from "./commands/backspace-notes-block-command";
import { convertTrailingAsideCommand } from "./commands/convert-trailing-aside-command";
import { OWN_UNDO_STEP_META } from "./own-undo-step-meta";
import { deleteForwardNotesBlockCommand } from "./commands/delete-forward-notes-block-command";
import { insertNextTalkCommand } from "./commands/insert-next-talk-command";
import { liftNotesBlockCommand } from "./commands/lift-notes-block-command";
import { setAskedByCommand } from "./commands/set-asked-by-command";
import { setNotesBlockTypeCommand } from "./commands/set-notes-block-type-command";
import { setSpeakerCommand } from "./commands/set-speaker-command";
import { sinkNotesBlockCommand } from "./commands/sink-notes-block-command";
import { splitNotesBlockCommand } from "./commands/split-notes-block-command";
import { toggleStarredCommand } from "./commands/toggle-starred-command";
import { nb } from "./fixtures/notes-builder";
import type { JSONContent } from "@tiptap/core";
import type { Command } from "@tiptap/pm/state";

const { doc, question, statement, note, tip, talk, aside, text } = nb;

function apply(command: Command, before: JSONContent): { applied: boolean; after: JSONContent } {
  const { applied, state } = nb.run(command, nb.state(before));
  return { applied, after: nb.show(state) };
}

describe("sinkNotesBlockCommand (Tab)", () => {
  it("makes the block the last child of its previous sibling", () => {
    const { applied, after } = apply(sinkNotesBlockCommand, doc(note("a", note("a1")), note("b|", note("b1"))));
    expect(applied).toBe(true);
    expect(after).toEqual(doc(note("a", note("a1"), note("b|", note("b1")))));
  });

  it("sinks an answer under the previous answer inside a question", () => {
    const { after } = apply(
      sinkNotesBlockCommand,
      doc(question("Q?", null, statement("one", "jo"), statement("t|wo", "al"))),
    );
    expect(after).toEqual(doc(question("Q?", null, statement("one", "jo", statement("t|wo", "al")))));
  });

  it("sinks every selected sibling together", () => {
    const { after } = apply(sinkNotesBlockCommand, doc(note("a"), note("b|"), note("c|"), note("d")));
    expect(after).toEqual(doc(note("a", note("b|"), note("c|")), note("d")));
  });

  it("refuses without a previous sibling", () => {
    expect(apply(sinkNotesBlockCommand, doc(note("a|"), note("b"))).applied).toBe(false);
    expect(apply(sinkNotesBlockCommand, doc(note("a", note("fi|rst child")))).applied).toBe(false);
  });

  it("refuses when the previous sibling is an aside block (which holds no children)", () => {
    expect(apply(sinkNotesBlockCommand, doc(aside("mine"), note("b|"))).applied).toBe(false);
  });
});

describe("liftNotesBlockCommand (Shift-Tab)", () => {
  it("moves the last child out to follow its parent", () => {
    const { applied, after } = apply(liftNotesBlockCommand, doc(note("a", note("a1"), note("a2|")), note("b")));
    expect(applied).toBe(true);
    expect(after).toEqual(doc(note("a", note("a1")), note("a2|"), note("b")));
  });

  it("takes the following siblings along as its children (outliner order)", () => {
    const { after } = apply(liftNotesBlockCommand, doc(note("a", note("a1|", note("x")), note("a2"), note("a3"))));
    expect(after).toEqual(doc(note("a"), note("a1|", note("x"), note("a2"), note("a3"))));
  });

  it("lifts following siblings as siblings when the lifted block is an aside", () => {
    const { after } = apply(liftNotesBlockCommand, doc(note("a", aside("mi|ne"), note("a2"))));
    expect(after).toEqual(doc(note("a"), aside("mi|ne"), note("a2")));
  });

  it("refuses at the top level", () => {
    expect(apply(liftNotesBlockCommand, doc(note("a|"))).applied).toBe(false);
  });

  it("is undone by sink when there were no following siblings", () => {
    const start = doc(note("a", note("b|")));
    const lifted = nb.run(liftNotesBlockCommand, nb.state(start)).state;
    expect(nb.show(nb.run(sinkNotesBlockCommand, lifted).state)).toEqual(start);
  });
});

describe("splitNotesBlockCommand (Enter)", () => {
  it("at the end of a question starts its first answer: an unattributed statement child", () => {
    const { after } = apply(splitNotesBlockCommand, doc(question("Why now?|", "jo")));
    expect(after).toEqual(doc(question("Why now?", "jo", statement("|", null))));
  });

  it("at the end of a question that has answers inserts the new answer first", () => {
    const { after } = apply(splitNotesBlockCommand, doc(question("Why?|", null, statement("Because", "al"))));
    expect(after).toEqual(doc(question("Why?", null, statement("|", null), statement("Because", "al"))));
  });

  it("after an answer inside a question gives the next answer", () => {
    const { after } = apply(splitNotesBlockCommand, doc(question("Why?", null, statement("Because|", "al"))));
    expect(after).toEqual(doc(question("Why?", null, statement("Because", "al"), statement("|", null))));
  });

  it("after a note inside a question gives an answer (statement), not a note", () => {
    const { after } = apply(splitNotesBlockCommand, doc(question("Why?", null, note("context|"))));
    expect(after).toEqual(doc(question("Why?", null, note("context"), statement("|", null))));
  });

  it("after a top-level statement gives a plain note: continuing the speaker is explicit", () => {
    const { after } = apply(splitNotesBlockCommand, doc(statement("We ship daily|", "jo")));
    expect(after).toEqual(doc(statement("We ship daily", "jo"), note("|")));
  });

  it("inside a quote's continuation (children of a statement) gives the next unattributed line", () => {
    const { after } = apply(
      splitNotesBlockCommand,
      doc(statement("We ship daily", "jo", statement("and test|", null))),
    );
    expect(after).toEqual(doc(statement("We ship daily", "jo", statement("and test", null), statement("|", null))));
  });

  it("after a note or a tip gives a note", () => {
    expect(apply(splitNotesBlockCommand, doc(note("a|"))).after).toEqual(doc(note("a"), note("|")));
    expect(apply(splitNotesBlockCommand, doc(tip("t|"))).after).toEqual(doc(tip("t"), note("|")));
  });

  it("at the end of a talk title starts the talk's first note", () => {
    const { after } = apply(splitNotesBlockCommand, doc(talk("Scaling|", ["jo"])));
    expect(after).toEqual(doc(talk("Scaling", ["jo"], note("|"))));
  });

  it("at the end of a block with children inserts a first child", () => {
    const { after } = apply(splitNotesBlockCommand, doc(note("a|", note("a1"))));
    expect(after).toEqual(doc(note("a", note("|"), note("a1"))));
  });

  it("in the middle splits into two blocks of the same type and speaker, children going with the second", () => {
    const { after } = apply(splitNotesBlockCommand, doc(statement("We ship| daily", "jo", note("sub"))));
    expect(after).toEqual(doc(statement("We ship", "jo"), statement("| daily", "jo", note("sub"))));
  });

  it("at the start of text inserts an empty block before and keeps the cursor in the text", () => {
    const { after } = apply(splitNotesBlockCommand, doc(note("a"), note("|b")));
    expect(after).toEqual(doc(note("a"), note(""), note("|b")));
  });

  it("deletes a selection first", () => {
    const { after } = apply(splitNotesBlockCommand, doc(note("ab|cd|ef")));
    expect(after).toEqual(doc(note("ab"), note("|ef")));
  });

  it("Enter on an empty answer leaves the thread to a plain note (not a quote nobody said)", () => {
    const { after } = apply(
      splitNotesBlockCommand,
      doc(question("Why?", null, statement("Because", "al"), statement("|", null))),
    );
    expect(after).toEqual(doc(question("Why?", null, statement("Because", "al")), note("|")));
  });

  it("Enter, Enter after the last answer: the next answer, then out of the thread to a note", () => {
    const state = nb.state(doc(question("Why?", null, statement("Because|", "al"))));
    const answer = nb.run(splitNotesBlockCommand, state).state;
    expect(nb.show(answer)).toEqual(doc(question("Why?", null, statement("Because", "al"), statement("|", null))));
    const out = nb.run(splitNotesBlockCommand, answer).state;
    expect(nb.show(out)).toEqual(doc(question("Why?", null, statement("Because", "al")), note("|")));
    expect(nb.show(nb.run(splitNotesBlockCommand, out).state)).toEqual(
      doc(question("Why?", null, statement("Because", "al")), note(""), note("|")),
    );
  });

  it("an empty line of a nested thread steps out one level and stays an answer of the outer thread", () => {
    const { after } = apply(
      splitNotesBlockCommand,
      doc(question("Why?", null, statement("Because", "al", statement("|", null)))),
    );
    expect(after).toEqual(doc(question("Why?", null, statement("Because", "al"), statement("|", null))));
  });

  it("turns an empty unattributed top-level statement into a note", () => {
    const { after } = apply(splitNotesBlockCommand, doc(note("x"), statement("|", null)));
    expect(after).toEqual(doc(note("x"), note("|")));
  });

  it("does not lift or retype an empty block that is attributed", () => {
    const attributed = apply(splitNotesBlockCommand, doc(question("Why?", null, statement("|", "al"))));
    expect(attributed.after).toEqual(doc(question("Why?", null, statement("", "al"), statement("|", null))));
    const topLevel = apply(splitNotesBlockCommand, doc(statement("|", "al")));
    expect(topLevel.after).toEqual(doc(statement("", "al"), note("|")));
  });
});

describe("backspaceNotesBlockCommand (Backspace at the start of a block)", () => {
  it("first clears a statement's speaker", () => {
    expect(apply(backspaceNotesBlockCommand, doc(note("a"), statement("|said", "jo"))).after).toEqual(
      doc(note("a"), statement("|said", null)),
    );
  });

  it("clears a question's asker and a talk's speakers", () => {
    expect(apply(backspaceNotesBlockCommand, doc(question("|Why?", "jo"))).after).toEqual(doc(question("|Why?", null)));
    expect(apply(backspaceNotesBlockCommand, doc(talk("|Title", ["a", "b"]))).after).toEqual(doc(talk("|Title", [])));
  });

  it("then turns an unattributed block into a note, keeping its children", () => {
    expect(apply(backspaceNotesBlockCommand, doc(statement("|said", null, note("x")))).after).toEqual(
      doc(note("|said", note("x"))),
    );
    expect(apply(backspaceNotesBlockCommand, doc(aside("|mine"))).after).toEqual(doc(note("|mine")));
  });

  it("then joins a note onto the last text before it; its children take its place", () => {
    const { after } = apply(backspaceNotesBlockCommand, doc(note("a", note("a1")), note("|b", note("b1"))));
    expect(after).toEqual(doc(note("a", note("a1|b")), note("b1")));
  });

  it("joins a first child onto its parent's text", () => {
    const { after } = apply(
      backspaceNotesBlockCommand,
      doc(question("Why?", null, note("|more", note("m1")), statement("x", "jo"))),
    );
    expect(after).toEqual(doc(question("Why?|more", null, note("m1"), statement("x", "jo"))));
  });

  it("does nothing special in the middle of text or for the first block", () => {
    expect(apply(backspaceNotesBlockCommand, doc(note("a|b"))).applied).toBe(false);
    expect(apply(backspaceNotesBlockCommand, doc(note("|a"), note("b"))).applied).toBe(false);
  });
});

describe("setNotesBlockTypeCommand", () => {
  it("changes the type keeping text and children", () => {
    expect(apply(setNotesBlockTypeCommand("tip"), doc(note("a|", note("x")))).after).toEqual(doc(tip("a|", note("x"))));
  });

  it("carries the person over: statement speaker becomes question asker and talk speaker", () => {
    expect(apply(setNotesBlockTypeCommand("question"), doc(statement("Why|?", "jo"))).after).toEqual(
      doc(question("Why|?", "jo")),
    );
    expect(apply(setNotesBlockTypeCommand("talk"), doc(question("T|", "jo"))).after).toEqual(doc(talk("T|", ["jo"])));
  });

  it("lets explicit attrs win", () => {
    expect(apply(setNotesBlockTypeCommand("question", { askedBy: "al" }), doc(statement("x|", "jo"))).after).toEqual(
      doc(question("x|", "al")),
    );
  });

  it("to an aside keeps only the text and lifts children after it", () => {
    const { after } = apply(
      setNotesBlockTypeCommand("asideBlock"),
      doc(note("mi|ne", note("c1"), note("c2")), note("z")),
    );
    expect(after).toEqual(doc(aside("mi|ne"), note("c1"), note("c2"), note("z")));
  });

  it("changes every block whose text the selection touches", () => {
    const { after } = apply(setNotesBlockTypeCommand("tip"), doc(note("a|a", note("b")), note("c|c"), note("d")));
    expect(after).toEqual(doc(tip("a|a", tip("b")), tip("c|c"), note("d")));
  });
});

describe("setSpeakerCommand / setAskedByCommand", () => {
  it("setSpeaker turns any block into a statement by that person", () => {
    expect(apply(setSpeakerCommand("jo"), doc(note("said|", note("x")))).after).toEqual(
      doc(statement("said|", "jo", note("x"))),
    );
    expect(apply(setSpeakerCommand(null), doc(statement("said|", "jo"))).after).toEqual(doc(statement("said|", null)));
  });

  it("setAskedBy turns the block into a question asked by that person", () => {
    expect(apply(setAskedByCommand("al"), doc(note("Why|?"))).after).toEqual(doc(question("Why|?", "al")));
  });
});

describe("insertNextTalkCommand", () => {
  it("adds an empty talk after the talk around the cursor, cursor in its title", () => {
    const { after } = apply(insertNextTalkCommand, doc(talk("One", ["a"], note("dee|p")), talk("Two", ["b"])));
    expect(after).toEqual(doc(talk("One", ["a"], note("deep")), talk("|", []), talk("Two", ["b"])));
  });

  it("adds it after the top-level block when not in a talk", () => {
    const { after } = apply(insertNextTalkCommand, doc(note("intro", note("x|")), note("y")));
    expect(after).toEqual(doc(note("intro", note("x")), talk("|", []), note("y")));
  });
});

describe("inline marks survive structural commands", () => {
  it("split keeps the aside mark on both halves", () => {
    const start = doc(statement([text("We ship "), text("sic|k", "aside")], "jo"));
    const { after } = apply(splitNotesBlockCommand, start);
    expect(after).toEqual(
      doc(statement([text("We ship "), text("sic", "aside")], "jo"), statement([text("|"), text("k", "aside")], "jo")),
    );
  });
});

describe("deleteForwardNotesBlockCommand (Delete at the end of a block)", () => {
  it("joins the first child's text; its children take its place", () => {
    const { after } = apply(deleteForwardNotesBlockCommand, doc(note("a|", note("b", note("b1")), note("c"))));
    expect(after).toEqual(doc(note("a|b", note("b1"), note("c"))));
  });

  it("joins the next sibling instead of nesting it (ProseMirror's joinForward would)", () => {
    const { after } = apply(deleteForwardNotesBlockCommand, doc(note("a|"), statement("b", "jo", note("c"))));
    expect(after).toEqual(doc(note("a|b"), note("c")));
  });

  it("joins the parent's next sibling from the last nested line, and works from an aside", () => {
    expect(apply(deleteForwardNotesBlockCommand, doc(note("a", note("x|")), note("b"))).after).toEqual(
      doc(note("a", note("x|b"))),
    );
    expect(apply(deleteForwardNotesBlockCommand, doc(aside("mine|"), note("b"))).after).toEqual(doc(aside("mine|b")));
  });

  it("does nothing special mid-text or at the end of the document", () => {
    expect(apply(deleteForwardNotesBlockCommand, doc(note("a|b"), note("c"))).applied).toBe(false);
    expect(apply(deleteForwardNotesBlockCommand, doc(note("a", note("last|")))).applied).toBe(false);
  });
});

describe("convertTrailingAsideCommand (a typed `)` at the end of a statement)", () => {
  it("turns the trailing (…) into the note-taker's inline aside, as its own undo step", () => {
    const state = nb.state(doc(question("Why?", null, statement("every day (great point)|", "jo"))));
    let meta: unknown;
    const { state: after } = nb.run(
      (s, dispatch) =>
        convertTrailingAsideCommand(s, dispatch && ((tr) => ((meta = tr.getMeta(OWN_UNDO_STEP_META)), dispatch(tr)))),
      state,
    );
    expect(nb.show(after)).toEqual(
      doc(question("Why?", null, statement([text("every day "), text("great point", "aside"), text("|")], "jo"))),
    );
    expect(meta).toBe(true);
    expect(after.storedMarks ?? []).toEqual([]);
  });

  it("works on an unattributed answer and on brackets that are the whole text", () => {
    expect(apply(convertTrailingAsideCommand, doc(statement("(laughs)|", null))).after).toEqual(
      doc(statement([text("laughs", "aside"), text("|")], null)),
    );
  });

  it("leaves everything else alone", () => {
    for (const before of [
      doc(note("lunch (12:30)|")),
      doc(statement("we ship (x)| daily", "jo")),
      doc(statement("f(x)|", "jo")),
      doc(statement("empty ()|", "jo")),
      doc(statement([text("said "), text("(aside)", "aside"), text("|")], "jo")),
    ]) {
      expect(apply(convertTrailingAsideCommand, before).applied).toBe(false);
    }
  });
});

describe("toggleStarredCommand (key moments)", () => {
  const star = (block: JSONContent): JSONContent => ({ ...block, attrs: { ...block.attrs, starred: true } });

  it("stars the block around the cursor, and unstars it the second time", () => {
    const { after } = apply(toggleStarredCommand(), doc(note("a"), statement("sa|id", "jo")));
    expect(after).toEqual(doc(note("a"), star(statement("sa|id", "jo"))));
    expect(apply(toggleStarredCommand(), after).after).toEqual(doc(note("a"), statement("sa|id", "jo")));
  });

  it("stars a mixed selection all at once rather than flipping each", () => {
    const { after } = apply(toggleStarredCommand(), doc(star(note("a|")), note("b|")));
    expect(after).toEqual(doc(star(note("a|")), star(note("b|"))));
  });

  it("keeps the star when the block changes type, and leaves it with the first half of a split", () => {
    expect(apply(setNotesBlockTypeCommand("tip"), doc(star(note("x|")))).after).toEqual(doc(star(tip("x|"))));
    expect(apply(splitNotesBlockCommand, doc(star(note("ab|cd")))).after).toEqual(doc(star(note("ab")), note("|cd")));
  });
});
