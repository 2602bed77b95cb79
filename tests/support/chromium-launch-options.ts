import fs from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * How the e2e suite (playwright.config.ts) and the benchmarks
 * (bench/support/launch-chromium.ts) launch Chromium: Debian's
 * /usr/bin/chromium, headless and without background traffic, on machines
 * without Playwright's own browser download; Playwright's defaults otherwise.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = fs.existsSync(SYSTEM_CHROMIUM)
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
  : {};
