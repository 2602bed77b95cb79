import { type APIRequestContext, type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { apiAs } from "./api-as";
import { caretToEnd } from "./caret-to-end";
import { newPanel } from "./create-panel";
import { openAs } from "./open-as";
import { accountToken, signIn } from "./sign-in";

/**
 * BENCHMARKS.md, "Editor typing cost": a keystroke's cost must not grow with the notes. These check the
 * mechanisms in real Chromium (the numbers are in bench/editor-typing.ts).
 */

/** Counts React commits through the DevTools hook, which React (production builds too) calls on every commit. */
async function countReactCommits(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __commits: number; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
    w.__commits = 0;
    w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberRoot: () => {
        w.__commits += 1;
      },
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
    };
  });
}
const commits = (page: Page) => page.evaluate(() => (window as unknown as { __commits: number }).__commits);

/**
 * A new panel opened by a signed-in typist whose React commits are counted, with the caret on a fresh line
 * after "warm " and everything saved: where both typing tests start.
 */
async function typistOnNewPanel(browser: Browser, title: string) {
  const url = await newPanel(browser, title);

  const context = await browser.newContext();
  await countReactCommits(context);
  await context.addInitScript(() => window.localStorage.setItem("talknotes:name", "Typist"));
  const page = await context.newPage();
  await signIn(page);
  await page.goto(url);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  expect(await commits(page)).toBeGreaterThan(0); // the hook is live

  const editor = page.getByTestId("notes-editor");
  await editor.click();
  await caretToEnd(page, editor);
  await page.keyboard.press("Enter");
  await page.keyboard.type("warm ");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  return { context, page, editor };
}

test("typing commits nothing to React, and the status still counts every unsaved edit", async ({ browser }) => {
  const { context, page, editor } = await typistOnNewPanel(browser, "Typing Cost Panel");

  // Offline the edits stay pending, so the count is known exactly.
  await context.setOffline(true);
  await expect(page.getByTestId("sync-status")).toHaveText(/^Offline/);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const before = await commits(page);
  const pendingBefore = Number(await page.locator(".sync-status").getAttribute("data-pending"));
  const keys = 15;
  await page.keyboard.type("z".repeat(keys), { delay: 20 });
  await expect(editor).toContainText("warm " + "z".repeat(keys));

  // One commit when "everything saved" becomes "unsaved changes"; none per key.
  expect((await commits(page)) - before).toBeLessThanOrEqual(2);
  await expect(page.locator(".sync-status")).toHaveAttribute("data-pending", String(pendingBefore + keys));
  await expect(page.locator(".sync-status")).toHaveAttribute(
    "title",
    `${pendingBefore + keys} edits of this device not yet confirmed by the server`,
  );
  await expect(page.getByTestId("sync-status")).toHaveText("Offline: unsaved changes on this device");

  await context.setOffline(false);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect(page.locator(".sync-status")).toHaveAttribute("data-pending", "0");
  await context.close();
});

test("typing while connected commits nothing to React; the status shows Saving… through the burst, then Saved", async ({
  browser,
}) => {
  const { context, page, editor } = await typistOnNewPanel(browser, "Typing Online Panel");
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));

  // Every word and state the status shows while typing (each key is saved, then confirmed).
  await page.evaluate(() => {
    const w = window as unknown as { __shown: string[] };
    w.__shown = [];
    const status = document.querySelector(".sync-status")!;
    new MutationObserver(() =>
      w.__shown.push(
        `${status.getAttribute("data-state")}: ${status.querySelector('[data-testid="sync-status"]')!.textContent}`,
      ),
    ).observe(status, { subtree: true, characterData: true, childList: true, attributes: true });
  });
  const before = await commits(page);
  const keys = 15;
  await page.keyboard.type("z".repeat(keys), { delay: 20 });
  await expect(editor).toContainText("warm " + "z".repeat(keys));
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect(page.locator(".sync-status")).toHaveAttribute("data-state", "saved");
  await expect(page.locator(".sync-status")).toHaveAttribute("data-pending", "0");

  const shown = await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
  expect(shown).toContain("saving: Saving…");
  expect(shown.at(-1)).toBe("saved: Saved");
  // "Saving…" stays up through the burst instead of flipping back and forth with every key's
  // confirmation (15 times before); a pause of the machine longer than the settle time may add one.
  const turnsToSaving = shown.filter((entry, i) => entry.startsWith("saving") && !shown[i - 1]?.startsWith("saving"));
  expect(turnsToSaving.length).toBeLessThanOrEqual(3);
  // Before, every key committed twice (Saved -> Saving… -> Saved).
  expect((await commits(page)) - before).toBeLessThanOrEqual(2);
  await context.close();
});

