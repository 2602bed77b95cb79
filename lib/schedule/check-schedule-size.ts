import { ScheduleError } from "./schedule-error";

/** Largest schedule file accepted: 31C3's full schedule is 0.36 MB, so 20 MB leaves room without inviting abuse. */
export const MAX_SCHEDULE_BYTES = 20 * 1024 * 1024;

/**
 * Throws `too-large` when `text` is over `maxBytes` in UTF-8. Runs before any
 * parsing so a huge upload costs one pass over the string, not a parse.
 */
export function checkScheduleSize(text: string, maxBytes: number = MAX_SCHEDULE_BYTES): void {
  // A UTF-16 unit is 1-3 UTF-8 bytes: only count exactly in the uncertain band.
  if (text.length * 3 <= maxBytes) return;
  const bytes = text.length > maxBytes ? text.length : utf8Length(text);
  if (bytes > maxBytes) {
    throw new ScheduleError(
      "too-large",
      `Schedule file is too large: more than ${formatMb(maxBytes)} (limit ${formatMb(maxBytes)}); got at least ${formatMb(bytes)}.`,
    );
  }
}

function utf8Length(text: string): number {
  // The native encoder counts 20 MB in milliseconds; a charCodeAt loop took ~100 ms of the event loop.
  return new TextEncoder().encode(text).byteLength;
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
