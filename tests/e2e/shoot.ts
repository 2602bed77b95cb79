import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/** Where screenshots go, for people to look at. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../.artifacts/screenshots");
export const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } } as const;

/**
 * Full-page screenshots of `page` at desktop (1280 px) and phone (390 px)
 * width as `<name>-desktop.png` and `<name>-phone.png` (`fullPage: false`:
 * the viewport only, e.g. for a modal dialog); the page is left at desktop
 * width.
 */
export async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: options.fullPage ?? true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}
