import type { MergeReport } from "./merge-types";

const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A merge report as lines a person reads in a terminal: the counts, people
 * matched or added, each duplicate with the wording kept, and each conflict
 * with its id (to settle it with --keep) and both answers.
 */
export function formatMergeSummary(report: MergeReport): string {
  const c = report.counts;
  const lines = [
    `${c.merged} blocks: ${c.merged - c.fromLeft - c.fromRight} from both, ${c.fromLeft} only here, ${c.fromRight} merged in; ${c.duplicates} duplicates, ${c.conflicts} conflicts`,
  ];
  const matched = report.people.filter((p) => p.leftId && p.rightId);
  const added = report.people.filter((p) => !p.leftId && p.rightId);
  if (matched.length) lines.push(`people matched: ${matched.map((p) => `${p.name} (${p.how})`).join(", ")}`);
  if (added.length) lines.push(`people added: ${added.map((p) => p.name).join(", ")}`);
  for (const d of report.duplicates) {
    if (d.left === d.right) continue;
    lines.push(
      `duplicate ${d.type} at ${d.path}, kept ${d.kept}: "${clip(d.kept === "left" ? d.left : d.right)}" (other: "${clip(d.kept === "left" ? d.right : d.left)}")`,
    );
  }
  for (const k of report.conflicts) {
    lines.push(
      `conflict ${k.id} (${k.speaker ?? "unattributed"} in "${clip(k.thread, 40)}"), keeping ${k.choice}:`,
      `  left:  "${clip(k.left)}"`,
      `  right: "${clip(k.right)}"`,
    );
  }
  return `${lines.join("\n")}\n`;
}
