// Adds up vitest and Playwright JSON reports (and failed non-test steps such as
// lint or typecheck) into the one closing line CI reads: "N passed, N failed, N skipped".
import fs from "node:fs";

const [vitestFile, playwrightFile, failedSteps = "0", vitestRc = "0", playwrightRc = "0"] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const vitest = read(vitestFile);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if ((vitest.numFailedTests ?? 0) === 0 && ((vitest.numFailedTestSuites ?? 0) > 0 || vitestRc !== "0")) {
    failed += Math.max(1, vitest.numFailedTestSuites ?? 0);
    console.log("vitest: the run failed outside any test (a file that could not load, or an unhandled error)");
  }
  console.log(
    `vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests} skipped`,
  );
} else {
  console.log("vitest: no report (did it run?)");
  failed += 1;
}

const playwright = read(playwrightFile);
if (playwright?.stats) {
  const s = playwright.stats;
  // A flaky test failed once and passed on its retry: it counts as passed, and is named in the line above.
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  if ((s.unexpected ?? 0) === 0 && playwrightRc !== "0") {
    failed += 1;
    console.log("playwright: the run failed outside any test (web server, configuration or global error)");
  }
  console.log(`playwright: ${s.expected} passed, ${s.unexpected} failed, ${s.flaky} flaky, ${s.skipped} skipped`);
} else {
  console.log("playwright: no report (did it run?)");
  failed += 1;
}

const steps = Number(failedSteps);
if (steps > 0) console.log(`${steps} non-test step(s) failed (see "FAILED" above)`);
failed += steps;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
