import { markdownTable } from "./markdown-table";
import type { GoalResult } from "./scenario-result";

/** The goal / measured / result / reason table printed under each scenario and in the summary. */
export function goalsTable(goals: GoalResult[], withScenario = false): string {
  const headers = [...(withScenario ? ["scenario"] : []), "goal", "measured", "result", "reason"];
  return markdownTable(
    headers,
    goals.map((g) => [...(withScenario ? [g.scenario] : []), g.goal, g.measured, g.result, g.reason]),
  );
}
