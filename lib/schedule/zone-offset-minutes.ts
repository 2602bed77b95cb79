/**
 * The UTC offset, in minutes east, that IANA zone `timeZone` has at the wall
 * time `wallMs` (a wall clock reading encoded as if it were UTC). Uses Intl
 * only, so it is the same on every host. Returns null for an unknown zone.
 */
export function zoneOffsetMinutes(timeZone: string, wallMs: number): number | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  } catch {
    return null;
  }
  const offsetAt = (epochMs: number): number => {
    const name = format.formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  // Two passes: the offset at the guessed instant settles all but the
  // skipped/repeated hour around a DST change, which is good enough here.
  const first = offsetAt(wallMs);
  return offsetAt(wallMs - first * 60_000);
}
