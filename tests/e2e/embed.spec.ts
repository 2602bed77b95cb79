import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Page, expect, test } from "@playwright/test";
import { caretToEnd } from "./caret-to-end";
import { signIn } from "./sign-in";

/**
 * Live notes on a conference website (docs/embed.md), in real Chromium: the Embed
 * panel's snippet pasted into a page served from another origin shows the
 * notes and follows a note-taker's typing live, and the frame grows with
 * them; drafts are not embeddable; other pages refuse to be framed; a block
 * starred in the editor is listed under Key moments on the public page and
 * in the embed.
 */
test.describe.configure({ mode: "serial" });

let editor: Page;
let conf = "";
let liveSlug = "";
let draftSlug = "";
let snippet = "";
let host: http.Server;
let hostUrl = "";

async function createSession(page: Page, title: string): Promise<string> {
  await page.goto(`/conferences/${conf}`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Room").fill("Room A");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname.split("/")[4]!;
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => window.localStorage.setItem("talknotes:name", "Ella"));
  editor = await context.newPage();
  await signIn(editor);
  await editor.goto("/");
  const name = `Embed Summit ${Date.now().toString(36)}`;
  await editor.getByLabel("Name").fill(name);
  await editor.getByRole("button", { name: "Create conference" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(name);
  conf = new URL(editor.url()).pathname.split("/")[2]!;
  draftSlug = await createSession(editor, "Still A Draft");
  liveSlug = await createSession(editor, "Streaming Keynote");
  await editor.getByTestId("notes-editor").click();
  await editor.keyboard.type("Opening: the keynote starts with a demo.");
  await expect(editor.getByTestId("sync-status")).toHaveText("Saved");
  await editor.getByLabel("Status").selectOption("live");
  await expect(editor.getByRole("link", { name: "View public page" })).toBeVisible();
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
});

test("the session page's Embed panel offers the iframe snippet with a copy button", async () => {
  await editor.getByText("Embed", { exact: true }).click();
  const code = editor.getByTestId("embed-code").first();
  await expect(code).toHaveValue(new RegExp(`^<iframe src="http://127\\.0\\.0\\.1:\\d+/embed/${conf}/${liveSlug}"`));
  await editor.getByLabel("Theme").selectOption("dark");
  await expect(code).toHaveValue(new RegExp(`/embed/${conf}/${liveSlug}\\?theme=dark"`));
  // The room's embed is offered too.
  await expect(editor.getByTestId("embed-code").nth(1)).toHaveValue(/\/embed\/[^"]+\/rooms\/Room%20A\?theme=dark"/);
  const copy = editor.getByTitle("Copy the embed code: This session");
  await copy.click();
  await expect(copy).toHaveText(/Copied|Select and copy/);
  snippet = await code.inputValue();
  await editor.getByText("Embed", { exact: true }).click(); // closes the panel
});

test("the embed works on a page of another origin, grows with the notes and follows a co-editor live", async ({
  browser,
}) => {
  // A conference site: another origin (another host name and port) serving the pasted snippet.
  host = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!DOCTYPE html><html><head><title>Conference site</title></head><body><h1>Our conference</h1>\n${snippet}\n<p id="after">After the notes</p></body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;

  const context = await browser.newContext({ colorScheme: "light" });
  const reader = await context.newPage();
  await reader.goto(hostUrl);
  const frame = reader.frameLocator("iframe");
  await expect(frame.locator("#notes")).toContainText("the keynote starts with a demo.");
  await expect(frame.locator("html")).toHaveAttribute("data-theme", "dark");
  // theme=dark on a light system: the dark palette of app/globals.css, forced (--bg and --text).
  await expect(frame.locator("body")).toHaveCSS("background-color", "rgb(21, 23, 26)");
  await expect(frame.locator(".pub-head h1 a")).toHaveCSS("color", "rgb(233, 231, 226)");
  await expect(frame.getByTestId("live-indicator")).toHaveText("Updating live");
  // The host's few lines took the embed's height: the frame is as tall as its content.
  const iframe = reader.locator("iframe");
  await expect.poll(() => iframe.evaluate((f: HTMLIFrameElement) => f.style.height)).toMatch(/^\d+px$/);
  const heightBefore = await iframe.evaluate((f: HTMLIFrameElement) => parseInt(f.style.height, 10));
  const contentHeight = await frame
    .locator("#embed-root")
    .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  expect(heightBefore).toBe(contentHeight);

  const token = `from-the-stage-${Date.now().toString(36)}`;
  await caretToEnd(editor, editor.getByTestId("notes-editor"));
  for (const line of [`Live line ${token}`, "A second line", "A third line", "A fourth line"]) {
    await editor.keyboard.press("Enter");
    await editor.keyboard.type(line);
  }
  await expect(frame.locator("#notes")).toContainText(token);
  await expect(frame.locator("#notes")).toContainText("A fourth line");
  await expect
    .poll(() => iframe.evaluate((f: HTMLIFrameElement) => parseInt(f.style.height, 10)))
    .toBeGreaterThan(heightBefore);
  // Links leave the frame (the pages they open refuse frames).
  await expect(frame.locator("h1 a")).toHaveAttribute("href", new RegExp(`/c/${conf}/${liveSlug}$`));
  expect(await frame.locator("base").getAttribute("target")).toBe("_blank");
  await context.close();
});

test("a draft is not embeddable, and pages other than embeds refuse frames", async ({ request, browser }) => {
  expect((await request.get(`/embed/${conf}/${draftSlug}`)).status()).toBe(404);
  for (const path of [`/c/${conf}/${liveSlug}`, `/conferences/${conf}`, "/login"]) {
    const res = await request.get(path);
    expect(res.headers()["x-frame-options"], path).toBe("DENY");
    expect(res.headers()["content-security-policy"], path).toBe("frame-ancestors 'none'");
  }
  expect((await request.get(`/embed/${conf}/${liveSlug}`)).headers()["content-security-policy"]).toBe(
    "frame-ancestors *",
  );
  // And Chromium honours it: the public page in a frame of the other origin stays empty.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(hostUrl);
  const base = test.info().project.use.baseURL!;
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.id = "public";
    f.src = src;
    document.body.append(f);
  }, `${base}/c/${conf}/${liveSlug}`);
  await expect(page.frameLocator("iframe").first().locator("#notes")).toBeVisible(); // the embed next to it loads
  // Chromium replaces a refused frame with its error page.
  await expect.poll(() => page.frames().map((f) => f.url())).toContain("chrome-error://chromewebdata/");
  await expect(page.frameLocator("#public").locator("#notes")).toHaveCount(0);
  await context.close();
});

