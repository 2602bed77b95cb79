/**
 * When a session runs, in the conference's own time zone: "Fri, Jun 25, 10:30 AM – 11:15 AM"
 * (the end only when known). An unknown time zone falls back to UTC, as the agenda does.
 */
export function formatSessionTime(startsAt: Date, endsAt: Date | null, timeZone: string | null): string {
  const format = (zone: string) => {
    const day = new Intl.DateTimeFormat("en-US", {
      weekday: "short",
      month: "short",
      day: "numeric",
      timeZone: zone,
    }).format(startsAt);
    const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: zone });
    return `${day}, ${time.format(startsAt)}${endsAt ? ` – ${time.format(endsAt)}` : ""}`;
  };
  try {
    return format(timeZone || "UTC");
  } catch {
    return format("UTC");
  }
}
