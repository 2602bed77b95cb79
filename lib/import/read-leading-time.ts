import { parseOffsetDateTime } from "../schedule/parse-offset-date-time";
import { zoneOffsetMinutes } from "../schedule/zone-offset-minutes";

/** What an import knows to turn a time written in the notes into an instant. */
export interface NotesTimeAnchor {
  /** The session's day, `YYYY-MM-DD` (the conference's first day when nothing better is known); null: times stay text. */
  day: string | null;
  /** The conference's IANA zone; an unknown zone counts as UTC. */
  timeZone: string;
  /** When the session started (ISO with offset); bracketed times are then read as time into the session. */
  startsAt: string | null;
}

// Anchored and bounded: `12:04`, `12:04:30`, `[00:12:30]`, `[12:04]`, and Markdown's `[12:04](url)` (an
// export's time linked to the recording), followed by a separator or space and the text.
const LEADING_TIME = /^(\[)?(\d{1,2}):(\d{2})(?::(\d{2}))?(\](?:\(<?[^\s()<>]{1,2000}>?\))?)?(?:\s*[-–—:|]\s*|\s+)/;

/**
 * A time written at the start of a line of notes, as the instant it names and
 * the text after it; null when the line starts with no time, or the anchor
 * cannot place it (no day known), in which case the time stays in the text.
 *
 * `12:04` (or `12:04:30`) is a time of day on the session's day in the
 * conference's zone. A bracketed `[00:12:30]` is time into the session when
 * its start is known (the transcript and video convention), else a time of day.
 */
export function readLeadingTime(text: string, anchor: NotesTimeAnchor | null): { at: string; rest: string } | null {
  if (!anchor) return null;
  const m = LEADING_TIME.exec(text);
  if (!m) return null;
  const [whole, open, h, mi, s, close] = m;
  if (!open !== !close) return null;
  const rest = text.slice(whole.length);
  if (rest.trim() === "") return null;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s ?? 0);
  if (minutes > 59 || seconds > 59) return null;
  const start = anchor.startsAt ? Date.parse(anchor.startsAt) : NaN;
  const plainBracket = open && close === "]";
  if (plainBracket && !Number.isNaN(start)) {
    return { at: new Date(start + ((hours * 60 + minutes) * 60 + seconds) * 1000).toISOString(), rest };
  }
  if (hours > 23 || !anchor.day) return null;
  const wall = parseOffsetDateTime(`${anchor.day}T${h!.padStart(2, "0")}:${mi}:${String(seconds).padStart(2, "0")}`);
  if (!wall) return null;
  const offset = zoneOffsetMinutes(anchor.timeZone, wall.wallMs) ?? 0;
  return { at: new Date(wall.wallMs - offset * 60_000).toISOString(), rest };
}
