import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./tests/support/chromium-launch-options";

/**
 * End-to-end tests in real Chromium against the real server (built app,
 * throwaway SQLite file). On machines without Playwright's own browser
 * download, Debian's /usr/bin/chromium is used.
 */

// Chosen once in the main process; workers inherit it through the environment.
process.env.TALKNOTES_E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .toString()
  .trim();
process.env.TALKNOTES_E2E_DB ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-e2e-")), "talknotes.db");
const port = Number(process.env.TALKNOTES_E2E_PORT);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.artifacts/results",
  fullyParallel: false,
  workers: 1,
  // The whole-suite run (scripts/test.sh) retries a failed test once; the totals line reports it as flaky,
  // so a test that needed its retry stays visible and gets looked at (BENCHMARKS.md's machine is 2 busy cores).
  retries: process.env.TALKNOTES_E2E_RETRIES ? Number(process.env.TALKNOTES_E2E_RETRIES) : process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: "retain-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: CHROMIUM_LAUNCH_OPTIONS } }],
  webServer: {
    command: `node --import tsx server/index.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${process.env.TALKNOTES_E2E_DB}`,
    },
  },
});
