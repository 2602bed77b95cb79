import type { GoalResult } from "./scenario-result";

/**
 * A goal row: met or missed from `ok`, except in quick runs, whose tiny
 * counts say nothing about the goal (they only prove the harness works).
 */
export function judgeGoal(quick: boolean, row: Omit<GoalResult, "result"> & { ok: boolean }): GoalResult {
  const { ok, ...rest } = row;
  return { ...rest, result: quick ? "n/a" : ok ? "met" : "missed" };
}
