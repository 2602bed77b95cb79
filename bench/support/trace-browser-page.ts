import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";

/** Chromium's own work on the main thread (style, layout, paint, selection) and the JavaScript it runs. */
const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink",
  "v8.execute",
  "input",
  "latencyInfo",
];

/**
 * Records a Chromium trace (the Performance panel's format, for bench/trace-top.ts)
 * of everything the browser does while `page` is busy; `stop()` writes it to `file`.
 * Unlike a V8 CPU profile it shows the renderer's native work per task: style
 * recalculation, layout, paint, selection and commit.
 */
export async function traceBrowserPage(browser: Browser, page: Page, file: string): Promise<{ stop(): Promise<void> }> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await browser.startTracing(page, { path: file, categories: CATEGORIES });
  return {
    async stop() {
      await browser.stopTracing();
    },
  };
}
