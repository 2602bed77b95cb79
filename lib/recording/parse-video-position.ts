/**
 * A position in a video as people write it: `14:05`, `1:02:03`, `845`,
 * `14m5s`, `1h2m3s`; seconds, or null when it is none of these.
 */
export function parseVideoPosition(text: string): number | null {
  const value = text.trim();
  const clock = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})$/.exec(value);
  if (clock) {
    const [, h, m, s] = clock;
    if (Number(s) > 59 || (h !== undefined && Number(m) > 59)) return null;
    return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  if (/^\d{1,6}$/.test(value)) return Number(value);
  const units = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(value);
  if (units && value !== "") return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  return null;
}
