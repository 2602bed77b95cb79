import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

/** Debian's packaged WordPress, copied per run (its own wp-config.php reads /etc/wordpress). */
const WORDPRESS_DIR = "/usr/share/wordpress";

export interface RunningWordPress {
  /** http://127.0.0.1:PORT, the site address. */
  url: string;
  /** The administrator's user name. */
  username: string;
  /** An application password of that user, for the REST API. */
  applicationPassword: string;
  /** Stops PHP and MariaDB and removes the temporary directory. */
  stop(): Promise<void>;
}

/** Why WordPress cannot be started here (a missing Debian package), or null when it can. */
export function wordpressMissing(): string | null {
  const need = [
    [fs.existsSync(path.join(WORDPRESS_DIR, "wp-settings.php")), "wordpress"],
    [fs.existsSync("/usr/sbin/mariadbd") && onPath("mariadb-install-db"), "mariadb-server"],
    [onPath("php"), "php-cli"],
    [onPath("php") && execFileSync("php", ["-m"]).toString().includes("mysqli"), "php-mysql"],
  ].filter(([ok]) => !ok);
  return need.length ? `Debian packages missing: ${need.map(([, name]) => name).join(", ")}` : null;
}

/**
 * A real WordPress for tests, nothing shared with the system: MariaDB in a
 * temporary directory on a Unix socket only (no TCP port), run as the
 * `mysql` user when we are root; a copy of Debian's WordPress with its own
 * wp-config.php, installed by PHP calling wp_install(); an application
 * password created through WordPress's own API; PHP's built-in server on a
 * free loopback port with a router so `?rest_route=` and pretty paths work.
 * `WP_ENVIRONMENT_TYPE=local` is what lets WordPress accept application
 * passwords over plain http.
 */
export async function startWordPress(): Promise<RunningWordPress> {
  const missing = wordpressMissing();
  if (missing) throw new Error(missing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tn-wp-"));
  fs.chmodSync(dir, 0o755);
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // MariaDB
    const data = path.join(dir, "db");
    const socket = path.join(data, "mysqld.sock");
    fs.mkdirSync(data);
    const root = process.getuid?.() === 0;
    if (root) execFileSync("chown", ["-R", "mysql:mysql", data]);
    const asUser = root ? ["--user=mysql"] : [];
    execFileSync(
      "mariadb-install-db",
      [
        "--no-defaults",
        `--datadir=${data}`,
        ...asUser,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        "--skip-name-resolve",
      ],
      {
        stdio: "pipe",
      },
    );
    const mariadb = spawn(
      "/usr/sbin/mariadbd",
      [
        "--no-defaults",
        `--datadir=${data}`,
        `--socket=${socket}`,
        "--skip-networking",
        `--pid-file=${path.join(data, "mysqld.pid")}`,
        `--log-error=${path.join(data, "error.log")}`,
        "--innodb-buffer-pool-size=16M",
        "--performance-schema=OFF",
        ...asUser,
      ],
      { stdio: "ignore" },
    );
    children.push(mariadb);
    await waitFor(
      () => fs.existsSync(socket),
      60_000,
      () => `MariaDB did not start:\n${readLog(path.join(data, "error.log"))}`,
      mariadb,
    );
    execFileSync(
      "mariadb",
      ["--no-defaults", "-S", socket, "-u", "root", "-e", "CREATE DATABASE wordpress CHARACTER SET utf8mb4"],
      { stdio: "pipe" },
    );

    // WordPress
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const site = path.join(dir, "wp");
    execFileSync("cp", ["-a", WORDPRESS_DIR, site]);
    const key = () => randomBytes(32).toString("hex");
    fs.writeFileSync(
      path.join(site, "wp-config.php"),
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"].map((k) => `define('${k}', '${key()}');`).join("\n")}
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
    );
    const adminPassword = key();
    fs.writeFileSync(
      path.join(dir, "install.php"),
      `<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
require ${JSON.stringify(path.join(site, "wp-load.php"))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Talknotes test blog', 'admin', 'admin@example.org', false, '', ${JSON.stringify(adminPassword)});
$app = WP_Application_Passwords::create_new_application_password($result['user_id'], array('name' => 'talknotes-tests'));
if (is_wp_error($app)) { fwrite(STDERR, $app->get_error_message()); exit(1); }
echo json_encode(array('user' => 'admin', 'password' => $app[0]));
`,
    );
    const installed = JSON.parse(
      execFileSync("php", [path.join(dir, "install.php")], { cwd: site, stdio: ["ignore", "pipe", "pipe"] })
        .toString()
        .trim()
        .split("\n")
        .pop()!,
    ) as {
      user: string;
      password: string;
    };
    fs.writeFileSync(
      path.join(dir, "router.php"),
      `<?php
// Existing files (PHP or static) are served as they are; every other path is WordPress's front controller.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && file_exists($_SERVER['DOCUMENT_ROOT'] . $path)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
`,
    );
    const php = spawn("php", ["-S", `127.0.0.1:${port}`, "-t", site, path.join(dir, "router.php")], {
      stdio: "ignore",
      cwd: site,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: "2" },
    });
    children.push(php);
    await waitFor(
      async () => {
        try {
          return (await fetch(`${url}/?rest_route=/`)).status === 200;
        } catch {
          return false;
        }
      },
      60_000,
      () => "PHP's server did not answer",
      php,
    );
    return { url, username: installed.user, applicationPassword: installed.password, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(":").some((dir) => fs.existsSync(path.join(dir, command)));
}

function readLog(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").slice(-2000);
  } catch {
    return "(no log)";
  }
}

async function waitFor(
  ready: () => boolean | Promise<boolean>,
  timeoutMs: number,
  why: () => string,
  child: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (child.exitCode !== null) throw new Error(`${why()} (exited with ${child.exitCode})`);
    if (Date.now() > deadline) throw new Error(why());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
