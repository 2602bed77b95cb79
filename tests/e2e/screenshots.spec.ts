import { expect, test } from "@playwright/test";
import { addPeople } from "./add-people";
import { shoot, WIDTHS } from "./shoot";
import { signIn } from "./sign-in";

/**
 * Screenshots of every page at desktop (1280 px) and phone (390 px) width, for
 * people to look at (tests/.artifacts/screenshots). docs/screenshot.png (the
 * README's) is a copy of 04-session-editor-desktop.png, refreshed by hand.
 */

test("every page at desktop and phone width", async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem("talknotes:name", "Alice"));
  await signIn(page);
  await page.goto("/");
  await shoot(page, "01-home-empty");

  await page.getByLabel("Name").fill("DevOps Day");
  await page.getByLabel("City").fill("Santa Clara, CA");
  await page.getByLabel("First day").fill("2010-06-25");
  await page.getByLabel("Hashtag").fill("#devopsday");
  await page.getByRole("button", { name: "Create conference" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("DevOps Day");
  await shoot(page, "02-conference-empty");

  for (const [title, kind, room] of [
    ["Ignite Talks #2", "ignite", "Main hall"],
    ["Making The Business Case", "panel", "Main hall"],
  ] as const) {
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Kind").selectOption(kind);
    await page.getByLabel("Room").fill(room);
    await page.getByRole("button", { name: "Create session" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await page.goBack();
    await page.reload();
  }
  await shoot(page, "03-conference");

  await page.getByRole("link", { name: /Making The Business Case/ }).click();
  const editor = page.getByTestId("notes-editor");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await addPeople(page, [
    ["Damon Edwards", "DTO Solutions", "moderator"],
    ["Jody Mulkey", "Shopzilla", "panelist"],
    ["Rolf Andrew Russell", "ThoughtWorks", "panelist"],
    ["Kurt Milne", "IT Process Institute", "panelist"],
  ]);
  await expect(page.getByTestId("person-row")).toHaveCount(4);
  await page.getByRole("button", { name: "Done" }).click();
  await editor.click();
  const kb = page.keyboard;
  await kb.type("Q: What are the anti-patterns");
  await kb.press("Enter");
  await kb.type("@jo");
  await expect(page.getByTestId("attribution-menu")).toContainText("Jody Mulkey");
  await kb.press("Enter");
  await kb.type('"focus on what is creating the most unplanned work" ');
  await kb.press("Control+Shift+9");
  await kb.type("so cool to hear all these mentions of Visible Ops");
  await kb.press("Control+Shift+9");
  await kb.press("Enter");
  await kb.type("@rolf");
  await kb.press("Enter");
  await kb.type('"don\'t mention DevOps. Mention cycle time, throughput, feature delivery."');
  await kb.press("Enter");
  await kb.type("@kurtt");
  await kb.press("Enter");
  await kb.type('"business executives think in terms of outcomes."');
  await kb.press("Enter");
  await kb.press("Shift+Tab");
  await kb.type("Q: What should IT be measuring?");
  await kb.press("Enter");
  await kb.type("@israel");
  await expect(page.getByTestId("attribution-menu")).toContainText("Add Israel as a new person");
  await kb.press("Enter");
  await kb.type('"too many metrics. Focus on the outcomes: dollars."');
  await kb.press("Enter");
  await kb.press("Shift+Tab");
  await kb.press("Control+Alt+a");
  await kb.type("great point. Can't believe I didn't say this in my talk.");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await shoot(page, "04-session-editor");

  // The shortcut sheet is for keyboards: its button is in the desktop toolbar (phones have the capture bar).
  await page.setViewportSize(WIDTHS.desktop);
  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(page.getByTestId("shortcut-sheet")).toBeVisible();
  await shoot(page, "04b-shortcut-sheet");
  await page.keyboard.press("Escape");
  await page.setViewportSize(WIDTHS.desktop);
  await page.getByRole("button", { name: "History", exact: true }).click();
  await page.getByLabel("Name this version").fill("Before Q&A");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("revision-list").getByText("Before Q&A")).toBeVisible();
  await shoot(page, "04c-history-panel");
  await page.keyboard.press("Escape");

  await page.goto("/");
  await shoot(page, "05-home");
  await page.goto("/conferences/nope");
  await shoot(page, "06-not-found");

  // The rest of the workspace: members, importing notes and schedules, the account.
  const conference = "/conferences/devops-day";
  for (const [path, name] of [
    [`${conference}/members`, "08-members"],
    [`${conference}/import`, "08b-import-notes"],
    [`${conference}/schedule`, "08c-import-schedule"],
    ["/schedule/import", "08d-new-conference-from-schedule"],
    ["/account", "08e-account"],
    [`${conference}/publishing`, "08f-publishing"],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await shoot(page, name);
  }
});

test("sign-in and sign-up pages at desktop and phone width", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
  await shoot(page, "09-login");
  await page.goto("/signup");
  await shoot(page, "09b-signup");
  await page.context().close();
});
