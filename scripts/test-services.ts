// Runs a command with throwaway PostgreSQL and Redis servers: starts both on free
// loopback ports in temporary directories (tests/support/start-postgres.ts,
// start-redis.ts), passes their URLs to the command as TALKNOTES_TEST_POSTGRES_URL
// and TALKNOTES_TEST_REDIS_URL, and stops them when it ends (or is interrupted).
// When Debian's wordpress, mariadb-server, php-cli and php-mysql are installed it
// also starts a real WordPress (tests/support/start-wordpress.ts) and passes
// TALKNOTES_TEST_WORDPRESS_URL, _USER and _PASSWORD (an application password).
// Exits with the command's status. Usage: npx tsx scripts/test-services.ts npx vitest run <file>
import { spawn } from "node:child_process";
import { startPostgres } from "../tests/support/start-postgres";
import { startRedis } from "../tests/support/start-redis";
import { startWordPress, wordpressMissing } from "../tests/support/start-wordpress";

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: tsx scripts/test-services.ts <command> [args...]");
  process.exit(2);
}
const wordpressWhyNot = wordpressMissing();
const [postgres, redis, wordpress] = await Promise.all([startPostgres(), startRedis(), wordpressWhyNot ? null : startWordPress()]);
console.log(`test services: PostgreSQL ${postgres.url}, Redis ${redis.url}, WordPress ${wordpress?.url ?? `not started (${wordpressWhyNot})`}`);
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
};
const child = spawn(command[0]!, command.slice(1), {
  stdio: "inherit",
  env: {
    ...process.env,
    TALKNOTES_TEST_POSTGRES_URL: postgres.url,
    TALKNOTES_TEST_REDIS_URL: redis.url,
    ...(wordpress
      ? { TALKNOTES_TEST_WORDPRESS_URL: wordpress.url, TALKNOTES_TEST_WORDPRESS_USER: wordpress.username, TALKNOTES_TEST_WORDPRESS_PASSWORD: wordpress.applicationPassword }
      : {}),
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.once("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
await stopServices();
process.exit(code);
