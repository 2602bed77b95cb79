/** One goal of the issue, judged against what a scenario measured. */
export interface GoalResult {
  scenario: string;
  goal: string;
  measured: string;
  /**
   * `reported` for measurements the issue sets no target for; `skipped` when the
   * thing to measure does not exist yet; `n/a` in quick runs, whose counts are
   * too small to judge.
   */
  result: "met" | "missed" | "reported" | "skipped" | "n/a";
  /** Why, in a sentence: what limited it, or what is missing. */
  reason: string;
}

/** What every scenario hands back to bench/run.ts. */
export interface ScenarioResult {
  /** Markdown: a `###` heading, the measurement table(s) and notes. */
  markdown: string;
  goals: GoalResult[];
}
