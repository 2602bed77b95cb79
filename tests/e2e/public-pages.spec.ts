import { type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { addPeople } from "./add-people";
import { shoot } from "./shoot";
import { caretToEnd } from "./caret-to-end";
import { signIn as signInAs } from "./sign-in";

/**
 * Public reading, in real Chromium against the real server: drafts
 * are 404 to the public; a live session's public page shows what an editor
 * types in another browser context without a reload (timed); public pages
 * load no editor code (every script body inspected); publish and archive from
 * the workspace; screenshots of every public page at 1280 and 390 px.
 */
const EDITOR_CODE = ["tiptap", "prosemirror", "yjs", "y-websocket"];

/** A fresh context that records every script it loads, with its body. */
async function readerContext(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; scripts: Map<string, string> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Map<string, string>();
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script") return;
    scripts.set(res.url(), await res.text().catch(() => ""));
  });
  return { context, page, scripts };
}

async function answer(page: Page, typedName: string, words: string) {
  await page.keyboard.press("Enter");
  await page.keyboard.type(`@${typedName}`);
  await expect(page.getByTestId("attribution-menu")).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type(words);
}

test.describe.configure({ mode: "serial" });

let editor: Page;
let conf = "";
let sessionSlug = "";
let publicUrl = "";

const ACCOUNT = {
  name: "Alice Organiser",
  email: "alice.public-pages@example.org",
  password: "public-pages-e2e-password",
};

/** Signs the page in (tests/e2e/sign-in.ts: the account is created through the CLI when missing). */
async function signIn(page: Page) {
  await signInAs(page, { account: ACCOUNT });
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => window.localStorage.setItem("talknotes:name", "Alice"));
  editor = await context.newPage();
  await signIn(editor);
  await editor.goto("/");
  await editor.getByLabel("Name").fill("Harbour Ops Camp");
  await editor.getByLabel("City").fill("Portland, OR");
  await editor.getByLabel("First day").fill("2021-10-09");
  await editor.getByLabel("Hashtag").fill("#harbourops");
  await editor.getByRole("button", { name: "Create conference" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Harbour Ops Camp");
  conf = new URL(editor.url()).pathname.split("/")[2]!;

  for (const [title, kind, room, starts] of [
    ["Closing Keynote", "keynote", "Main hall", "2021-10-09T17:30"],
    ["Shipping On Fridays", "panel", "Main hall", "2021-10-09T16:00"],
  ] as const) {
    await editor.getByLabel("Title").fill(title);
    await editor.getByLabel("Kind").selectOption(kind);
    await editor.getByLabel("Room").fill(room);
    await editor.getByLabel("Starts").fill(starts);
    await editor.getByRole("button", { name: "Create session" }).click();
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(title);
    if (kind === "keynote") await editor.goto(`/conferences/${conf}`);
  }
  sessionSlug = new URL(editor.url()).pathname.split("/")[4]!;
  publicUrl = `/c/${conf}/${sessionSlug}`;

  await expect(editor.getByTestId("sync-status")).toHaveText("Saved");
  await addPeople(editor, [
    ["Dana Whitfield", "Harbour Ops Camp", "moderator"],
    ["Amara Okafor", "Tidewater Labs", "panelist"],
    ["Bruno Castellanos", "Quayside Bank", "panelist"],
    ["Chen Wei-Lin", "Lantern Systems", "panelist"],
  ]);
  await expect(editor.getByTestId("person-row")).toHaveCount(4);
  await editor.getByTestId("notes-editor").click();
  const kb = editor.keyboard;
  await kb.type("Q: Should we deploy on Fridays at all?");
  await answer(editor, "amara", "if you are afraid to deploy on Friday, you are afraid to deploy. ");
  await kb.press("Control+Shift+9");
  await kb.type("bold start!");
  await kb.press("Control+Shift+9");
  await answer(editor, "bruno", "banks have change freezes for a reason. We ship Friday morning, never after lunch.");
  await answer(editor, "chen", "small batches make the day of the week irrelevant.");
  await kb.press("Enter");
  await kb.press("Shift+Tab");
  await kb.type("Q: How do you measure whether a deploy was safe?");
  await answer(editor, "chen", "error budget burn in the first hour, compared with the last ten deploys.");
  await answer(editor, "amara", "customer support tickets. They notice before the dashboards do.");
  await kb.press("Enter");
  await kb.press("Shift+Tab");
  await kb.press("Control+Alt+a");
  await kb.type("nobody mentioned feature flags, which surprised me.");
  await expect(editor.getByTestId("sync-status")).toHaveText("Saved");
});

