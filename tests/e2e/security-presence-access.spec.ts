import { expect, test } from "@playwright/test";
import { awarenessFrame } from "../support/awareness-frame";
import { openRawCollabSocket } from "../support/raw-collab-socket";
import { type RunningServer, startServer, tempDatabase } from "../support/server-process";
import { openAs } from "./open-as";
import { accountToken, signIn } from "./sign-in";

/**
 * docs/SECURITY.md, "Collaboration", in the browser: a co-editor's presence colour never reaches the
 * page's CSS as anything but a colour (`url(...)` made every editor's browser
 * fetch a URL), and signing out in one tab ends the editor's connection in
 * another at once (it used to keep streaming until it reconnected). Runs its
 * own server so the suite's account is the instance admin.
 */
let server: RunningServer;
const db = tempDatabase("talknotes-presence-e2e-");
let sessionUrl: string;

test.beforeAll(async ({ browser }) => {
  server = await startServer({ databaseUrl: db.url });
  const setup = await browser.newPage();
  await signIn(setup, { baseUrl: server.url, databaseUrl: db.url });
  await setup.goto(server.url);
  await setup.getByLabel("Name").fill("DevOps Day");
  await setup.getByLabel("City").fill("Santa Clara, CA");
  await setup.getByLabel("First day").fill("2010-06-25");
  await setup.getByRole("button", { name: "Create conference" }).click();
  await setup.getByLabel("Title").fill("Making The Business Case");
  await setup.getByRole("button", { name: "Create session" }).click();
  await expect(setup.getByRole("heading", { level: 1 })).toHaveText("Making The Business Case");
  sessionUrl = setup.url();
  await setup.context().close();
});
test.afterAll(async () => {
  await server?.stop();
});

test("a presence colour like url(...) never reaches the page's CSS", async ({ browser }) => {
  const alice = await openAs(browser, sessionUrl, "Alice", { databaseUrl: db.url });
  const socket = alice.waitForEvent("websocket");
  await alice.reload();
  const sessionId = new URL((await socket).url()).pathname.split("/").pop()!;
  await expect(alice.getByTestId("sync-status")).toHaveText("Saved");
  const fetched: string[] = [];
  alice.on("request", (r) => r.url().includes("tracking-pixel") && fetched.push(r.url()));

  const mallory = await openRawCollabSocket(server.wsUrl, sessionId, {
    query: `?token=${accountToken(undefined, db.url)}`,
  });
  mallory.send(
    awarenessFrame([
      { id: 4242, clock: 1, state: { user: { name: "Mallory", color: `url(${server.url}/tracking-pixel.png)` } } },
    ]),
  );
  const entry = alice.getByTestId("presence").locator(".avatar", { hasText: "Mallory" });
  await expect(entry).toBeVisible();
  expect(await entry.locator(".avatar-dot").evaluate((el) => getComputedStyle(el).backgroundImage)).toBe("none");
  expect(fetched).toEqual([]);
  mallory.close();
  await expect(entry).toHaveCount(0);
  await alice.context().close();
});

test("signing out in one tab ends the editor's connection in another; other sessions stay", async ({ browser }) => {
  const alice = await openAs(browser, sessionUrl, "Alice", { databaseUrl: db.url });
  const bob = await openAs(browser, sessionUrl, "Bob", { databaseUrl: db.url });
  const account = await bob.context().newPage();
  await account.goto(`${server.url}/account`);
  await account.getByRole("button", { name: "Sign out" }).click();
  await expect(account).toHaveURL(/\/login/);
  await expect(bob.getByTestId("sync-status")).toHaveText("Saved on this device only");
  await expect(bob.getByTestId("sync-problem")).toContainText("lost access");
  // Alice signed in separately (another cookie session of the same account): she carries on.
  await alice.getByTestId("notes-editor").click();
  await alice.keyboard.type("still here");
  await expect(alice.getByTestId("sync-status")).toHaveText("Saved");
  await alice.context().close();
  await bob.context().close();
});
