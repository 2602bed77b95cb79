import { expect, test } from "@playwright/test";
import { NotesStore } from "../../server/collab/notes-store";
import { openSqlite } from "../../server/db/open-sqlite";
import { type RunningServer, startServer } from "../support/server-process";
import type { FirstAccountSession } from "./first-account-session";
import { openNoteTaker } from "./open-note-taker";
import { type OwnPanelServer, startOwnPanelServer } from "./start-own-panel-server";

/**
 * A session re-created while a note-taker's page is open (new generation): when the page reconnects
 * the server refuses its copy (StaleGeneration), and the page drops it and continues on the new,
 * empty notes with no reload, saying why; its old words never reach the new notes. This spec runs
 * its own server because it stops it to re-create the notes in SQLite.
 */
let server: RunningServer;
let db: OwnPanelServer["db"];
let owner: FirstAccountSession;

test.beforeAll(async ({ browser }) => {
  // A server start and a sign-up through the forms: more than a test's minute on a busy 2-core machine.
  test.setTimeout(120_000);
  ({ server, db, owner } = await startOwnPanelServer(browser, "talknotes-stale-generation-"));
});

test.afterAll(async () => {
  await server?.stop();
});

test("a copy of a re-created session is dropped and the editor continues on the new notes", async ({ browser }) => {
  const page = await openNoteTaker(browser, server.url, owner, "Alice");
  const editor = page.getByTestId("notes-editor");
  const status = page.getByTestId("sync-status");
  await editor.click();
  await page.keyboard.type("Words of the first incarnation");
  await expect(status).toHaveText("Saved");

  await server.stop();
  await expect(status).toHaveText("Reconnecting");
  const sqlite = openSqlite(db.file);
  const sessionId = (sqlite.prepare("SELECT id FROM Session").get() as { id: string }).id;
  new NotesStore(sqlite).recreate(sessionId);
  sqlite.close();
  // The reason shows only until the fresh copy connects: note every problem the status shows.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { problemsSeen: string[] }).problemsSeen = []);
    new MutationObserver(() => {
      const text = document.querySelector("[data-testid=sync-problem]")?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  server = await startServer({ databaseUrl: db.url, port: server.port });

  await expect
    .poll(() => page.evaluate(() => (window as unknown as { problemsSeen: string[] }).problemsSeen.join(" | ")), {
      timeout: 15_000,
    })
    .toContain("This session was re-created; your old local copy was discarded.");
  await expect(editor).not.toContainText("first incarnation");
  await expect(status).toHaveText("Saved", { timeout: 15_000 });
  await editor.click();
  await page.keyboard.type("Words of the second incarnation");
  await expect(status).toHaveText("Saved");

  // What is stored and what a fresh page shows are the new notes only.
  const fresh = await openNoteTaker(browser, server.url, owner, "Bob");
  await expect(fresh.getByTestId("notes-editor")).toContainText("Words of the second incarnation");
  await expect(fresh.getByTestId("notes-editor")).not.toContainText("first incarnation");
  await page.context().close();
  await fresh.context().close();
});
