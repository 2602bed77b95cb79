import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { referencedPersonIds } from "../../lib/interchange/referenced-person-ids";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { signIn } from "./sign-in";

/**
 * Removing a person in the Import dialog's preview: every reference to them,
 * at any depth (answers under questions), becomes unattributed, so the
 * session is created without them and their words stay.
 */
const NOTES = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/notes/panel.txt"), "utf8");

test("import: a person removed in the preview leaves no reference behind", async ({ page }) => {
  await signIn(page);
  await page.goto("/");
  await page.getByLabel("Name").fill("Remove Person Camp");
  await page.getByRole("button", { name: "Create conference" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remove Person Camp");
  await page.getByRole("link", { name: "Import notes" }).click();

  await page.getByLabel(/Paste notes/).fill(NOTES);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  const bruno = preview.getByTestId("import-statement").filter({ hasText: "escape everything and trust nothing" });
  await expect(bruno.getByLabel("Speaker").locator("option:checked")).toHaveText(/Bruno/);

  await preview.getByRole("button", { name: "Remove Bruno Castellanos" }).click();
  await expect(preview.getByRole("button", { name: "Remove Bruno Castellanos" })).toHaveCount(0);
  await expect(bruno.getByLabel("Speaker")).toHaveValue("");

  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shipping On Fridays");
  const res = await page.request.get(`${new URL(page.url()).pathname}/export/json`);
  const doc = (await res.json()) as TalkNotesDocument;
  expect(doc.people.map((p) => p.name)).not.toContain("Bruno Castellanos");
  expect([...referencedPersonIds(doc.blocks)].every((id) => doc.people.some((p) => p.id === id))).toBe(true);
  const json = JSON.stringify(doc.blocks);
  expect(json).toContain("escape everything and trust nothing");
  expect(json).toContain("change freezes for a reason");
  const amara = doc.people.find((p) => p.name === "Amara Okafor")!;
  expect(referencedPersonIds(doc.blocks).has(amara.id)).toBe(true);
});
