import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { signIn } from "./sign-in";

/**
 * The Import dialog (ARCHITECTURE.md, "Importing notes"): paste a 2010-style post, check the recognised
 * structure, fix an attribution, create the session, open it in the editor.
 */
const NOTES = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/notes/panel.txt"), "utf8");

test("import: paste, preview the structure, fix an attribution, create the session", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.addInitScript(() => window.localStorage.setItem("talknotes:name", "Importer"));
  await signIn(page);
  await page.goto("/");
  await page.getByLabel("Name").fill("Harbour Ops Camp");
  await page.getByRole("button", { name: "Create conference" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Harbour Ops Camp");
  await page.getByRole("link", { name: "Import notes" }).click();

  // Refused input first: an empty form explains itself.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator(".form-error")).toContainText("Paste the notes");

  await page.getByLabel(/Paste notes/).fill(NOTES);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(preview.getByLabel("Title")).toHaveValue("Shipping On Fridays");
  await expect(preview.getByTestId("import-person").first().getByLabel("Name")).toHaveValue("Amara Okafor");
  for (const [label, width] of [
    ["desktop", 1280],
    ["phone", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: path.resolve(import.meta.dirname, `../.artifacts/screenshots/07-import-preview-${label}.png`),
      fullPage: true,
    });
  }
  // Hostile text in the notes shows as text: no dialog, no injected image.
  await expect(preview).toContainText("<script>alert(1)</script>");
  expect(await page.locator("img[src='x']").count()).toBe(0);

  // The importer's least sure guesses come first, each with its fix beside it: "Amar" was read as
  // Amara Okafor (the start of her name); say it was someone else by making it unattributed there.
  const guesses = preview.getByTestId("import-guesses");
  const rows = guesses.getByTestId("import-guess");
  await expect(rows.first()).toContainText('50% "Priya" is not in the panel or speaker list');
  await expect(rows.nth(1)).toContainText('70% "Amar" read as Amara Okafor');
  await rows.nth(1).getByLabel("Speaker").selectOption("");
  const amar = preview.getByTestId("import-statement").filter({ hasText: "render it as text" });
  await expect(amar.getByLabel("Speaker")).toHaveValue("");

  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shipping On Fridays");
  await expect(page.getByTestId("notes-editor")).toContainText("small batches make the day of the week irrelevant");
  await expect(page.locator(".chip-person").first()).toBeVisible();

  const res = await page.request.get(`${new URL(page.url()).pathname}/export/json`);
  const doc = (await res.json()) as TalkNotesDocument;
  expect(doc.session.title).toBe("Shipping On Fridays");
  expect(doc.people.map((p) => [p.name, p.role])).toEqual(
    expect.arrayContaining([
      ["Amara Okafor", "panelist"],
      ["Dana Whitfield", "moderator"],
    ]),
  );
  const json = JSON.stringify(doc.blocks);
  expect(json).toContain("render it as text");
  const fixed = doc.blocks
    .flatMap((b) => (b.type === "question" ? b.answers : []))
    .find((b) => b.type === "statement" && b.text.includes("render it as text"));
  expect(fixed && fixed.type === "statement" ? fixed.speaker : "missing").toBeNull();
  expect(dialogs).toBe(0);
});
