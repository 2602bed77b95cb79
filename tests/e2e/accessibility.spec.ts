import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { graveViolations } from "./grave-violations";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { apiAs } from "./api-as";
import { caretToEnd } from "./caret-to-end";
import { accountToken, signIn } from "./sign-in";
import { WIDTHS } from "./shoot";
import { smallTapTargets } from "./tap-targets";

/**
 * Accessibility measured (ARCHITECTURE.md, "Accessibility"): every page, the editor included, checked
 * with axe-core (WCAG 2.2 A/AA rules) at desktop (1280 px) and phone (390 px)
 * width, in the light and the dark colour scheme; zero serious or critical
 * violations. What axe counts for each page is logged (`[axe]` lines) so a
 * change can be compared with the last run.
 */
const NOTES = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/notes/panel.txt"), "utf8");
const SCHEMES = ["light", "dark"] as const;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let member: Page;
let conf = "";
let session = "";
let speaker = "";

test.beforeAll(async ({ browser, request }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => window.localStorage.setItem("talknotes:name", "Alice"));
  member = await context.newPage();
  await signIn(member);
  const token = accountToken();
  const created = await apiAs(request, token, "post", "/conferences", {
    name: `Axe Camp ${Date.now().toString(36)}`,
    location: "Portland, OR",
    startsOn: "2021-10-09",
    hashtag: "#axecamp",
  });
  conf = (created.conference as { slug: string }).slug;
  const imported = await apiAs(request, token, "post", `/conferences/${conf}/import-notes`, NOTES);
  session = (imported.session as { slug: string }).slug;
  // Live: the editor stays writable and the public pages exist.
  await apiAs(request, token, "patch", `/conferences/${conf}/sessions/${session}`, { status: "live" });
  const res = await request.get(`/c/${conf}/${session}`);
  const html = await res.text();
  speaker = /href="(\/c\/[^"]+\/people\/[^"]+)"/.exec(html)![1]!;
});

test.afterAll(async () => {
  await member?.context().close();
});

/** Runs axe at both widths in both schemes on `page` (already loaded) and expects no serious or critical violation. */
async function audit(
  page: Page,
  label: string,
  ready: (page: Page) => Promise<void>,
  tapTargets: boolean,
): Promise<void> {
  const failures: string[] = [];
  const counts: string[] = [];
  for (const [width, size] of Object.entries(WIDTHS)) {
    for (const colorScheme of SCHEMES) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await ready(page);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      counts.push(
        `${width}/${colorScheme}: ${grave.reduce((n, v) => n + v.nodes.length, 0)} serious+critical, ${violations.reduce((n, v) => n + v.nodes.length, 0)} in all`,
      );
      for (const v of grave) {
        for (const node of v.nodes)
          failures.push(
            `${width}/${colorScheme} ${v.id} (${v.impact}): ${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(0, 2).join(" ")}`,
          );
      }
      for (const v of violations.filter((x) => !grave.includes(x))) {
        for (const node of v.nodes)
          console.log(`[axe] ${label} ${width}/${colorScheme} minor ${v.id} (${v.impact}): ${node.target.join(" ")}`);
      }
    }
  }
  console.log(`[axe] ${label}: ${counts.join("; ")}`);
  await page.setViewportSize(WIDTHS.phone);
  const small = await smallTapTargets(page);
  console.log(`[tap] ${label}: ${small.length} under 44 px${small.length ? `: ${small.join("; ")}` : ""}`);
  if (tapTargets) expect.soft(small, `${label}: controls under 44 px at phone width`).toEqual([]);
  expect.soft(failures, `${label}:\n${failures.join("\n")}`).toEqual([]);
}

/**
 * Loads `url` once in `page`, then audits it; `tapTargets: false` only logs
 * the controls under 44 px at phone width instead of expecting none.
 */
async function auditUrl(
  page: Page,
  label: string,
  url: string,
  options: { ready?: (page: Page) => Promise<void>; tapTargets?: boolean } = {},
): Promise<void> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  await audit(page, label, options.ready ?? (async () => {}), options.tapTargets ?? true);
}