test("the caret stays clear of the window's bottom edge while typing at the end of long notes", async ({ browser }) => {
  const url = await newPanel(browser, "Long Notes Panel");
  const page = await openAs(browser, url, "Typist");
  await page.setViewportSize({ width: 1000, height: 600 });
  const editor = page.getByTestId("notes-editor");
  await editor.click();
  await caretToEnd(page, editor);
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Enter");
    await page.keyboard.type(`line ${i}`);
  }
  // ProseMirror's rule with the editor's margins: the caret ends up ~200 px above the bottom, or as
  // far up as the page can scroll.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const range = document.getSelection()!.getRangeAt(0);
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        const atPageEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
        return rect.bottom <= window.innerHeight && (window.innerHeight - rect.bottom >= 150 || atPageEnd);
      }),
    )
    .toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.context().close();
});

/** Imports panel notes of `threads` question threads (each with three answers); returns the editor's URL. */
async function importLongNotes(
  request: APIRequestContext,
  baseURL: string | undefined,
  threads: number,
): Promise<string> {
  const token = accountToken();
  const created = await apiAs(request, token, "post", "/conferences", {
    name: `Long Notes Camp ${Date.now().toString(36)}`,
    startsOn: "2021-10-09",
  });
  const conference = (created.conference as { slug: string }).slug;
  const lines = [
    "Long Notes Camp, Portland, OR",
    "October 9, 2021",
    "",
    "The Long Panel",
    "",
    "Amara Okafor (Tidewater Labs)",
    "Bruno Castellanos (Quayside Bank)",
    "",
  ];
  for (let t = 0; t < threads; t++) {
    lines.push(`- Question: "How does thread ${t} end?"`);
    for (const name of ["Amara", "Bruno", "Amara"])
      lines.push(`  - ${name}: "answer ${t} from ${name}, long enough to wrap once or twice on a narrow window"`);
  }
  const imported = await apiAs(request, token, "post", `/conferences/${conference}/import-notes`, lines.join("\n"));
  return `${baseURL}/conferences/${conference}/sessions/${(imported.session as { slug: string }).slug}`;
}

/** Whether the browser renders the first paragraph of the editor's `index`-th top-level block (negative: from the end). */
function blockRendered(page: Page, index: number): Promise<boolean> {
  return page.evaluate((i) => {
    const blocks = document.querySelector('[data-testid="notes-editor"]')!.children;
    const p = blocks[i < 0 ? blocks.length + i : i]!.querySelector("p")!;
    return p.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions);
  }, index);
}

test("blocks of long notes out of view are not rendered; the caret's block always is", async ({
  browser,
  request,
  baseURL,
}) => {
  const url = await importLongNotes(request, baseURL, 150);
  const page = await openAs(browser, url, "Typist");
  const editor = page.getByTestId("notes-editor");
  await expect(editor.locator(":scope > *")).toHaveCount(150);
  await editor.focus();
  await caretToEnd(page, editor);
  await page.keyboard.press("Enter");
  await page.keyboard.type("the last words");
  await expect(editor).toContainText("the last words");
  // The first thread is thousands of pixels above: Chromium skips its style, layout and paint.
  await expect.poll(() => blockRendered(page, 0)).toBe(false);
  expect(await blockRendered(page, -1)).toBe(true);
  // The block Enter made is never skipped, not even before its first frame: it holds the caret.
  expect(await editor.evaluate((el) => getComputedStyle(el.lastElementChild!).contentVisibility)).toBe("visible");

  // Jumping to the start renders it, scrolls the caret into view, and typing lands there.
  await page.keyboard.press("ControlOrMeta+Home");
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 60))));
  await page.keyboard.type("First: ");
  await expect(editor.locator(":scope > *").first().locator("p").first()).toContainText(
    "First: How does thread 0 end?",
  );
  await expect.poll(() => blockRendered(page, 0)).toBe(true);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      }),
    )
    .toBe(true);
  // Every word is still in the page for find-in-page, printing and assistive technology.
  expect(await editor.evaluate((el) => el.textContent!.includes("answer 75 from Bruno"))).toBe(true);
  await page.context().close();
});

