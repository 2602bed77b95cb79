import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database, e.g. postgres://postgres@127.0.0.1:5433/postgres */
  url: string;
  port: number;
  /** Temporary directory holding the cluster, its socket and its log. */
  dir: string;
  /** Fast shutdown, then the directory is removed. */
  stop(): void;
}

/** The directory of Debian's PostgreSQL server programs (newest version), or null when not installed. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, "bin") : null;
}

/**
 * Starts a throwaway PostgreSQL cluster on a free loopback port in a temporary
 * directory (initdb with trust auth, socket in the same directory). PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the `postgres` user
 * that Debian's package creates and every program runs through `runuser`.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const run = (program: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]]
      : [path.join(bin, program), args];
    const result = spawnSync(cmd, argv, { encoding: "utf8" });
    if (result.status !== 0) {
      const log = fs.existsSync(path.join(dir, "log")) ? fs.readFileSync(path.join(dir, "log"), "utf8") : "";
      throw new Error(`${program} failed (${result.status}):\n${result.stdout}${result.stderr}${log}`);
    }
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  // A port can be taken between freePort() and the server's bind: try a few.
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      run("pg_ctl", [
        "-w",
        "-t",
        "60",
        "-D",
        data,
        "-l",
        path.join(dir, "log"),
        "start",
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      ]);
      break;
    } catch (err) {
      if (attempt >= 2) throw err;
    }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop() {
      try {
        run("pg_ctl", ["-w", "-D", data, "-m", "fast", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
