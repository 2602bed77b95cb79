import { type BrowserContext, type Page, expect, test } from "@playwright/test";
import { caretToEnd } from "./caret-to-end";
import { createPanel } from "./create-panel";
import { openAs } from "./open-as";
import { signIn } from "./sign-in";

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

test("typing commits nothing to React, and the status still counts every unsaved edit", async ({ browser }) => {
  const setup = await browser.newPage();
  const url = await createPanel(setup, "Typing Cost Panel");
  await setup.context().close();

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
  await expect(page.locator(".sync-status")).toHaveAttribute("title", `${pendingBefore + keys} edits of this device not yet confirmed by the server`);
  await expect(page.getByTestId("sync-status")).toHaveText("Offline: unsaved changes on this device");

  await context.setOffline(false);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect(page.locator(".sync-status")).toHaveAttribute("data-pending", "0");
  await context.close();
});

test("the caret stays clear of the window's bottom edge while typing at the end of long notes", async ({ browser }) => {
  const setup = await browser.newPage();
  const url = await createPanel(setup, "Long Notes Panel");
  await setup.context().close();
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
