import { expect, test } from "@playwright/test";
import { caretToEnd } from "./caret-to-end";
import { openAs } from "./open-as";
import { signIn } from "./sign-in";
import { type RunningServer, startServer, tempDatabase } from "../support/server-process";
import { notesText } from "./notes-text";

/**
 * Two note-takers in two browsers co-edit one session of a conference they
 * created through the UI; the notes survive a server restart. This spec runs
 * its own server (not the shared webServer) because it restarts it.
 */
let server: RunningServer;
const db = tempDatabase("talknotes-coedit-");

test.beforeAll(async () => {
  server = await startServer({ databaseUrl: db.url });
});
test.afterAll(async () => {
  await server?.stop();
});

test("two co-editors see each other's text and caret, and the notes survive a restart", async ({ browser }) => {
  const setup = await browser.newPage();
  await signIn(setup, { baseUrl: server.url, databaseUrl: db.url });
  await setup.goto(server.url);
  await setup.getByLabel("Name").fill("DevOps Day");
  await setup.getByLabel("City").fill("Santa Clara, CA");
  await setup.getByLabel("First day").fill("2010-06-25");
  await setup.getByRole("button", { name: "Create conference" }).click();
  await expect(setup.getByRole("heading", { level: 1 })).toHaveText("DevOps Day");
  await setup.getByLabel("Title").fill("Making The Business Case");
  await setup.getByLabel("Kind").selectOption("panel");
  await setup.getByRole("button", { name: "Create session" }).click();
  await expect(setup.getByRole("heading", { level: 1 })).toHaveText("Making The Business Case");
  const sessionUrl = setup.url();
  await setup.context().close();

  const alice = await openAs(browser, sessionUrl, "Alice", { databaseUrl: db.url });
  const bob = await openAs(browser, sessionUrl, "Bob", { databaseUrl: db.url });
  const aliceEditor = alice.getByTestId("notes-editor");
  const bobEditor = bob.getByTestId("notes-editor");

  await aliceEditor.click();
  await alice.keyboard.type("What are the anti-patterns");
  await expect(bobEditor).toContainText("What are the anti-patterns");
  // Bob sees Alice's caret with her name.
  await expect(bob.locator(".collaboration-carets__label", { hasText: "Alice" })).toBeVisible();

  await bobEditor.click();
  await caretToEnd(bob);
  await bob.keyboard.press("Enter");
  await bob.keyboard.type("Jody: focus on what creates unplanned work");
  await expect(aliceEditor).toContainText("focus on what creates unplanned work");
  await expect(alice.locator(".collaboration-carets__label", { hasText: "Bob" })).toBeVisible();
  await expect(alice.getByTestId("presence")).toContainText("Bob");

  const expected = ["What are the anti-patterns", "Jody: focus on what creates unplanned work"];
  await expect.poll(() => notesText(aliceEditor)).toEqual(expected);
  await expect.poll(() => notesText(bobEditor)).toEqual(expected);
  await alice.context().close();
  await bob.context().close();

  await server.stop();
  server = await startServer({ databaseUrl: db.url });
  const url = new URL(sessionUrl);
  const carol = await openAs(browser, `${server.url}${url.pathname}`, "Carol", { databaseUrl: db.url });
  await expect(carol.getByTestId("notes-editor")).toContainText("What are the anti-patterns");
  await expect(carol.getByTestId("notes-editor")).toContainText("focus on what creates unplanned work");
  // A fresh browser context has no local copy: the text came from the server's SQLite.
  await expect.poll(() => notesText(carol.getByTestId("notes-editor"))).toEqual(expected);
});
