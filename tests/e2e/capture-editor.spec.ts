import { TYPED_AT } from "./typed-at";
import fs from "node:fs";
import path from "node:path";
import { type Locator, type Page, expect, test } from "@playwright/test";
import { addPeople } from "./add-people";
import { caretToEnd } from "./caret-to-end";
import { newPanel } from "./create-panel";
import { notesText } from "./notes-text";
import { openAs } from "./open-as";
import type { Block, TalkNotesDocument } from "../../lib/interchange/types";

/**
 * The editor: live capture that never fights the typist (ARCHITECTURE.md,
 * "Capture"). One flow
 * per test, in real Chromium against the built app.
 */
const SHOTS = path.resolve(import.meta.dirname, "../.artifacts/screenshots");

async function exported(page: Page): Promise<TalkNotesDocument> {
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  const res = await page.request.get(`${new URL(page.url()).pathname}/export/json`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as TalkNotesDocument;
}

/** Types an attributed answer: Enter for a new answer, `@` + the name as typed, Enter to pick, then the words. */
async function answer(page: Page, typedName: string, words: string) {
  await page.keyboard.press("Enter");
  await page.keyboard.type(`@${typedName}`);
  await expect(page.getByTestId("attribution-menu")).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type(words);
}

/** The menu's box against what the note-taker can see: the visual viewport above the capture bar, if shown. */
function menuPlacement(menu: Locator) {
  return menu.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const vv = window.visualViewport!;
    const bar = document.querySelector("[data-capture-bar]")?.getBoundingClientRect();
    const bottom = bar && bar.height > 0 ? Math.min(vv.height, bar.top) : vv.height;
    return {
      top: Math.round(box.top),
      bottom: Math.round(box.bottom),
      limit: Math.round(bottom),
      inside: box.top >= 0 && box.bottom <= bottom,
    };
  });
}

test("item 1: the @ menu opens inside the screen at the end of a long document, desktop and phone", async ({
  browser,
}) => {
  const url = await newPanel(browser, "A Long Panel");
  const page = await openAs(browser, url, "Alice");
  await addPeople(page, [
    ["Jody Mulkey", "Shopzilla", "panelist"],
    ["Damon Edwards", "DTO Solutions", "moderator"],
  ]);
  await page.getByRole("button", { name: "Done" }).click();
  const editor = page.getByTestId("notes-editor");
  await editor.click();
  await caretToEnd(page);
  for (let i = 1; i <= 45; i++) {
    await page.keyboard.insertText(`Line ${i} of what the panel said about deploys`);
    await page.keyboard.press("Enter");
  }
  await expect(editor).toContainText("Line 45 of what");

  for (const [label, size, typed] of [
    ["desktop", { width: 1280, height: 800 }, "jo"],
    ["phone", { width: 390, height: 844 }, "dam"],
  ] as const) {
    await page.setViewportSize(size);
    await caretToEnd(page);
    await page.keyboard.press("Enter");
    await page.keyboard.insertText(`Typing at the end on the ${label}`);
    await page.keyboard.press("Enter");
    await page.keyboard.type(`@${typed}`);
    const menu = page.getByTestId("attribution-menu");
    await expect(menu).toBeVisible();
    // The caret is kept off the bottom edge, and the menu flips above it when there is no room below.
    await expect.poll(() => menuPlacement(menu).then((p) => p.inside), { message: label }).toBe(true);
    console.log(`[menu] ${label}: ${JSON.stringify(await menuPlacement(menu))}`);
    await page.keyboard.press("Enter");
    await page.keyboard.type(`answer on the ${label}`);
  }
  const doc = await exported(page);
  const speakers = doc.blocks
    .filter((b): b is Extract<Block, { type: "statement" }> => b.type === "statement")
    .map((b) => [doc.people.find((p) => p.id === b.speaker)?.name, b.text]);
  expect(speakers).toEqual([
    ["Jody Mulkey", "answer on the desktop"],
    ["Damon Edwards", "answer on the phone"],
  ]);
});