test("opening a session draws each block once, reopening it too", async ({ browser, request, baseURL }) => {
  const url = await importLongNotes(request, baseURL, 40);
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.localStorage.setItem("talknotes:name", "Typist");
    // Top-level blocks taken out of the editor while the page opens: a block drawn twice shows here.
    const w = window as unknown as { __blocksRemoved: number };
    w.__blocksRemoved = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        if ((record.target as Element).getAttribute?.("data-testid") !== "notes-editor") continue;
        for (const node of record.removedNodes)
          if (node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute("data-type")) w.__blocksRemoved++;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await signIn(page);
  const removed = () => page.evaluate(() => (window as unknown as { __blocksRemoved: number }).__blocksRemoved);
  const editor = page.getByTestId("notes-editor");
  for (const visit of ["first visit", "reopened from this browser's copy"]) {
    await page.goto(url);
    await expect(page.getByTestId("sync-status")).toHaveText("Saved");
    await expect(editor.locator(":scope > *")).toHaveCount(40);
    // At most the empty line the editor starts with, replaced by the notes.
    expect(await removed(), visit).toBeLessThanOrEqual(1);
  }
  await context.close();
});

test("a key typed into an attributed answer leaves the speaker's chip in place", async ({
  browser,
  request,
  baseURL,
}) => {
  const url = await importLongNotes(request, baseURL, 2);
  const page = await openAs(browser, url, "Typist");
  const editor = page.getByTestId("notes-editor");
  await editor.focus();
  await caretToEnd(page, editor); // the end of the last answer, after "Amara"'s chip
  const line = editor.locator(":scope > *").last().locator("p").last();
  await expect(line.locator(".chip-person")).toHaveText(/Amara/);
  await line.locator(".chips").evaluate((chips) => chips.setAttribute("data-before-typing", ""));

  await page.keyboard.type(" and more", { delay: 20 });
  await expect(line).toContainText("narrow window and more");
  // The chip the line had is still there: ProseMirror inserted the text and kept the chip's DOM (the
  // browser's own insertion made it draw the chip, and lay out the notes, again on every key).
  await expect(line.locator(".chips[data-before-typing]")).toHaveCount(1);
  await expect(line.locator(".chip-person")).toHaveText(/Amara/);
  await page.context().close();
});

test("a long unbroken word or URL wraps inside the notes column at desktop and phone widths", async ({ browser }) => {
  const url = await newPanel(browser, "Long Word Panel");
  const page = await openAs(browser, url, "Typist");
  const editor = page.getByTestId("notes-editor");
  const widths = () =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      notes: document.querySelector(".notes-surface")!.getBoundingClientRect().width,
    }));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await editor.click();
    await caretToEnd(page, editor);
    await page.keyboard.press("Enter");
    const before = await widths();
    // A slide deck's link as a note-taker pastes it (no hyphen or space to break at), then a word typed.
    await page.keyboard.insertText(`https://example.org/deck?id=${"a1b2c3d4e5".repeat(25)}final`);
    await page.keyboard.type(" next");
    await expect(editor).toContainText("final next");
    // The column kept its width and the page does not scroll sideways: the line wrapped instead (before,
    // the word widened the column past the window and every block was laid out again on every key).
    expect(await widths(), `at ${width} px`).toEqual({ page: 0, notes: before.notes });
  }
  await page.context().close();
});
