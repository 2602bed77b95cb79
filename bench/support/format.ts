/** Number formatting shared by the scenario tables. */
export const fmt = {
  ms: (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)),
  mb: (bytes: number) => (bytes / 2 ** 20).toFixed(1),
  kb: (bytes: number) => (bytes / 1024).toFixed(1),
  pct: (share: number) => `${(share * 100).toFixed(0)}%`,
  int: (v: number) => Math.round(v).toLocaleString("en-US"),
  x: (v: number) => `${v.toFixed(2)}x`,
};