test("item 2: the editor has the keyboard on open and gets it back, caret in place, after every dialog, menu and panel", async ({
  browser,
}) => {
  const url = await newPanel(browser, "Focus Panel");
  const page = await openAs(browser, url, "Alice");
  const editor = page.getByTestId("notes-editor");
  // No click: the notes are focused when the session opens.
  await expect(editor).toBeFocused();
  await page.keyboard.type("First words");

  const sheet = page.getByTestId("shortcut-sheet");
  await page.keyboard.press("Control+/");
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await page.keyboard.type(" after Esc");

  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await sheet.getByRole("button", { name: "Close" }).click();
  await expect(sheet).toBeHidden();
  await page.keyboard.type(" after Close");

  const history = page.getByTestId("history-panel");
  await page.getByRole("button", { name: "History", exact: true }).click();
  await expect(history).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(history).toBeHidden();
  await page.keyboard.type(" after History");

  await page.getByRole("button", { name: "History", exact: true }).click();
  await history.getByRole("button", { name: "Close" }).click();
  await expect(history).toBeHidden();
  await page.keyboard.type(" and again");

  await page.getByTestId("export-menu").click();
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await page.keyboard.type(" after Export");

  await page.getByTestId("export-menu").click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /Markdown post/ }).click();
  await download;
  // The menu closes once the download starts, and the keyboard is back in the notes.
  await expect(page.getByRole("menu")).toBeHidden();
  await page.keyboard.type(" after download");

  await page.getByTestId("add-person").click();
  await page.getByLabel("New person's name").fill("Jody Mulkey");
  await page.getByLabel("New person's company").press("Enter");
  await expect(page.getByTestId("person-row")).toHaveCount(1);
  await page.keyboard.type(" after adding");
  await page.getByRole("button", { name: "Done" }).click();
  await page.keyboard.type(" after Done.");

  await expect
    .poll(() => notesText(editor))
    .toEqual([
      "First words after Esc after Close after History and again after Export after download after adding after Done.",
    ]);
});

test("item 3: (note starts an aside, a trailing (…) becomes the note-taker's aside, and readers see it labelled", async ({
  browser,
}) => {
  const url = await newPanel(browser, "Aside Panel");
  const page = await openAs(browser, url, "Alice");
  await addPeople(page, [["Jody Mulkey", "Shopzilla", "panelist"]]);
  await page.getByRole("button", { name: "Done" }).click();
  const editor = page.getByTestId("notes-editor");
  await editor.click();
  await caretToEnd(page);

  // `(` and the first letter at the start of a line: an aside block, its closing bracket not doubled.
  await page.keyboard.type("(mics are too quiet)");
  await expect(editor.locator('[data-type="asideBlock"]')).toHaveText("mics are too quiet");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Q: How often do you deploy?");
  await answer(page, "jo", "every day (great point)");
  await expect(editor.locator('[data-type="statement"] span[data-type="aside"]')).toHaveText("great point");
  // A second one, taken back with one Ctrl-Z: the brackets return as the speaker's text.
  await page.keyboard.type(" with tests (or so they say)");
  await expect(editor.locator('span[data-type="aside"]')).toHaveCount(2);
  await page.keyboard.press("Control+z");
  await expect(editor.locator('span[data-type="aside"]')).toHaveCount(1);
  // (The paragraph's text starts with the speaker chip, "Jody".)
  await expect(editor.locator('[data-type="statement"] > p')).toHaveText(
    /every day great point with tests \(or so they say\)$/,
  );

  const doc = await exported(page);
  expect(doc.blocks[0]).toEqual({ type: "aside", text: "mics are too quiet", at: TYPED_AT });
  const thread = doc.blocks[1] as Extract<Block, { type: "question" }>;
  expect(thread.answers[0]).toMatchObject({
    type: "statement",
    text: "every day with tests (or so they say)",
    asides: ["great point"],
  });
  const markdown = await (await page.request.get(`${new URL(url).pathname}/export/md`)).text();
  expect(markdown).toContain('Jody: "every day with tests (or so they say)" (great point)');

  // The speaker page shows the aside outside the quote, labelled, in parentheses.
  await page.getByLabel("Status").selectOption("published");
  const publicLink = page.getByRole("link", { name: "View public page" });
  await expect(publicLink).toBeVisible();
  const reader = await browser.newPage();
  await reader.goto(new URL(url).origin + (await publicLink.getAttribute("href"))!);
  await expect(reader.locator(".reader-notes .aside").first()).toHaveText("note-taker (mics are too quiet)");
  await reader.locator(".reader-notes a.who", { hasText: "Jody" }).first().click();
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("Jody Mulkey");
  const quote = reader.locator(".quote").filter({ hasText: "every day" });
  await expect(quote.locator("blockquote")).not.toContainText("great point");
  await expect(quote.locator(".quote-asides")).toHaveText("note-taker (great point)");
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [label, width] of [
    ["desktop", 1280],
    ["phone", 390],
  ] as const) {
    await reader.setViewportSize({ width, height: 844 });
    await reader.screenshot({ path: path.join(SHOTS, `22-speaker-aside-${label}.png`), fullPage: true });
  }
  await reader.context().close();
});

