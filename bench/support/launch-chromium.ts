import fs from "node:fs";
import { type Browser, chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Headless Chromium as the e2e suite runs it (playwright.config.ts): Debian's build when Playwright has none. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(
    fs.existsSync(SYSTEM_CHROMIUM)
      ? {
          executablePath: SYSTEM_CHROMIUM,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        }
      : {},
  );
}
