/**
 * A GitHub-flavoured Markdown table. Columns whose header ends with `:` are
 * right-aligned (numbers); the colon is not printed.
 */
export function markdownTable(headers: string[], rows: Array<Array<string | number>>): string {
  const names = headers.map((h) => h.replace(/:$/, ""));
  const align = headers.map((h) => (h.endsWith(":") ? "---:" : "---"));
  const cell = (v: string | number) => String(v).replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${names.join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}