test("item 4: Enter on an empty answer leaves the thread to a plain note, not a quote nobody said", async ({
  browser,
}) => {
  const url = await newPanel(browser, "Leaving Panel");
  const page = await openAs(browser, url, "Alice");
  await addPeople(page, [["Jody Mulkey", "Shopzilla", "panelist"]]);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByTestId("notes-editor").click();
  await caretToEnd(page);
  await page.keyboard.type("Q: Any last words?");
  await answer(page, "jo", "ship small batches");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Lunch break announced by the organisers");

  const doc = await exported(page);
  expect(doc.blocks.map((b) => b.type)).toEqual(["question", "note"]);
  expect(doc.blocks[1]).toEqual({
    type: "note",
    text: "Lunch break announced by the organisers",
    children: [],
    at: TYPED_AT,
  });
  const markdown = await (await page.request.get(`${new URL(url).pathname}/export/md`)).text();
  expect(markdown).toContain("\n- Lunch break announced by the organisers\n");
});

test("item 5: one Ctrl-Z undoes one block's worth of typing and never a co-editor's words", async ({ browser }) => {
  const url = await newPanel(browser, "Undo Panel");
  const alice = await openAs(browser, url, "Alice");
  const bob = await openAs(browser, url, "Bob");
  await addPeople(alice, [
    ["Jody Mulkey", "Shopzilla", "panelist"],
    ["Rolf Andrew Russell", "ThoughtWorks", "panelist"],
    ["Kurt Milne", "IT Process Institute", "panelist"],
  ]);
  await alice.getByRole("button", { name: "Done" }).click();
  await bob.getByTestId("notes-editor").click();
  await bob.keyboard.type("Bob: room is full");
  await expect(alice.getByTestId("notes-editor")).toContainText("room is full");

  await alice.getByTestId("notes-editor").click();
  await caretToEnd(alice);
  // Alice types a whole thread at speed while Bob keeps typing in his own line.
  await Promise.all([
    (async () => {
      await alice.keyboard.press("Enter");
      await alice.keyboard.type("Q: What are the anti-patterns");
      await answer(alice, "jo", "focus on unplanned work");
      await answer(alice, "rolf", "mention cycle time");
      await answer(alice, "kurt", "think in outcomes");
    })(),
    (async () => {
      await bob.keyboard.press("End");
      await bob.keyboard.type(" and warm");
    })(),
  ]);
  await expect(bob.getByTestId("notes-editor")).toContainText("think in outcomes");
  await expect(alice.getByTestId("notes-editor")).toContainText("room is full and warm");

  // (Each line's text starts with its chip: "Q" for the question, the speaker's first name for an answer.)
  const thread = ["QWhat are the anti-patterns", "Jodyfocus on unplanned work", "Rolfmention cycle time"];
  await alice.keyboard.press("Control+z");
  // The last answer's words go; its attribution stays, ready for what was really said.
  await expect
    .poll(() => notesText(alice.getByTestId("notes-editor")))
    .toEqual(["Bob: room is full and warm", ...thread, "Kurt"]);
  await alice.keyboard.press("Control+z");
  await expect
    .poll(() => notesText(alice.getByTestId("notes-editor")))
    .toEqual(["Bob: room is full and warm", ...thread]);
  await expect
    .poll(() => notesText(bob.getByTestId("notes-editor")))
    .toEqual(await notesText(alice.getByTestId("notes-editor")));
});

test("item 6: a full name typed after @ keeps the menu open while it matches and attributes; running text closes it", async ({
  browser,
}) => {
  const url = await newPanel(browser, "Full Name Panel");
  const page = await openAs(browser, url, "Alice");
  await addPeople(page, [
    ["Curtis Smith", "Globex", "panelist"],
    ["Curtis Andrews", "Initech", "panelist"],
    ["Ana María de la Torre", "Umbrella", "panelist"],
  ]);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByTestId("notes-editor").click();
  await caretToEnd(page);
  await page.keyboard.type("Q: Who carries the pager?");
  const menu = page.getByTestId("attribution-menu");

  await page.keyboard.press("Enter");
  await page.keyboard.type("@Curtis ");
  await expect(menu).toBeVisible();
  await page.keyboard.type("Andrews");
  await expect(menu.getByRole("option").first()).toContainText("Curtis Andrews");
  await page.keyboard.press("Enter");
  await page.keyboard.type("whoever wrote the code");

  // Five words: the menu is still there at the last one.
  await page.keyboard.press("Enter");
  await page.keyboard.type("@Ana María de la Tor");
  await expect(menu.getByRole("option").first()).toContainText("Ana María de la Torre");
  await page.keyboard.press("Enter");
  await page.keyboard.type("the on-call rota");

  // Words that match nobody and are not a name: the menu goes away and Enter is a new line again,
  // not a person called "Jo Said It".
  await page.keyboard.press("Enter");
  await page.keyboard.type("@jo said it");
  await expect(menu).toBeHidden();
  await page.keyboard.press("Enter");
  await page.keyboard.type("next line");

  const doc = await exported(page);
  const thread = doc.blocks[0] as Extract<Block, { type: "question" }>;
  const id = (name: string) => doc.people.find((p) => p.name === name)?.id;
  expect(thread.answers).toEqual([
    {
      type: "statement",
      speaker: id("Curtis Andrews"),
      text: "whoever wrote the code",
      asides: [],
      children: [],
      at: TYPED_AT,
    },
    {
      type: "statement",
      speaker: id("Ana María de la Torre"),
      text: "the on-call rota",
      asides: [],
      children: [],
      at: TYPED_AT,
    },
    { type: "statement", speaker: null, text: "@jo said it", asides: [], children: [], at: TYPED_AT },
    { type: "statement", speaker: null, text: "next line", asides: [], children: [], at: TYPED_AT },
  ]);
  expect(doc.people.map((p) => p.name)).toEqual(["Curtis Smith", "Curtis Andrews", "Ana María de la Torre"]);
});

