import { fillOsaRow } from "./fill-osa-row";

let rows = new Int32Array(0);

/**
 * Restricted Damerau–Levenshtein (optimal string alignment) distance from
 * `query` to `target`, or to the closest prefix of `target` when `prefix` is
 * true ("eisay" is 1 edit from "eishay smith" as a prefix). Work is bounded:
 * any distance above `maxEdits` is reported as `maxEdits + 1`, and the
 * computation stops as soon as a whole row exceeds it.
 */
export function boundedEditDistance(query: string, target: string, maxEdits: number, prefix = false): number {
  const m = query.length;
  const cap = maxEdits + 1;
  if (!prefix && Math.abs(target.length - m) > maxEdits) return cap;
  const depth = Math.min(target.length, m + maxEdits);
  const size = (depth + 1) * (m + 1);
  if (rows.length < size) rows = new Int32Array(Math.max(size, rows.length * 2));
  for (let j = 0; j <= m; j++) rows[j] = j < cap ? j : cap;
  let best = m < cap ? m : cap;
  for (let d = 1; d <= depth; d++) {
    const rowMin = fillOsaRow(rows, d, target, query, maxEdits);
    if (rowMin >= cap) return prefix ? best : cap;
    if (prefix && d >= m - maxEdits) {
      const atEnd = rows[d * (m + 1) + m]!;
      if (atEnd < best) best = atEnd;
    }
  }
  if (prefix) return best;
  return target.length >= m - maxEdits ? rows[target.length * (m + 1) + m]! : cap;
}
