import { formatLongDate } from "../export/format-long-date";

/**
 * "2010-06-25" -> "June 25, 2010" (the conventional event-header date), the
 * way exports date a post (formatLongDate); null for anything that is not
 * exactly a calendar date.
 */
export function formatIsoDate(iso: string | null | undefined): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatLongDate(iso) : null;
}
