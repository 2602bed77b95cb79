/**
 * A time zone as people read it: IANA region names as they are
 * ("Europe/Berlin"), fixed offsets as "UTC+1" rather than POSIX's inverted
 * "Etc/GMT-1", unknown names as "UTC".
 */
export function zoneLabel(timeZone: string): string {
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone);
  if (fixed) return `UTC${fixed[1] === "+" ? "−" : "+"}${Number(fixed[2])}`;
  if (/^(Etc\/)?(UTC|GMT|Zulu|UCT)$/.test(timeZone)) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}
