import { type CDPSession, type Page, expect, test } from "@playwright/test";
import { addPeople } from "./add-people";
import { caretToEnd } from "./caret-to-end";
import { newPanel } from "./create-panel";
import { notesText } from "./notes-text";
import { twoNoteTakers } from "./two-note-takers";
import { openAs } from "./open-as";

/**
 * CJK input (ARCHITECTURE.md, "Input methods"): a note-taker typing Japanese through an input method
 * (Chromium's IME composition driven through the DevTools protocol, as an IME
 * does: a composition that grows and is converted, then committed) while a
 * co-editor types into the same paragraph. Neither the co-editor's updates
 * arriving mid-composition, nor the chips, the save tracker or the `@`
 * autocomplete may break the composition: both contributions end up intact,
 * exactly once, in both editors.
 */

/** An input method's composition: each step replaces the marked text, `commit` ends it with the final text. */
async function compose(
  cdp: CDPSession,
  steps: string[],
  commit: string,
  between?: (step: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < steps.length; i++) {
    const text = steps[i]!;
    await cdp.send("Input.imeSetComposition", { text, selectionStart: text.length, selectionEnd: text.length });
    await between?.(i);
  }
  await cdp.send("Input.insertText", { text: commit });
}

test("IME composition in a paragraph a co-editor is typing in: both contributions intact, nothing doubled", async ({
  browser,
}) => {
  const { alice, bob, aliceNotes, bobNotes } = await twoNoteTakers(browser, "IME Panel");

  await aliceNotes.focus();
  await alice.keyboard.type("Notes:");
  await expect(bobNotes).toContainText("Notes:");
  // Bob at the end of the same paragraph; Alice too: each co-editor's text lands next to the other's.
  await bobNotes.focus();
  await caretToEnd(bob);

  const cdp = await alice.context().newCDPSession(alice);
  /** Bob types while Alice's composition is open; his words reach her tab (the server has them) before she commits. */
  const bobTypes = async (words: string) => {
    await bob.keyboard.type(words);
    await expect(bob.getByTestId("sync-status")).toHaveText("Saved");
    await alice.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  };
  // Three words, each composed reading by reading and converted, with Bob typing in the middle of each.
  const words: Array<[string[], string, string]> = [
    [["や", "やま", "やまだ", "山田"], "山田", " bob"],
    [["さ", "さん"], "さん", " again"],
    [["か", "かい", "かいぎ", "会議"], "会議", " more"],
  ];
  for (const [readings, word, bobWords] of words) {
    await compose(cdp, readings, word, async (step) => {
      if (step === readings.length - 2) await bobTypes(bobWords);
    });
    await expect(aliceNotes).toContainText(bobWords.trim());
  }
  await bob.keyboard.type(" end");

  for (const page of [alice, bob]) await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  const expectFine = async (page: Page) => {
    const lines = await notesText(page.getByRole("textbox", { name: "Session notes" }));
    const text = lines.join("\n");
    for (const word of ["Notes:", "山田", "さん", "会議", " bob", " again", " more", " end"])
      expect(text.split(word).length - 1, `${word} in ${text}`).toBe(1);
    // No trace of the compositions' intermediate readings, nothing else added.
    expect(text.replace("さん", "")).not.toMatch(/[やまださんかいぎ]/);
    expect(text.length).toBe("Notes:山田さん会議 bob again more end".length);
    return lines;
  };
  const aliceLines = await expectFine(alice);
  await expect.poll(() => notesText(bobNotes)).toEqual(aliceLines);
  await expectFine(bob);
  await alice.context().close();
  await bob.context().close();
});

test("@ and a family or given name composed in kanji finds the person; the composition is not cut short by the menu", async ({
  browser,
}) => {
  const url = await newPanel(browser, "IME Attribution Panel");
  const alice = await openAs(browser, url, "Alice");
  await addPeople(alice, [
    ["山田太郎", "ソニー", "panelist"],
    ["山本花子", "任天堂", "panelist"],
  ]);
  const notes = alice.getByRole("textbox", { name: "Session notes" });
  await notes.focus();
  await caretToEnd(alice);
  await alice.keyboard.type("@");
  const cdp = await alice.context().newCDPSession(alice);
  // While composing, Enter belongs to the input method (it converts): the menu must not take it.
  await compose(cdp, ["や", "やま", "やまだ", "山田"], "山田");
  const listbox = alice.getByRole("listbox", { name: "Attribute to" });
  await expect(listbox.getByRole("option").first()).toHaveAccessibleName("山田太郎, ソニー, panelist");
  await alice.keyboard.press("Enter");
  await expect(listbox).toHaveCount(0);
  await compose(cdp, ["は", "はい"], "はい");
  // The chip's short label, then the words: the typed "@山田" is gone, nothing doubled.
  const [line] = (await notesText(notes)).slice(-1);
  expect(line).toBe("山田太郎はい");
  expect((await notes.getByRole("paragraph").last().ariaSnapshot()).replace(/\s+/g, " ")).toMatch(
    /山田太郎, ソニー: はい/,
  );
  // A given name finds the person too: "花子" is the end of the one word "山本花子".
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("@");
  await compose(cdp, ["は", "はな", "はなこ", "花子"], "花子");
  await expect(listbox.getByRole("option").first()).toHaveAccessibleName("山本花子, 任天堂, panelist");
  await alice.keyboard.press("Enter");
  await compose(cdp, ["そ", "そう"], "そう");
  expect((await notes.getByRole("paragraph").last().ariaSnapshot()).replace(/\s+/g, " ")).toMatch(
    /山本花子, 任天堂: そう/,
  );
  await alice.context().close();
});
