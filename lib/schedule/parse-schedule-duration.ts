/**
 * Parses a schedule duration, `H:MM` / `HH:MM` or `H:MM:SS` (the frab XSD
 * and pretalx both write hours first), to seconds. Returns null for anything
 * else, including minutes or seconds of 60 and more.
 */
export function parseScheduleDuration(value: string): number | null {
  const m = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}
