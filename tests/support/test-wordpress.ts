/**
 * The WordPress that `scripts/test-services.ts` started for this run (npm test
 * wraps the suites in it when Debian's wordpress, mariadb-server, php-cli and
 * php-mysql are installed), or the reason there is none, so a test can skip
 * saying how to run it.
 */
export function testWordPress(): { url: string; username: string; password: string } | { missing: string } {
  const url = process.env.TALKNOTES_TEST_WORDPRESS_URL;
  const username = process.env.TALKNOTES_TEST_WORDPRESS_USER;
  const password = process.env.TALKNOTES_TEST_WORDPRESS_PASSWORD;
  if (url && username && password) return { url, username, password };
  return {
    missing:
      "TALKNOTES_TEST_WORDPRESS_URL not set: install Debian's wordpress mariadb-server php-cli php-mysql and run through `npx tsx scripts/test-services.ts npx vitest run <file>` (npm test does)",
  };
}
