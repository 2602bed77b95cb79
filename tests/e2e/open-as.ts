import { type Browser, type Page, expect } from "@playwright/test";

/** Opens `url` in a fresh browser context as a note-taker called `name`, once the editor says "Saved". */
export async function openAs(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript((n) => window.localStorage.setItem("talknotes:name", n), name);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  return page;
}
