import { escapeHtml } from "../export/escape-html";
import type { SpeakerStat } from "./speaker-stats";

/**
 * "Who spoke how much" as an HTML table with CSS bars: readable as a plain
 * table by screen readers and without styles (the bars are decorative and
 * hidden from assistive tech). Empty string when nobody is attributed.
 */
export function renderSpeakerChart(
  stats: readonly SpeakerStat[],
  personHref: (personId: string) => string | null,
): string {
  if (stats.length === 0) return "";
  const most = Math.max(...stats.map((s) => s.words), 1);
  const rows = stats.map((s) => {
    const href = personHref(s.personId);
    const name = href ? `<a href="${escapeHtml(href)}">${escapeHtml(s.name)}</a>` : escapeHtml(s.name);
    const pct = Math.max(2, Math.round((s.words / most) * 100));
    // The bar sits under the name, full width of the column: long names wrap instead of squeezing it.
    return (
      `<tr><th scope="row">${name}<span class="bar" aria-hidden="true" style="width:${pct}%"></span></th>` +
      `<td class="num">${s.statements}</td><td class="num">${s.words}</td></tr>`
    );
  });
  return (
    `<table class="speaker-chart"><caption class="sr-only">Statements and words per person</caption>` +
    `<thead><tr><th scope="col">Person</th><th scope="col" class="num">Statements</th><th scope="col" class="num">Words</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}
