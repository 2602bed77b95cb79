import { expect } from "vitest";
import { runTalknotes } from "./run-talknotes";

/** Runs a `talknotes` command that must succeed (runTalknotes()) and returns what it printed on stdout. */
export function talknotes(...args: string[]): string {
  const run = runTalknotes(args);
  expect(run.status, `${args.join(" ")}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
}
