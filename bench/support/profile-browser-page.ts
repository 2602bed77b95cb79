import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * Starts V8's sampling profiler in a Chromium page (over CDP); `stop()` writes
 * the profile to `file` (the `.cpuprofile` format of DevTools and
 * bench/cpu-profile-top.ts). Sampling every 250 µs: a keystroke's few
 * milliseconds get enough samples to tell the plugins apart.
 */
export async function profileBrowserPage(page: Page, file: string): Promise<{ stop(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
  await cdp.send("Profiler.start");
  return {
    async stop() {
      try {
        const { profile } = await cdp.send("Profiler.stop");
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(profile));
      } finally {
        await cdp.detach();
      }
    },
  };
}