async function signedOut(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

// One test per page pair: each audit is four axe runs, and seven pages in one test outran its timeout under load.
test("workspace list and conference workspace", async () => {
  await auditUrl(member, "workspace list", "/");
  await auditUrl(member, "conference workspace", `/conferences/${conf}`);
});

test("conference details and members", async () => {
  await auditUrl(member, "conference details", `/conferences/${conf}/details`);
  await auditUrl(member, "members", `/conferences/${conf}/members`);
});

test("imports and account", async () => {
  await auditUrl(member, "import notes", `/conferences/${conf}/import`);
  await auditUrl(member, "import schedule", `/conferences/${conf}/schedule`);
  await auditUrl(member, "account", "/account");
});

test("publishing page", async () => {
  await auditUrl(member, "publishing", `/conferences/${conf}/publishing`);
});

test("session editor", async () => {
  // The editor's phone capture bar is reworked separately; its tap targets are logged, not yet required.
  await auditUrl(member, "session editor", `/conferences/${conf}/sessions/${session}`, {
    ready: (page) => expect(page.getByTestId("sync-status")).toHaveText("Saved"),
    tapTargets: false,
  });
  await auditUrl(member, "session details", `/conferences/${conf}/sessions/${session}/details`);
});

test("editor: chips read as names, the toolbar works by keyboard, the sync status speaks only on change", async () => {
  const page = member;
  // The block toolbar is the keyboard's (phones get the capture bar); the audits above may have left the phone width.
  await page.setViewportSize(WIDTHS.desktop);
  await page.goto(`/conferences/${conf}/sessions/${session}`);
  const editor = page.getByTestId("notes-editor");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  // An attributed answer is heard as "Amara Okafor, Tidewater Labs: …", a question as a question.
  const answer = editor.locator("p", { hasText: "if you are afraid to deploy on Friday" });
  expect(await answer.ariaSnapshot()).toMatch(/Amara Okafor, Tidewater Labs: .*if you are afraid to deploy on Friday/);
  const question = editor.locator("p", { hasText: "Should we deploy on Fridays at all?" });
  expect(await question.ariaSnapshot()).toMatch(/^- paragraph: "?Question: Should we deploy on Fridays at all\?/);

  // Opening the editor announced nothing; typing announces nothing either.
  const announcement = page.getByTestId("sync-announcement");
  await expect(announcement).toHaveText("");
  await page.evaluate(() => {
    const w = window as unknown as { __announced: string[] };
    w.__announced = [];
    const region = document.querySelector("[data-testid=sync-announcement]")!;
    new MutationObserver(() => w.__announced.push(region.textContent ?? "")).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await caretToEnd(page, editor);
  await page.keyboard.press("Enter");
  await page.keyboard.type("keyboard only, twenty-odd keystrokes");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");

  // The toolbar by keyboard alone: arrows move between buttons, Enter applies to the block the caret was in.
  const toolbar = page.getByRole("toolbar", { name: "Notes structure" });
  await toolbar.getByRole("button", { name: "Question" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Who" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Tip" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editor.locator('[data-type="tip"]', { hasText: "keyboard only, twenty-odd keystrokes" })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  expect(await page.evaluate(() => (window as unknown as { __announced: string[] }).__announced)).toEqual([]);

  // Losing and regaining the network is announced, once each.
  await page.context().setOffline(true);
  await expect(announcement).toHaveText("Offline: edits are kept on this device");
  await page.context().setOffline(false);
  await expect(announcement).toHaveText("Connected: edits are saved on the server");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  // Each change said once, in words about the connection (never a count of edits); "Reconnecting" may come between.
  const heard = await page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
  expect(heard[0]).toBe("Offline: edits are kept on this device");
  expect(heard.at(-1)).toBe("Connected: edits are saved on the server");
  expect(heard.every((t, i) => t !== heard[i - 1])).toBe(true);
  expect(
    heard.every((t) =>
      [
        "Offline: edits are kept on this device",
        "Reconnecting: edits are kept on this device",
        "Connected: edits are saved on the server",
      ].includes(t),
    ),
  ).toBe(true);
});

test("menus: named, keyboard-operable, focus comes back on Escape, clean when open", async () => {
  const page = member;
  await page.goto(`/conferences/${conf}/sessions/${session}`);
  // The page's scripts are running (a key pressed on a button before hydration does nothing).
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  const exportButton = page.getByRole("button", { name: "Export", exact: true });
  await exportButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Export" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: /HTML page/ })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: /Copy HTML/ })).toBeFocused();
  expect(await graveViolations(page, ".menu")).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  // In the session editor, Escape gives the keyboard back to the notes (the next words must not be lost);
  // pages without an editor put it back on the menu's button (below).
  await expect(page.getByTestId("notes-editor")).toBeFocused();

  await page.goto(`/conferences/${conf}`);
  const siteButton = page.getByRole("button", { name: "Export site", exact: true });
  await siteButton.click();
  await expect(siteButton).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: /Hugo site/ })).toBeVisible();
  expect(await graveViolations(page, "#site-export-popover")).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(siteButton).toHaveAttribute("aria-expanded", "false");
  await expect(siteButton).toBeFocused();
});

test("sign-in and sign-up", async ({ browser }) => {
  const page = await signedOut(browser);
  await auditUrl(page, "sign-in", "/login");
  await auditUrl(page, "sign-up", "/signup");
  await page.context().close();
});

test("blog index", async ({ browser }) => {
  await auditUrl(await signedOut(browser), "blog index", `/c/${conf}/blog`);
});

test("public pages", async ({ browser }) => {
  const page = await signedOut(browser);
  await auditUrl(page, "public agenda", `/c/${conf}`);
  await auditUrl(page, "public session", `/c/${conf}/${session}`);
  // Thread by thread: each question is a heading heard as a question; each answer names its speaker in full.
  const notes = page.locator("#notes");
  await expect(
    notes.getByRole("heading", { level: 3, name: /^Question: Should we deploy on Fridays at all\?/ }),
  ).toBeVisible();
  expect(await notes.getByRole("article").count()).toBeGreaterThanOrEqual(3);
  const answer = notes.getByRole("listitem").filter({ hasText: "if you are afraid to deploy on Friday" });
  expect(await answer.ariaSnapshot()).toMatch(
    /link "Amara Okafor, Tidewater Labs"[\s\S]*: .*if you are afraid to deploy on Friday/,
  );
  // Live updates are announced politely and batched: nothing as each note arrives, then one summary.
  await member.goto(`/conferences/${conf}/sessions/${session}`);
  const editor = member.getByTestId("notes-editor");
  await expect(member.getByTestId("sync-status")).toHaveText("Saved");
  await caretToEnd(member, editor);
  await member.keyboard.press("Enter");
  await member.keyboard.type("first live line");
  await expect(notes).toContainText("first live line");
  await expect(page.getByTestId("notes-news")).toHaveText("");
  await member.keyboard.press("Enter");
  await member.keyboard.type("second live line");
  await expect(notes).toContainText("second live line");
  await expect(page.getByTestId("notes-news")).toHaveText("2 new notes", { timeout: 20_000 });
  // The chart is a table (its bars are decoration), named by its caption.
  await expect(
    page.getByRole("table", { name: "Statements and words per person" }).getByRole("rowheader").first(),
  ).toBeVisible();
  await page.context().close();
});

test("speaker and search pages", async ({ browser }) => {
  const page = await signedOut(browser);
  await auditUrl(page, "speaker", speaker);
  await auditUrl(page, "search", `/c/${conf}/search?q=deploy`);
  await page.context().close();
});

test("session embed, light and dark", async ({ browser }) => {
  const page = await signedOut(browser);
  await auditUrl(page, "session embed", `/embed/${conf}/${session}`);
  await auditUrl(page, "session embed (dark, accent)", `/embed/${conf}/${session}?theme=dark&accent=%23b35c00`);
  await page.context().close();
});
