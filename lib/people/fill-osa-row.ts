/**
 * Fills row `d` (the first `d` characters of `target`) of a banded
 * optimal-string-alignment (restricted Damerau–Levenshtein) table against
 * `query`, and returns the smallest value in the row.
 *
 * `rows` holds rows of `query.length + 1` cells; rows `d-1` and `d-2` must be
 * filled already and row 0 must be `0, 1, 2, ...` capped at `maxEdits + 1`.
 * Only the diagonal band |d - j| <= maxEdits is computed and values are
 * capped at `maxEdits + 1`, so a row costs O(maxEdits), and a returned
 * minimum above `maxEdits` means no longer target can come back in range.
 */
export function fillOsaRow(rows: Int32Array, d: number, target: string, query: string, maxEdits: number): number {
  const m = query.length;
  const width = m + 1;
  const cap = maxEdits + 1;
  const lo = d - maxEdits > 1 ? d - maxEdits : 1;
  const hi = d + maxEdits < m ? d + maxEdits : m;
  if (lo > hi) return cap;
  const cur = d * width;
  const prev = cur - width;
  const prev2 = prev - width;
  const tc = target.charCodeAt(d - 1);
  const tcBefore = d > 1 ? target.charCodeAt(d - 2) : -1;
  let rowMin = cap;
  if (lo === 1) {
    const v = d < cap ? d : cap;
    rows[cur] = v;
    rowMin = v;
  } else {
    rows[cur + lo - 1] = cap;
  }
  if (hi < m) rows[cur + hi + 1] = cap;
  for (let j = lo; j <= hi; j++) {
    const qc = query.charCodeAt(j - 1);
    let v = rows[prev + j - 1]! + (qc === tc ? 0 : 1);
    const del = rows[prev + j]! + 1;
    if (del < v) v = del;
    const ins = rows[cur + j - 1]! + 1;
    if (ins < v) v = ins;
    if (j > 1 && qc === tcBefore && query.charCodeAt(j - 2) === tc) {
      const swap = rows[prev2 + j - 2]! + 1;
      if (swap < v) v = swap;
    }
    if (v > cap) v = cap;
    rows[cur + j] = v;
    if (v < rowMin) rowMin = v;
  }
  return rowMin;
}