test("a block starred in the editor is listed under Key moments on the public page and in the embed", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(hostUrl);
  const frame = reader.frameLocator("iframe").first();
  await expect(frame.getByTestId("live-indicator")).toHaveText("Updating live");
  await expect(frame.locator("#key-moments")).toBeHidden();

  // Toolbar star on the opening line, the keyboard shortcut on a new one.
  const notes = editor.getByTestId("notes-editor");
  await notes.getByText("Opening: the keynote starts with a demo.").click();
  await editor.getByTestId("star-block").click();
  await expect(notes.locator('[data-starred="true"]')).toHaveCount(1);
  await caretToEnd(editor, notes);
  await editor.keyboard.press("Enter");
  await editor.keyboard.type("We will open-source the scheduler");
  await editor.keyboard.press("Control+Alt+s");
  await expect(notes.locator('[data-starred="true"]')).toHaveCount(2);
  await expect(notes.locator('[data-starred="true"]').last()).toContainText("We will open-source the scheduler");
  await expect(editor.getByTestId("sync-status")).toHaveText("Saved");

  // The embed's summary follows live.
  const embedded = frame.locator("#key-moments li");
  await expect(embedded).toHaveText(["Opening: the keynote starts with a demo.", "We will open-source the scheduler"]);

  const page = await context.newPage();
  await page.goto(`/c/${conf}/${liveSlug}`);
  const moments = page.getByRole("region", { name: "Key moments" });
  await expect(moments.getByRole("listitem")).toHaveText([
    "Opening: the keynote starts with a demo.",
    "We will open-source the scheduler",
  ]);
  await moments.getByRole("link", { name: "We will open-source the scheduler" }).click();
  await expect(page.locator(":target")).toContainText("We will open-source the scheduler");
  await context.close();
});
