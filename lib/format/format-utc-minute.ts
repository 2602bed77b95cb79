/**
 * An instant to the minute in UTC, "2026-06-12 09:30 UTC": for times that
 * are the same for everyone who reads them (an invite's expiry, a retry),
 * where no conference zone applies.
 */
export function formatUtcMinute(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
