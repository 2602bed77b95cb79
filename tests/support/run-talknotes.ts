import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./server-process";

/** What a `talknotes` command did. */
export interface TalknotesRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real bin, as `npx talknotes` would, in its own process, with this
 * process's environment (so DATABASE_URL names the test database that
 * startTestDatabase() set) and `env` over it.
 */
export function runTalknotes(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string | Buffer; timeout?: number } = {},
): TalknotesRun {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args], {
    cwd: options.cwd ?? os.tmpdir(),
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: "utf8",
    timeout: options.timeout ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
