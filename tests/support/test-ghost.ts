/**
 * The Ghost that `scripts/test-services.ts` started for this run (when
 * scripts/install-ghost.sh has installed Ghost 5), or the reason there is
 * none, so a test can skip saying how to run it.
 */
export function testGhost(): { url: string; adminKey: string } | { missing: string } {
  const url = process.env.TALKNOTES_TEST_GHOST_URL;
  const adminKey = process.env.TALKNOTES_TEST_GHOST_ADMIN_KEY;
  if (url && adminKey) return { url, adminKey };
  return {
    missing:
      process.env.TALKNOTES_TEST_GHOST_MISSING ??
      "TALKNOTES_TEST_GHOST_URL not set: install Ghost with scripts/install-ghost.sh and run through `npx tsx scripts/test-services.ts npx vitest run <file>` (npm test does)",
  };
}
