import { expect, test } from "@playwright/test";
import { caretToEnd } from "./caret-to-end";
import { notesText } from "./notes-text";
import { twoNoteTakers } from "./two-note-takers";

/**
 * A co-editor's words arriving earlier in the line the note-taker is typing
 * in move the note-taker's caret along (ARCHITECTURE.md, "Input methods" and
 * "Time-coded notes"): the line has a time (`at`), which y-tiptap's selection
 * recovery used to take as the block's identity and so put the caret back at
 * its old offset, inside the co-editor's words.
 */
test("a co-editor types earlier in a timed line: the note-taker's next keys still land at her caret", async ({
  browser,
}) => {
  const { alice, bob, aliceNotes, bobNotes } = await twoNoteTakers(browser, "Caret Panel");

  await aliceNotes.focus();
  await alice.keyboard.type("Notes: end");
  // The line is stamped with the time it was first written.
  await expect(aliceNotes.locator("[data-at]")).toHaveCount(1);
  await expect(bobNotes).toContainText("Notes: end");

  // Bob writes between "Notes:" and " end", before Alice's caret (at the end of the line).
  await bobNotes.focus();
  await caretToEnd(bob);
  for (let i = 0; i < " end".length; i++) await bob.keyboard.press("ArrowLeft");
  // Chrome reports a keyboard caret move on its asynchronous selectionchange (see caretToEnd).
  await bob.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 60))));
  await bob.keyboard.type(" bob");
  await expect.poll(() => notesText(aliceNotes)).toEqual(["Notes: bob end"]);

  await alice.keyboard.type("!");
  for (const notes of [aliceNotes, bobNotes]) await expect.poll(() => notesText(notes)).toEqual(["Notes: bob end!"]);
  await alice.context().close();
  await bob.context().close();
});
