/**
 * The normalized result of reading a conference schedule file (pretalx JSON or
 * frab/pentabarf XML). Both readers produce exactly this shape, so the import
 * command, the re-import diff and the database layer never look at the
 * original formats.
 *
 * Text fields are plain text as the file carried it (trimmed); empty strings
 * in the file become absent fields here, so "no subtitle" has one spelling.
 */

import type { SessionKind } from "../interchange/types";

/** Which export format the schedule was read from. */
export type ScheduleSource = "pretalx" | "frab";

/** The session kinds Talknotes knows; the same list as `talknotes/1`. */
export type ScheduleSessionKind = SessionKind;

export interface ScheduleConference {
  /** The file's own identifier for the conference (its acronym, e.g. "31c3"), when present. */
  externalId?: string;
  /** Display name, e.g. "31. Chaos Communication Congress". */
  name: string;
  /** URL-safe slug derived from the acronym, e.g. "31c3"; absent when the file has no acronym. */
  slug?: string;
  /** First day, `YYYY-MM-DD`, as the file states it (else the first day's date). */
  startsOn: string;
  /** Last day, `YYYY-MM-DD`, as the file states it (else the last day's date). */
  endsOn: string;
  /**
   * The conference's time zone: the IANA name when the file gives one
   * (`time_zone_name`, e.g. "Europe/Berlin" or "UTC"), otherwise the UTC
   * offset the file's times carry, e.g. "+01:00". Session times always carry
   * the offset written in the file, which may disagree with a stated name.
   */
  timezone: string;
  /** Public URL of the conference or its schedule, when the file has one. */
  url?: string;
}

export interface ScheduleSession {
  /** Stable id from the file: the event's `guid`, else its numeric `id` as a string. Re-imports match on it. */
  externalId: string;
  /** Session title, never empty. */
  title: string;
  /** Subtitle, when non-empty. */
  subtitle?: string;
  /** Short abstract (plain text as exported; may contain Markdown from the CfP), when non-empty. */
  abstract?: string;
  /** Long description, when non-empty. */
  description?: string;
  /** Talknotes kind mapped from `type`: lecture/talk->talk, workshop, panel/podium->panel, lightning/ignite->ignite, keynote, else other. */
  kind: ScheduleSessionKind;
  /** The event type exactly as the file wrote it, e.g. "lecture", "Workshop", "podium". */
  type: string;
  /** Language code as written, e.g. "en", when non-empty. */
  language?: string;
  /** Room name, e.g. "Saal 1". */
  room: string;
  /** Track name, e.g. "Security & Hacking", when non-empty. */
  track?: string;
  /** Start, ISO 8601 with the UTC offset the file uses, e.g. "2014-12-27T11:00:00+01:00". */
  startsAt: string;
  /** Length in whole minutes (seconds in a H:MM:SS duration are rounded). */
  durationMinutes: number;
  /** End, ISO 8601 in the same offset as `startsAt`; may fall on the next calendar day. */
  endsAt: string;
  /** The session's public page, when the file has one. */
  url?: string;
  /** The session's video (YouTube, Vimeo, PeerTube, media.ccc.de) from its links, when the file has one. */
  recordingUrl?: string;
  /** `SchedulePerson.externalId`s of the speakers, in the order the file lists them. */
  personIds: string[];
}

export interface SchedulePerson {
  /**
   * Stable id: pretalx `code`, else `guid`, else the numeric `id` as a
   * string, else `name:` + the lower-cased name (frab files without ids).
   */
  externalId: string;
  /** Public name, e.g. "Geraldine de Bastion". */
  name: string;
  /** Biography as written, when the file has a non-empty one (pretalx does, frab XML does not). */
  biography?: string;
}

/** A whole schedule read from one file. */
export interface ScheduleImport {
  /** Which format it was read from. */
  source: ScheduleSource;
  /** The conference the schedule belongs to. */
  conference: ScheduleConference;
  /** Every room name, in order of first appearance (declared rooms first). */
  rooms: string[];
  /** Every track name, in order of first appearance (declared tracks first). */
  tracks: string[];
  /** Number of schedule days in the file (not the calendar span). */
  days: number;
  /** Every event, in file order (day by day, room by room). */
  sessions: ScheduleSession[];
  /** Every distinct speaker, in order of first appearance. */
  people: SchedulePerson[];
}

/** Options shared by the schedule readers. */
export interface ReadScheduleOptions {
  /** Largest accepted file in UTF-8 bytes; defaults to MAX_SCHEDULE_BYTES (20 MB). */
  maxBytes?: number;
}
