/**
 * The PostgreSQL and Redis servers that `scripts/test-services.ts` started for
 * this test run (npm test wraps the suites in it), or null with the reason, so
 * a test that needs them can skip saying exactly how to run it.
 */
export function testServices(): { postgresUrl: string | null; redisUrl: string | null; missing: string | null } {
  const postgresUrl = process.env.TALKNOTES_TEST_POSTGRES_URL || null;
  const redisUrl = process.env.TALKNOTES_TEST_REDIS_URL || null;
  const absent = [!postgresUrl && "TALKNOTES_TEST_POSTGRES_URL", !redisUrl && "TALKNOTES_TEST_REDIS_URL"].filter(
    Boolean,
  );
  return {
    postgresUrl,
    redisUrl,
    missing: absent.length
      ? `${absent.join(" and ")} not set: run through \`npx tsx scripts/test-services.ts npx vitest run <file>\` (npm test does)`
      : null,
  };
}
