import { type Browser, chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "../../tests/support/chromium-launch-options";

/** Headless Chromium as the e2e suite runs it (playwright.config.ts): Debian's build when Playwright has none. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}