test("a draft session and its conference are 404 to the public", async ({ request }) => {
  for (const url of [publicUrl, `/c/${conf}`, `${publicUrl}/live`, `/c/${conf}/feed.xml`, `/c/nope/${sessionSlug}`]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
  const sitemap = await (await request.get("/sitemap.xml")).text();
  // Another conference of this shared test server may have a public session with the same slug.
  expect(sitemap).not.toContain(`${publicUrl}<`);
});

test("live: a reader sees new notes within a second or two, without a reload, and loads no editor code", async ({
  browser,
  request,
}) => {
  // One step: choosing the status sets it.
  await editor.getByLabel("Status").selectOption("live");
  await expect(editor.getByRole("link", { name: "View public page" })).toBeVisible();
  expect((await request.get(publicUrl)).status()).toBe(200);

  const reader = await readerContext(browser);
  const response = await reader.page.goto(publicUrl);
  expect(response?.status()).toBe(200);
  await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText("Shipping On Fridays");
  await expect(reader.page.locator("#notes")).toContainText("small batches make the day of the week irrelevant.");
  await expect(reader.page.getByTestId("live-indicator")).toHaveText("Updating live");
  await reader.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const token = `hallway-${Date.now().toString(36)}`;
  await caretToEnd(editor, editor.getByTestId("notes-editor"));
  await editor.keyboard.press("Enter");
  await editor.keyboard.type(`Live from the hallway ${token}`);
  const typed = Date.now();
  await expect(reader.page.locator("#notes")).toContainText(token, { timeout: 5_000 });
  const latency = Date.now() - typed;
  console.log(`[live] editor -> public reader: ${latency} ms`);
  expect(latency).toBeLessThan(2_000);
  expect(await reader.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );

  // The session page loads no script file at all (its live reader is a few inline lines), and no
  // script on it, inline or not, carries editor or Yjs code.
  await reader.page.waitForLoadState("networkidle");
  expect([...reader.scripts.keys()]).toEqual([]);
  const inline = await reader.page.evaluate(() =>
    [...document.scripts].map((s) => s.src || s.textContent || "").join("\n"),
  );
  expect(inline).toContain("EventSource");
  for (const word of EDITOR_CODE)
    expect(inline.toLowerCase().includes(word), `${word} in the page's scripts`).toBe(false);
  console.log(`[live] public session page: no script files, ${Buffer.byteLength(inline)} bytes of inline script`);

  // Thread permalinks and speaker links.
  await expect(reader.page.locator("article.thread#q-1 a.permalink")).toHaveAttribute("href", "#q-1");
  await shoot(reader.page, "10-public-session-live");
  await reader.context.close();
});

test("public pages: agenda, speaker, search, feed; publish and archive from the workspace", async ({
  browser,
  request,
}) => {
  await editor.getByLabel("Status").selectOption("published");
  // The server's answer re-renders the control with the stored status's hint.
  await expect(editor.getByLabel("Status")).toHaveAttribute("title", /^Published/);

  const reader = await readerContext(browser);
  const page = reader.page;
  await page.goto(`/c/${conf}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Harbour Ops Camp");
  await expect(page.getByRole("link", { name: "Shipping On Fridays" })).toBeVisible();
  await expect(page.getByText("Closing Keynote")).toHaveCount(0); // still a draft
  await expect(page.locator(".agenda-item .badge.status-published")).toHaveCount(1);
  await shoot(page, "11-public-conference");

  await page.getByRole("link", { name: "Shipping On Fridays" }).click();
  await expect(page.getByTestId("live-indicator")).toHaveCount(0);
  await expect(page.locator(".badge.status-published")).toBeVisible();
  await expect(page.locator("#chart table")).toContainText("Amara Okafor");
  await expect(page.getByTestId("byline")).toHaveText("Notes by Alice Organiser"); // the note-taker (her account, not her caret name), credited apart from the speakers
  await shoot(page, "12-public-session");

  await page.locator("#notes a.who", { hasText: "Chen" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chen Wei-Lin");
  await expect(page.locator(".quote")).toHaveCount(2);
  await expect(page.locator(".quote-context").first()).toContainText("Should we deploy on Fridays at all?");
  await shoot(page, "13-public-speaker");

  await page.goto(`/c/${conf}/search?q=${encodeURIComponent("dashboards")}`);
  const hit = page.locator(".result-snippet a").first();
  await expect(hit).toContainText("dashboards");
  await expect(page.locator(".result-snippet mark").first()).toHaveText("dashboards");
  await shoot(page, "14-public-search");
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`${publicUrl}#s-\\d+$`));
  await expect(page.locator(":target")).toContainText("They notice before the dashboards do.");

  const feed = await request.get(`/c/${conf}/feed.xml`);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("Shipping On Fridays");

  for (const script of reader.scripts.keys())
    expect(
      EDITOR_CODE.some((w) => script.toLowerCase().includes(w)),
      script,
    ).toBe(false);
  for (const [url, body] of reader.scripts) {
    for (const word of EDITOR_CODE) expect(body.toLowerCase().includes(word), `${word} in ${url}`).toBe(false);
  }

  await editor.goto(`/conferences/${conf}`);
  // The server action must have finished before the reader looks.
  await Promise.all([
    editor.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/conferences/${conf}`)),
    editor.getByRole("button", { name: "Archive all" }).click(),
  ]);
  await page.goto(publicUrl);
  await expect(page.locator(".badge.status-archived")).toBeVisible();
  expect((await request.get(`/c/${conf}/${await keynoteSlug(request)}`)).status()).toBe(404);
  await reader.context.close();
});

test("the blog index and a session's embed, as readers and host pages see them", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/c/${conf}/blog`);
  await expect(page.getByRole("link", { name: "Shipping On Fridays" }).first()).toBeVisible();
  await shoot(page, "15-public-blog");
  await page.goto(`/embed/${conf}/${sessionSlug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Shipping On Fridays");
  await shoot(page, "16-embed");
  await page.context().close();
});

async function keynoteSlug(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const html = await (await request.get(`/conferences/${conf}`)).text();
  const m = new RegExp(`/conferences/${conf}/sessions/(closing-keynote[^"]*)"`).exec(html);
  return m?.[1] ?? "closing-keynote";
}
