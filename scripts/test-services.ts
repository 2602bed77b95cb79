// Runs a command with throwaway PostgreSQL and Redis servers: starts both on free
// loopback ports in temporary directories (tests/support/start-postgres.ts,
// start-redis.ts), passes their URLs to the command as TALKNOTES_TEST_POSTGRES_URL
// and TALKNOTES_TEST_REDIS_URL, and stops them when it ends (or is interrupted).
// When Debian's wordpress, mariadb-server, php-cli and php-mysql are installed it
// also starts a real WordPress (tests/support/start-wordpress.ts) and passes
// TALKNOTES_TEST_WORDPRESS_URL, _USER and _PASSWORD (an application password).
// When scripts/install-ghost.sh has installed Ghost 5, it starts a real Ghost on
// SQLite too (tests/support/start-ghost.ts) and passes TALKNOTES_TEST_GHOST_URL and
// _ADMIN_KEY; otherwise TALKNOTES_TEST_GHOST_MISSING says why.
// Exits with the command's status. Usage: npx tsx scripts/test-services.ts npx vitest run <file>
import { spawn } from "node:child_process";
import { startPostgres } from "../tests/support/start-postgres";
import { startRedis } from "../tests/support/start-redis";
import { ghostMissing, startGhost } from "../tests/support/start-ghost";
import { startWordPress, wordpressMissing } from "../tests/support/start-wordpress";

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: tsx scripts/test-services.ts <command> [args...]");
  process.exit(2);
}
// TALKNOTES_TEST_BLOGS=0: no WordPress or Ghost (the browser suite publishes nowhere; starting them costs
// half a minute and their memory for the whole run).
const blogsOff = process.env.TALKNOTES_TEST_BLOGS === "0" ? "not wanted (TALKNOTES_TEST_BLOGS=0)" : null;
const wordpressWhyNot = blogsOff ?? wordpressMissing();
let ghostWhyNot = blogsOff ?? ghostMissing();
const [postgres, redis, wordpress, ghost] = await Promise.all([
  startPostgres(),
  startRedis(),
  wordpressWhyNot ? null : startWordPress(),
  // A Ghost that fails to start skips the Ghost tests (with the reason) rather than the whole run.
  ghostWhyNot
    ? null
    : startGhost().catch((err: unknown) => {
        ghostWhyNot = `Ghost did not start: ${String(err instanceof Error ? err.message : err).slice(0, 2000)}`;
        return null;
      }),
]);
console.log(
  `test services: PostgreSQL ${postgres.url}, Redis ${redis.url}, WordPress ${wordpress?.url ?? `not started (${wordpressWhyNot})`}, Ghost ${ghost?.url ?? `not started (${ghostWhyNot})`}`,
);
let stopped = false;
const stopServices = async () => {
  if (stopped) return;
  stopped = true;
  try {
    postgres.stop();
  } catch (err) {
    console.error(err);
  }
  await redis.stop();
  await wordpress?.stop();
  await ghost?.stop();
};
const child = spawn(command[0]!, command.slice(1), {
  stdio: "inherit",
  env: {
    ...process.env,
    TALKNOTES_TEST_POSTGRES_URL: postgres.url,
    TALKNOTES_TEST_REDIS_URL: redis.url,
    ...(wordpress
      ? {
          TALKNOTES_TEST_WORDPRESS_URL: wordpress.url,
          TALKNOTES_TEST_WORDPRESS_USER: wordpress.username,
          TALKNOTES_TEST_WORDPRESS_PASSWORD: wordpress.applicationPassword,
        }
      : {}),
    ...(ghost
      ? { TALKNOTES_TEST_GHOST_URL: ghost.url, TALKNOTES_TEST_GHOST_ADMIN_KEY: ghost.adminKey }
      : { TALKNOTES_TEST_GHOST_MISSING: ghostWhyNot ?? "" }),
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.once("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
await stopServices();
process.exit(code);
