import { type Locator, type Page, expect, test } from "@playwright/test";
import { caretToEnd } from "./caret-to-end";
import { notesText } from "./notes-text";
import { twoNoteTakers } from "./two-note-takers";

/**
 * The note-taker's caret reaches co-editors at most every CARET_PUBLISH_MS
 * while she types, not once per key (throttled-collaboration-caret.ts), and
 * y-tiptap's per-key selection work is skipped for local edits
 * (lean-collaboration.ts): co-editors still see her caret where she stopped,
 * and her caret stays put when their edits arrive.
 */

/** The text before `name`'s caret in its line, as `page` shows it (null while that caret is not shown). */
function textBeforeCaretOf(notes: Locator, name: string): Promise<string | null> {
  return notes.evaluate((root, who) => {
    const caret = [...root.querySelectorAll(".collaboration-carets__caret")].find(
      (c) => c.querySelector(".collaboration-carets__label")?.textContent === who,
    );
    const line = caret?.closest("p");
    if (!caret || !line) return null;
    const range = document.createRange();
    range.setStart(line, 0);
    range.setEndBefore(caret);
    const before = range.cloneContents();
    before.querySelectorAll(".collaboration-carets__caret").forEach((c) => c.remove());
    return before.textContent ?? "";
  }, name);
}

/**
 * Records when the page sends an awareness message (y-websocket message type 1) carrying `name`'s
 * state, on the page's clock (y-websocket also sends the co-editors' updates it receives back to the
 * server: those do not count). Takes effect from the next navigation.
 */
async function recordOwnAwarenessSends(page: Page, name: string): Promise<() => Promise<number[]>> {
  await page.context().addInitScript((own) => {
    const w = window as unknown as { __awarenessSent: number[] };
    w.__awarenessSent = [];
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
      if (bytes && bytes[0] === 1 && new TextDecoder().decode(bytes).includes(own))
        w.__awarenessSent.push(performance.now());
      return send.call(this, data);
    };
  }, `"name":"${name}"`);
  return () => page.evaluate(() => (window as unknown as { __awarenessSent: number[] }).__awarenessSent);
}

test("a co-editor sees the note-taker's caret follow her words, with a few caret updates a second, not one a key", async ({
  browser,
}) => {
  const { alice, bob, aliceNotes, bobNotes } = await twoNoteTakers(browser, "Caret Publish Panel");
  const sends = await recordOwnAwarenessSends(alice, "Alice");
  await alice.reload();
  await expect(alice.getByTestId("sync-status")).toHaveText("Saved");

  await aliceNotes.focus();
  await caretToEnd(alice);
  await alice.keyboard.type("Opening", { delay: 30 });
  await expect.poll(() => textBeforeCaretOf(bobNotes, "Alice")).toBe("Opening");

  const before = (await sends()).length;
  const words = " remarks by the chair";
  await alice.keyboard.type(words);
  // Once she pauses, her caret is after her last word on Bob's screen.
  await expect.poll(() => textBeforeCaretOf(bobNotes, "Alice")).toBe("Opening remarks by the chair");
  // Her caret went out at most every 120 ms while she typed (before: once per key, as fast as she typed).
  const sent = (await sends()).slice(before);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.length).toBeLessThan(words.length);
  for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(100);

  // Focus elsewhere: Bob no longer sees her caret.
  await alice.getByRole("link").first().focus();
  await expect.poll(() => textBeforeCaretOf(bobNotes, "Alice")).toBeNull();
  await alice.context().close();
  await bob.context().close();
});

test("a co-editor adds lines above while the note-taker types: her next keys land at her caret", async ({
  browser,
}) => {
  const { alice, bob, aliceNotes, bobNotes } = await twoNoteTakers(browser, "Lines Above Panel");
  await aliceNotes.focus();
  await caretToEnd(alice);
  await alice.keyboard.type("Top");
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("Alice's line");
  await expect.poll(() => notesText(bobNotes)).toEqual(["Top", "Alice's line"]);

  // Bob writes two lines between the first line and hers (her line itself is not touched).
  await bobNotes.focus();
  await bob.keyboard.press("ControlOrMeta+Home");
  await bob.keyboard.press("End");
  await bob.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 60))));
  await bob.keyboard.press("Enter");
  await bob.keyboard.type("Bob one");
  await bob.keyboard.press("Enter");
  await bob.keyboard.type("Bob two");
  await expect.poll(() => notesText(aliceNotes)).toEqual(["Top", "Bob one", "Bob two", "Alice's line"]);

  await alice.keyboard.type(", continued");
  for (const notes of [aliceNotes, bobNotes])
    await expect.poll(() => notesText(notes)).toEqual(["Top", "Bob one", "Bob two", "Alice's line, continued"]);
  // And her caret is shown to Bob after her words.
  await expect.poll(() => textBeforeCaretOf(bobNotes, "Alice")).toBe("Alice's line, continued");
  await alice.context().close();
  await bob.context().close();
});
