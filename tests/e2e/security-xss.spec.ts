import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { type E2eAccount, accountToken, signIn } from "./sign-in";

/**
 * docs/SECURITY.md, "Hostile content": XSS payloads in every user-controlled field (conference name,
 * place, hashtag; session title and room; people's names and affiliations;
 * notes; an imported notes file) are inert everywhere they are rendered: the
 * workspace, the editor, public pages, the feed and every export. No dialog
 * may open and no injected element may exist. javascript: and data: links
 * never become links.
 */
const ACCOUNT: E2eAccount = { name: "XSS Tester", email: "xss@e2e.test", password: "xss-e2e-password-1" };
const MARK = "tnxss";
const P = {
  img: `<img src=x onerror="window.__xss='${MARK}'" data-xss="1">`,
  script: `<script data-xss="1">window.__xss='${MARK}'</script>`,
  svg: `<svg data-xss="1" onload="window.__xss='${MARK}'"></svg>`,
  attr: `" onmouseover="window.__xss='${MARK}'" data-xss="1" x="`,
};

let token = "";
let conf = "";
let session = "";
let sessionId = "";

async function api(request: APIRequestContext, method: "post" | "patch", path: string, data: unknown) {
  const res = await request[method](`/api/v1${path}`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(typeof data === "string" ? { "content-type": "text/plain" } : {}),
    },
    data: data as never,
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function expectInert(page: Page, what: string) {
  expect(await page.locator("[data-xss]").count(), `${what}: injected elements`).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null),
    `${what}: script ran`,
  ).toBeNull();
  const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(
    links.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)),
    `${what}: dangerous links`,
  ).toEqual([]);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  token = accountToken(ACCOUNT);
  const created = (await api(request, "post", "/conferences", {
    name: `Conf ${P.img}${P.script}`,
    location: `Place ${P.svg}`,
    hashtag: `#tag${P.attr}`,
    startsOn: "2021-10-09",
  })) as { conference: { slug: string } };
  conf = created.conference.slug;
  const notes = [
    `Talk notes: Title ${P.script} (#Harbour ${P.img})`,
    "",
    `Shipping ${P.img} On Fridays`,
    "",
    `Amara ${P.svg} Okafor, Tidewater ${P.script} Labs (VP ${P.attr})`,
    `Bruno Castellanos, Quayside ${P.img} Bank`,
    "",
    `Moderator: Dana ${P.img} Whitfield`,
    "",
    `  • Should we deploy on Fridays ${P.script}?`,
    `    • Amara: "yes ${P.img} always" [click me](javascript:window.__xss='${MARK}') and [data](data:text/html,<script>alert(1)</script>)`,
    `    • Bruno: see <a href="javascript:window.__xss='${MARK}'">this link</a> and ${P.attr}`,
    "",
  ].join("\n");
  const imported = (await api(request, "post", `/conferences/${conf}/import-notes`, notes)) as {
    session: { slug: string; id: string };
  };
  session = imported.session.slug;
  sessionId = imported.session.id;
  await api(request, "patch", `/conferences/${conf}/sessions/${session}`, { status: "published" });
  const room = (await api(request, "post", `/conferences/${conf}/sessions`, {
    title: `Room test ${P.img}`,
    room: `Hall ${P.script}`,
    kind: "talk",
  })) as {
    session: { slug: string };
  };
  await api(request, "patch", `/conferences/${conf}/sessions/${room.session.slug}`, { status: "live" });
});

test("payloads are inert in the workspace, the editor, public pages, the feed and every export", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() =>
    window.localStorage.setItem("talknotes:name", "Tester <img src=x onerror=alert(1) data-xss=1>"),
  );
  await signIn(page, { account: ACCOUNT });

  await page.goto("/");
  await expect(page.getByText("Conf <img", { exact: false }).first()).toBeVisible();
  await expectInert(page, "home");

  await page.goto(`/conferences/${conf}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<img src=x");
  await expectInert(page, "conference page");

  await page.goto(`/conferences/${conf}/sessions/${session}`);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect(page.getByTestId("notes-editor")).toContainText("always");
  await expectInert(page, "editor");

  // Typed and pasted payloads in the live editor.
  const editor = page.getByTestId("notes-editor");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(`typed ${P.img}`);
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "pasted");
    const target = document.querySelector("[data-testid=notes-editor]")!;
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, `<p>pasted <a href="javascript:window.__xss='${MARK}'">js link</a> <a href="data:text/html,hi">data link</a> <a href="https://example.org/ok">ok link</a> <img src=x onerror="window.__xss='${MARK}'" data-xss="1"><script>window.__xss='${MARK}'</script></p>`);
  await expect(editor).toContainText("js link");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expectInert(page, "editor after typing and pasting");
  expect(await editor.locator('a[href="https://example.org/ok"]').count()).toBe(1);

  for (const path of [
    `/c/${conf}`,
    `/c/${conf}/${session}`,
    `/c/${conf}/search?q=${encodeURIComponent("always")}`,
    `/c/${conf}/search?q=${encodeURIComponent(P.img)}`,
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expectInert(page, path);
  }
  await page.goto(`/c/${conf}/${session}`);
  const people = await page
    .locator(`a[href^="/c/${conf}/people/"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  for (const href of people.slice(0, 3)) {
    await page.goto(href);
    await expectInert(page, href);
  }

  // The feed is XML: payloads must arrive escaped, never as markup.
  const feed = await page.request.get(`/c/${conf}/feed.xml`);
  expect(feed.status()).toBe(200);
  const xml = await feed.text();
  expect(xml).not.toContain("<img src=x");
  expect(xml).not.toContain("<script");
  expect(xml).not.toMatch(/href="\s*javascript:/i);

  // Every export, opened as a page in the browser (the worst case) and inspected as text.
  for (const format of ["html", "fragment", "md", "json"]) {
    const url = `/conferences/${conf}/sessions/${session}/export/${format}`;
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    const body = await res.text();
    // Markdown front matter holds the raw values as data (YAML strings); the layouts Talknotes ships
    // escape them ({{ page.title | escape }}, Hugo's html/template). Everything rendered as text is escaped.
    const rendered = format === "md" ? body.slice(body.indexOf("\n---\n", 4) + 5) : body;
    expect(rendered, url).not.toMatch(/<(img|script|svg)\b/i);
    if (format === "html" || format === "fragment") {
      expect(body, url).not.toMatch(/href="\s*(javascript|data):/i);
      expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
    }
    await page.goto(`${url}?inline=1`);
    await expectInert(page, `${url}?inline=1`);
  }
  await page.setContent(await (await page.request.get(`/conferences/${conf}/sessions/${session}/export/html`)).text());
  await expectInert(page, "exported HTML page rendered as a document");

  expect(dialogs).toEqual([]);
  expect(sessionId).not.toBe("");
});
