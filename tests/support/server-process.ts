import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface RunningServer {
  url: string;
  port: number;
  wsUrl: string;
  /** The server's process id (e.g. to read its memory use from /proc). */
  pid: number;
  /** Everything the process printed so far. */
  output(): string;
  /** Graceful stop (SIGTERM) and wait for exit. */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL), as in a crash. */
  kill(): Promise<void>;
}

/** A throwaway data directory with a SQLite file URL in it. */
export function tempDatabase(prefix = "talknotes-test-"): { dir: string; url: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, "talknotes.db");
  return { dir, file, url: `file:${file}` };
}

/**
 * Starts the real Talknotes server (`server/index.ts`, production mode: run
 * `npm run build` first) on a free port and waits until /api/health answers.
 * `nodeArgs`: flags for node itself (e.g. `--cpu-prof`, which NODE_OPTIONS does not take).
 */
export async function startServer(options: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "--import", "tsx", "server/index.ts"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(options.port ?? 0),
        HOST: "127.0.0.1",
        DATABASE_URL: options.databaseUrl,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const res = await fetch(`${url}/api/health`);
  if (!res.ok) throw new Error(`health check failed: ${res.status}`);

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  return {
    url,
    port,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    pid: child.pid ?? 0,
    output: () => out,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}
