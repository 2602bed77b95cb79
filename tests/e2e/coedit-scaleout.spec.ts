import { expect, test } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { type ScaledDeployment, startScaledDeployment } from "../support/scaled-deployment";
import type { RunningServer } from "../support/server-process";
import { testServices } from "../support/test-services";
import { caretToEnd } from "./caret-to-end";
import { notesText } from "./notes-text";

/**
 * Two browsers co-edit one session through two different instances on
 * PostgreSQL + Redis (ARCHITECTURE.md, "Scale-out"): each sees the other's text and caret, which
 * crossed instances on the Redis bus. Runs its own two instances (the shared
 * webServer is one SQLite process); needs the test PostgreSQL that
 * scripts/test.sh starts (`npx tsx scripts/test-services.ts npx playwright test <this file>`).
 */
const { postgresUrl, missing } = testServices();
test.skip(!postgresUrl, `needs PostgreSQL and Redis: ${missing}`);

let deployment: ScaledDeployment;
const account = { name: "Scaled Editor", email: "scaled-editor@e2e.test" };
let password: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  deployment = await startScaledDeployment(postgresUrl!, 2);
  const { getPrisma } = await import("../../server/db/prisma");
  const { seedAccount } = await import("../support/auth-seed");
  const conference = await getPrisma().conference.findUniqueOrThrow({ where: { slug: deployment.conferenceSlug } });
  password = (await seedAccount({ ...account, conferenceId: conference.id, role: "editor" })).password;
});
test.afterAll(async () => {
  await deployment?.stop();
});

/** A note-taker called `name` in a fresh browser, signed in through the real form on `server`, on the session's editor. */
async function openOn(browser: Browser, server: RunningServer, name: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript((n) => window.localStorage.setItem("talknotes:name", n), name);
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${server.url}/conferences/${deployment.conferenceSlug}/sessions/${deployment.sessionSlug}`);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  return page;
}

test("two co-editors on two instances see each other's text and caret", async ({ browser }) => {
  test.setTimeout(120_000);
  const [one, two] = deployment.servers as [RunningServer, RunningServer];
  const alice = await openOn(browser, one, "Alice");
  const bob = await openOn(browser, two, "Bob");
  const aliceEditor = alice.getByTestId("notes-editor");
  const bobEditor = bob.getByTestId("notes-editor");

  await aliceEditor.click();
  await caretToEnd(alice);
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("Typed on instance one");
  await expect(bobEditor).toContainText("Typed on instance one");
  await expect(bob.locator(".collaboration-carets__label", { hasText: "Alice" })).toBeVisible();

  await bobEditor.click();
  await caretToEnd(bob);
  await bob.keyboard.press("Enter");
  await bob.keyboard.type("Typed on instance two");
  await expect(aliceEditor).toContainText("Typed on instance two");
  await expect(alice.locator(".collaboration-carets__label", { hasText: "Bob" })).toBeVisible();

  await expect
    .poll(async () => JSON.stringify(await notesText(aliceEditor)))
    .toBe(JSON.stringify(await notesText(bobEditor)));
  await alice.context().close();
  await bob.context().close();
});
