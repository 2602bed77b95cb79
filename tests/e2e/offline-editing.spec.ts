import { type Browser, type Page, expect, test } from "@playwright/test";
import { caretToEnd } from "./caret-to-end";
import { type RunningServer, startServer } from "../support/server-process";
import type { FirstAccountSession } from "./first-account-session";
import { notesText } from "./notes-text";
import { openNoteTaker } from "./open-note-taker";
import { type OwnPanelServer, startOwnPanelServer } from "./start-own-panel-server";

/**
 * Offline editing with a co-editor watching: a note-taker loses the network,
 * keeps typing, reloads the page with no network at all (the service worker
 * serves it), types more, and when the network returns the co-editor has
 * every word. Two offline note-takers typing in the same line merge with both
 * contributions exactly once. This spec runs its own server because it kills
 * and restarts it.
 */
let server: RunningServer;
let db: OwnPanelServer["db"];
let owner: FirstAccountSession;

test.beforeAll(async ({ browser }) => {
  // A server start and a sign-up through the forms: more than a test's minute on a busy 2-core machine.
  test.setTimeout(120_000);
  // The first account of a fresh server; it owns the conference it creates.
  ({ server, db, owner } = await startOwnPanelServer(browser, "talknotes-offline-"));
});

test.afterAll(async () => {
  await server?.stop();
});

/** A note-taker's own browser (signed in), named `name` on their caret, with the session open and saved. */
const noteTaker = (browser: Browser, name: string) => openNoteTaker(browser, server.url, owner, name);

/** Alice and Bob, each in their own browser, on the session, with their editors. */
async function aliceAndBob(browser: Browser) {
  const alice = await noteTaker(browser, "Alice");
  const bob = await noteTaker(browser, "Bob");
  return { alice, bob, aliceEditor: alice.getByTestId("notes-editor"), bobEditor: bob.getByTestId("notes-editor") };
}

const status = (page: Page) => page.getByTestId("sync-status");

/** This device's unconfirmed edits: the status says "unsaved changes", the count is in `data-pending`. */
async function pendingEdits(page: Page): Promise<number> {
  return Number((await page.locator(".sync-status").getAttribute("data-pending")) ?? 0);
}

