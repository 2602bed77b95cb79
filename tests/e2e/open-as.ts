import { type Browser, type Page, expect } from "@playwright/test";
import { signIn } from "./sign-in";

/**
 * Opens `url` in a fresh browser context as a note-taker called `name`, signed in as the suite's
 * account, once the editor says "Saved". `databaseUrl`: the database of a server other than the shared one.
 */
export async function openAs(
  browser: Browser,
  url: string,
  name: string,
  options: { databaseUrl?: string } = {},
): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript((n) => window.localStorage.setItem("talknotes:name", n), name);
  const page = await context.newPage();
  await signIn(page, { baseUrl: new URL(url).origin, databaseUrl: options.databaseUrl });
  await page.goto(url);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  return page;
}
