import { type Browser, type Page, expect, test } from "@playwright/test";
import { apiAs } from "./api-as";
import { shoot } from "./shoot";
import { type E2eAccount, accountToken, signIn } from "./sign-in";

/**
 * The Publishing page's "Add …" forms, in real Chromium against the real
 * server: an owner adds a WordPress blog, a Ghost blog and a Git-hosted site
 * through the forms and sees each listed with what it stored (credentials
 * never shown); input the server refuses is explained next to the form and
 * adds nothing.
 */
const OWNER: E2eAccount = {
  name: "Petra Publisher",
  email: "owner.publishing@e2e.test",
  password: "owner-publishing-e2e-password",
};
const GHOST_KEY = `${"a1".repeat(12)}:${"b2".repeat(32)}`;
let token = "";

test.beforeAll(() => {
  token = accountToken(OWNER);
});

async function publishingPage(browser: Browser, conferenceName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, { account: OWNER });
  const created = (await apiAs(page.request, token, "post", "/conferences", {
    name: conferenceName,
    location: "Lisbon",
    startsOn: "2026-06-12",
  })) as { conference: { slug: string } };
  await page.goto(`/conferences/${created.conference.slug}/publishing`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publishing");
  return page;
}

/** The listed destination named `name`. */
const listed = (page: Page, name: string) =>
  page.getByTestId("destination").filter({ has: page.getByRole("heading", { name, exact: true }) });

test("an owner adds a WordPress blog, a Ghost blog and a Git-hosted site through the forms", async ({ browser }) => {
  const page = await publishingPage(browser, "Destination Camp");
  await expect(page.getByText("No destinations yet")).toBeVisible();

  const wordpress = page.getByTestId("new-wordpress");
  await wordpress.getByLabel("Name", { exact: true }).fill("Team blog");
  await wordpress.getByLabel("Site address").fill("https://blog.example.org/");
  await wordpress.getByLabel("User name").fill("editor");
  await wordpress.getByLabel("Application password").fill("abcd efgh ijkl mnop");
  await wordpress.getByLabel("Posts are").selectOption("publish");
  await wordpress.getByLabel("Publish automatically when a session is published").check();
  await wordpress.getByRole("button", { name: "Add blog" }).click();
  const wp = listed(page, "Team blog");
  await expect(wp).toContainText("WordPress");
  await expect(wp).toContainText("https://blog.example.org as editor, published");
  await expect(wp).toContainText("credential stored");
  await expect(wp.getByTestId("auto-publish-state")).toHaveText("publishes automatically");
  await expect(wordpress.getByRole("alert")).toHaveCount(0);

  const ghost = page.getByTestId("new-ghost");
  await ghost.getByLabel("Name", { exact: true }).fill("Ghost notes");
  await ghost.getByLabel("Site address").fill("https://notes.example.org");
  await ghost.getByLabel("Admin API key").fill(GHOST_KEY);
  await ghost.getByRole("button", { name: "Add blog" }).click();
  const gh = listed(page, "Ghost notes");
  await expect(gh).toContainText("Ghost");
  await expect(gh).toContainText("https://notes.example.org, drafts");
  await expect(gh).toContainText("credential stored");
  await expect(gh.getByTestId("auto-publish-state")).toHaveText("publishes on request");

  const git = page.getByTestId("new-git");
  await git.getByLabel("Name", { exact: true }).fill("GitHub Pages");
  await git.getByLabel("Repository", { exact: true }).fill("https://github.com/team/notes.git");
  await git.getByLabel("Branch").fill("gh-pages");
  await git.getByLabel("Folder").fill("/site/");
  await git.getByLabel("Generator").selectOption("jekyll");
  await git.getByRole("button", { name: "Add site" }).click();
  const site = listed(page, "GitHub Pages");
  await expect(site).toContainText("Git");
  await expect(site).toContainText("Jekyll in https://github.com/team/notes.git gh-pages:site/");
  await expect(site).toContainText("no credential");

  // Listed by name; the stored credentials are never sent back to the page.
  await expect(page.getByTestId("destination").getByRole("heading")).toHaveText([
    "Ghost notes",
    "GitHub Pages",
    "Team blog",
  ]);
  await page.reload();
  await expect(page.getByTestId("destination")).toHaveCount(3);
  expect(await page.content()).not.toContain(GHOST_KEY);
  expect(await page.content()).not.toContain("abcd efgh ijkl mnop");
  await shoot(page, "08g-publishing-destinations");
  await page.context().close();
});

test("input the server refuses is explained at the form and adds no destination", async ({ browser }) => {
  const page = await publishingPage(browser, "Refusal Camp");

  // A Ghost key that is not <24 hex id>:<64 hex secret> (the browser cannot check its shape).
  const ghost = page.getByTestId("new-ghost");
  await ghost.getByLabel("Name", { exact: true }).fill("Ghost notes");
  await ghost.getByLabel("Site address").fill("https://notes.example.org");
  await ghost.getByLabel("Admin API key").fill("not-a-key");
  await ghost.getByRole("button", { name: "Add blog" }).click();
  await expect(ghost.getByRole("alert")).toContainText("Admin API key: the <id>:<secret> key of a custom integration");
  await expect(ghost.getByLabel("Name", { exact: true })).toHaveValue("Ghost notes"); // kept, to correct
  await expect(page.getByTestId("destination")).toHaveCount(0);

  // A remote through one of Git's command-running helper transports.
  const git = page.getByTestId("new-git");
  await git.getByLabel("Name", { exact: true }).fill("Sneaky site");
  await git.getByLabel("Repository", { exact: true }).fill("ext::sh -c touch% /tmp/pwned");
  await git.getByRole("button", { name: "Add site" }).click();
  await expect(git.getByRole("alert")).toContainText("Remote: an https://, ssh:// or user@host:path address");
  await expect(page.getByTestId("destination")).toHaveCount(0);

  // A name the conference already uses: the first is added, the second refused.
  const wordpress = page.getByTestId("new-wordpress");
  await wordpress.getByLabel("Name", { exact: true }).fill("Team blog");
  await wordpress.getByLabel("Site address").fill("https://blog.example.org");
  await wordpress.getByLabel("User name").fill("editor");
  await wordpress.getByLabel("Application password").fill("abcd efgh ijkl mnop");
  await wordpress.getByRole("button", { name: "Add blog" }).click();
  await expect(page.getByTestId("destination")).toHaveCount(1);
  await git.getByLabel("Name", { exact: true }).fill("Team blog");
  await git.getByLabel("Repository", { exact: true }).fill("https://github.com/team/notes.git");
  await git.getByRole("button", { name: "Add site" }).click();
  await expect(git.getByRole("alert")).toContainText('The conference already has a destination named "Team blog"');
  await page.reload();
  await expect(page.getByTestId("destination")).toHaveCount(1);
  await expect(listed(page, "Team blog")).toContainText("WordPress");
  await page.context().close();
});