test("offline: type, reload with no network, type more; back online the co-editor sees all of it", async ({
  browser,
}) => {
  const { alice, bob, aliceEditor, bobEditor } = await aliceAndBob(browser);
  // The service worker has cached this page and its scripts: it can be reloaded offline from now on.
  await expect(alice.locator("html")).toHaveAttribute("data-offline-ready", "true");

  await aliceEditor.click();
  await alice.keyboard.type("Jody: start with unplanned work");
  await expect(bobEditor).toContainText("start with unplanned work");
  await expect(status(alice)).toHaveText("Saved");

  await alice.context().setOffline(true);
  await expect(status(alice)).toHaveText("Offline: everything saved");
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("typed offline");
  await expect(status(alice)).toHaveText("Offline: unsaved changes on this device");
  const beforeReload = await pendingEdits(alice);
  expect(beforeReload).toBeGreaterThanOrEqual("typed offline".length);

  // No network at all, not even for the service worker's own fetches.
  await server.kill();
  await expect(status(bob)).toHaveText("Reconnecting");
  await alice.reload();
  expect(await alice.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(aliceEditor).toContainText("typed offline");
  // The count of unconfirmed edits survived the reload with the local copy.
  await expect(status(alice)).toHaveText("Offline: unsaved changes on this device");
  await expect.poll(() => pendingEdits(alice)).toBe(beforeReload);
  // Still signed in as far as the header can tell: no "Sign in" because the account check had no network.
  await expect(alice.getByTestId("account-nav")).toHaveText("Olga Organiser");
  await aliceEditor.click();
  await caretToEnd(alice);
  await alice.keyboard.type(" and after the reload");
  await expect.poll(() => pendingEdits(alice)).toBeGreaterThan(beforeReload);
  await expect(bobEditor).not.toContainText("typed offline");

  server = await startServer({ databaseUrl: db.url, port: server.port });
  await expect(status(bob)).toHaveText("Saved", { timeout: 15_000 });
  await alice.context().setOffline(false);
  await expect(status(alice)).toHaveText("Saved", { timeout: 15_000 });
  const expected = ["Jody: start with unplanned work", "typed offline and after the reload"];
  await expect.poll(() => notesText(bobEditor)).toEqual(expected);
  await expect.poll(() => notesText(aliceEditor)).toEqual(expected);

  // Server down while online: the note-taker is told, and nothing is lost when it returns.
  await server.kill();
  await expect(status(alice)).toHaveText("Reconnecting");
  await alice.keyboard.type(" (server down)");
  await expect(status(alice)).toHaveText("Reconnecting: unsaved changes on this device");
  server = await startServer({ databaseUrl: db.url, port: server.port });
  await expect(status(alice)).toHaveText("Saved", { timeout: 15_000 });
  await expect(bobEditor).toContainText("typed offline and after the reload (server down)", { timeout: 15_000 });
  await alice.context().close();
  await bob.context().close();
});

test("two offline co-editors typing in the same line merge with both contributions exactly once", async ({
  browser,
}) => {
  const { alice, bob, aliceEditor, bobEditor } = await aliceAndBob(browser);
  await expect(alice.getByTestId("presence")).toContainText("Bob");
  await expect(bob.getByTestId("presence")).toContainText("Alice");

  await aliceEditor.click();
  await caretToEnd(alice);
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("Shared line:");
  await expect(bobEditor).toContainText("Shared line:");
  await expect(status(alice)).toHaveText("Saved");
  await expect(status(bob)).toHaveText("Saved");

  await alice.context().setOffline(true);
  await bob.context().setOffline(true);
  await expect(status(alice)).toHaveText("Offline: everything saved");
  await expect(status(bob)).toHaveText("Offline: everything saved");
  // Both at the end of the same line, neither sees the other.
  await alice.keyboard.type(" alice-words");
  await bobEditor.click();
  await caretToEnd(bob);
  await bob.keyboard.type(" bob-words");
  await expect(status(alice)).toHaveText("Offline: unsaved changes on this device");
  await expect(status(bob)).toHaveText("Offline: unsaved changes on this device");
  await expect(aliceEditor).not.toContainText("bob-words");

  await alice.context().setOffline(false);
  await bob.context().setOffline(false);
  await expect(status(alice)).toHaveText("Saved", { timeout: 15_000 });
  await expect(status(bob)).toHaveText("Saved", { timeout: 15_000 });
  await expect.poll(async () => (await notesText(aliceEditor)).join("\n")).toContain("bob-words");
  await expect.poll(async () => (await notesText(bobEditor)).join("\n")).toContain("alice-words");
  const aliceText = await notesText(aliceEditor);
  expect(await notesText(bobEditor)).toEqual(aliceText);
  const all = aliceText.join("\n");
  for (const word of ["Shared line:", "alice-words", "bob-words"]) expect(all.split(word).length - 1, word).toBe(1);
  expect(aliceText.filter((line) => line.includes("Shared line:"))).toHaveLength(1);
  expect(aliceText.find((line) => line.includes("Shared line:"))).toMatch(/alice-words|bob-words/);

  // Presence: names with colours, and someone who leaves disappears.
  const bobAvatar = alice.getByTestId("presence").locator(".avatar", { hasText: "Bob" });
  await expect(bobAvatar.locator(".avatar-dot")).toHaveAttribute("style", /background/);
  await bob.context().close();
  await expect(alice.getByTestId("presence")).not.toContainText("Bob");
  await alice.context().close();
});

test("history: name a version, see who wrote it, view it read-only, restore it as a new edit the co-editor gets", async ({
  browser,
}) => {
  const { alice, bob, aliceEditor, bobEditor } = await aliceAndBob(browser);
  await aliceEditor.click();
  await caretToEnd(alice);
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("Keep this line");
  await expect(status(alice)).toHaveText("Saved");

  await alice.getByRole("button", { name: "History" }).click();
  const panel = alice.getByTestId("history-panel");
  await panel.getByPlaceholder(/Name this version/).fill("Before the tangent");
  await panel.getByRole("button", { name: "Save version" }).click();
  const item = panel.getByTestId("revision-list").getByRole("listitem").filter({ hasText: "Before the tangent" });
  // Authors are accounts (both tabs are signed in as the organiser), never the names their carets show.
  await expect(item).toContainText("by Olga Organiser");

  await bobEditor.click();
  await caretToEnd(bob);
  await bob.keyboard.press("Enter");
  await bob.keyboard.type("A tangent to undo");
  await expect(aliceEditor).toContainText("A tangent to undo");

  await item.getByRole("button", { name: "View" }).click();
  await expect(panel.getByTestId("revision-view")).toContainText("Keep this line");
  await expect(panel.getByTestId("revision-view")).not.toContainText("A tangent to undo");
  await item.getByRole("button", { name: "Restore" }).click();
  await expect(bobEditor).not.toContainText("A tangent to undo");
  await expect(aliceEditor).not.toContainText("A tangent to undo");
  await expect(bobEditor).toContainText("Keep this line");
  await expect(panel.getByTestId("revision-list").getByRole("listitem").first()).toContainText(
    "Restored “Before the tangent”",
  );
  // The state the restore replaced is kept, attributed to the account that typed the tangent.
  await expect(panel.getByTestId("revision-list").getByRole("listitem").nth(1)).toContainText("by Olga Organiser");
  await alice.context().close();
  await bob.context().close();
});

test("offline, a reload right after the last keystroke keeps every word, on a slow device too", async ({ browser }) => {
  // Three reloads at 4x CPU throttling, then a second note-taker: 27 s alone, 37-60 s in the whole suite on
  // two busy cores. Every step waits for its condition; this is only the budget.
  test.setTimeout(120_000);
  const alice = await noteTaker(browser, "Alice");
  const editor = alice.getByTestId("notes-editor");
  await expect(alice.locator("html")).toHaveAttribute("data-offline-ready", "true");
  // A slow phone: IndexedDB's commits lag further behind the keys (each takes a round trip to storage).
  const cdp = await alice.context().newCDPSession(alice);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await alice.context().setOffline(true);
  await expect(status(alice)).toHaveText("Offline: everything saved");

  const lines: string[] = [];
  for (let i = 1; i <= 3; i++) {
    await editor.click();
    await caretToEnd(alice);
    await alice.keyboard.press("Enter");
    const line = `reloaded at once ${i}, nothing lost`;
    await alice.keyboard.type(line);
    lines.push(line);
    const pending = await pendingEdits(alice);
    // No waiting for anything: the page unloads while the last edits are still on their way to IndexedDB.
    await alice.reload();
    await expect.poll(async () => (await notesText(editor)).slice(-lines.length), { timeout: 15_000 }).toEqual(lines);
    // The unconfirmed edits are still counted, so "unsaved changes" stays true until the server has them.
    await expect.poll(() => pendingEdits(alice)).toBeGreaterThanOrEqual(pending);
  }
  // Once IndexedDB has committed what the journals held, they are deleted.
  await expect
    .poll(() => alice.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("talknotes:unstored:"))))
    .toEqual([]);

  await alice.context().setOffline(false);
  await expect(status(alice)).toHaveText("Saved", { timeout: 15_000 });
  const bob = await noteTaker(browser, "Bob");
  await expect.poll(async () => (await notesText(bob.getByTestId("notes-editor"))).slice(-lines.length)).toEqual(lines);
  await alice.context().close();
  await bob.context().close();
});