test("item 7: a panel captured on a 390×844 phone with the capture bar only", async ({ browser }) => {
  const url = await newPanel(browser, "Phone Panel");
  const setup = await openAs(browser, url, "Setup");
  await addPeople(setup, [["Jody Mulkey", "Shopzilla", "panelist"]]);
  await setup.context().close();

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  await context.addInitScript(() => window.localStorage.setItem("talknotes:name", "Phone"));
  const phone = await context.newPage();
  const { signIn } = await import("./sign-in");
  await signIn(phone);
  await phone.goto(url);
  await expect(phone.getByTestId("sync-status")).toHaveText("Saved");

  const bar = phone.getByTestId("capture-bar");
  await expect(bar).toBeVisible();
  const buttons = bar.getByRole("button");
  await expect(buttons).toHaveCount(7);
  for (const button of await buttons.all()) {
    const box = (await button.boundingBox())!;
    expect(box.width, (await button.getAttribute("aria-label")) ?? "").toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  await phone.screenshot({ path: path.join(SHOTS, "22-editor-opened-phone.png") });
  const barBox = (await bar.boundingBox())!;
  expect(Math.round(barBox.y + barBox.height)).toBe(844);
  // The header is folded: the notes start in the top third of the screen, not 630 px down.
  const editor = phone.getByTestId("notes-editor");
  expect((await editor.boundingBox())!.y).toBeLessThan(844 / 3);

  const tap = (name: string) => bar.getByRole("button", { name, exact: true }).tap();
  await editor.tap();
  await caretToEnd(phone);
  await tap("Question");
  await phone.keyboard.type("What should IT be measuring?");
  await phone.keyboard.press("Enter");
  await tap("Who said it");
  await phone.keyboard.type("jo");
  await phone
    .getByTestId("attribution-menu")
    .getByRole("option", { name: /Jody Mulkey/ })
    .tap();
  await phone.keyboard.type("cycle time");
  await phone.keyboard.press("Enter");
  await phone.keyboard.type("and throughput");
  await tap("Indent");
  await phone.keyboard.press("Enter");
  await tap("Outdent");
  await tap("Aside");
  await phone.keyboard.type("great point");
  await tap("Key moment");
  await expect(editor.locator('[data-starred="true"]')).toHaveText("great point");
  await expect(editor).toBeFocused();
  await phone.screenshot({ path: path.join(SHOTS, "22-capture-phone.png") });

  const doc = await exported(phone);
  const jody = doc.people.find((p) => p.name === "Jody Mulkey")!;
  expect(doc.blocks).toEqual([
    {
      type: "question",
      text: "What should IT be measuring?",
      askedBy: null,
      at: TYPED_AT,
      answers: [
        {
          type: "statement",
          speaker: jody.id,
          text: "cycle time",
          asides: [],
          at: TYPED_AT,
          children: [
            { type: "statement", speaker: null, text: "and throughput", asides: [], children: [], at: TYPED_AT },
          ],
        },
        { type: "aside", text: "great point", starred: true, at: TYPED_AT },
      ],
    },
  ]);
  await context.close();
});

test("item 8: keys typed after Ctrl+B are bold until it is pressed again, then plain", async ({ browser }) => {
  const page = await openAs(browser, await newPanel(browser, "Marks Panel"), "Typist");
  const editor = page.getByTestId("notes-editor");
  await editor.click();
  await caretToEnd(page, editor);
  await page.keyboard.press("Enter");
  // Typed keys are inserted as transactions (insert-typed-character.ts): they take the marks the caret
  // holds, as the browser's own insertion did.
  await page.keyboard.type("plain ");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("loud");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(" quiet again");
  const line = editor.locator("p", { hasText: "plain loud quiet again" });
  await expect(line).toHaveCount(1);
  await expect(line.locator("strong")).toHaveText(["loud"]);
  await page.context().close();
});
