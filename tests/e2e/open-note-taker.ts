import { type Browser, type Page, expect } from "@playwright/test";
import type { FirstAccountSession } from "./first-account-session";

/** The owner's own browser (signed in), named `name` on their caret, with the session open and saved. */
export async function openNoteTaker(
  browser: Browser,
  serverUrl: string,
  owner: FirstAccountSession,
  name: string,
): Promise<Page> {
  const context = await browser.newContext({ storageState: owner.storageState });
  await context.addInitScript((n) => window.localStorage.setItem("talknotes:name", n), name);
  const page = await context.newPage();
  await page.goto(`${serverUrl}${owner.sessionPath}`);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  return page;
}
