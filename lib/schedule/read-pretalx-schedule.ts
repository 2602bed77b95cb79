import { checkScheduleSize } from "./check-schedule-size";
import { computeSessionTimes } from "./compute-session-times";
import { dayFallbackOffset } from "./day-fallback-offset";
import { dropUndefined } from "./drop-undefined";
import { mapSessionKind } from "./map-session-kind";
import { parseOffsetDateTime } from "./parse-offset-date-time";
import { personIdFromName } from "./person-id-from-name";
import { pickRecordingUrl } from "./pick-recording-url";
import { scheduleConference } from "./schedule-conference";
import { scheduleDateSpan } from "./schedule-date-span";
import { ScheduleError } from "./schedule-error";
import { SchedulePeople } from "./schedule-people";
import { ScheduleProblemList } from "./schedule-problem-list";
import type { ReadScheduleOptions, ScheduleImport, ScheduleSession } from "./types";
import { zoneOffsetMinutes } from "./zone-offset-minutes";

/** Deepest nesting of arrays and objects a schedule file may have (pretalx exports use about ten). */
const MAX_JSON_DEPTH = 64;

type Json = Record<string, unknown>;
const LABEL = "pretalx schedule";

/**
 * Reads a pretalx (or any c3voc `schedule.json`) export into a
 * {@link ScheduleImport}. All or nothing: on any problem it throws one
 * {@link ScheduleError} naming each place by JSON path, e.g.
 * `schedule.conference.days[1].rooms["Saal 1"][3].title: missing`.
 */
export function readPretalxSchedule(text: string, options: ReadScheduleOptions = {}): ScheduleImport {
  checkScheduleSize(text, options.maxBytes);
  const body = text.replace(/^\uFEFF/, "");
  const first = body.trimStart()[0];
  if (first === "<") {
    throw new ScheduleError(
      "wrong-format",
      "This is XML, not pretalx schedule JSON: read it as a frab schedule (readFrabSchedule / readSchedule).",
    );
  }
  // JSON.parse builds every level of "[[[[…" before failing (seconds for a 20 MB file): real exports nest
  // about ten levels, so deeper files are refused after one cheap pass.
  const depth = jsonNestingDepth(body, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH)
    throw new ScheduleError("malformed", `Malformed JSON: nested deeper than ${MAX_JSON_DEPTH} levels`);
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (e) {
    throw new ScheduleError(
      "malformed",
      `Malformed JSON${jsonErrorPlace(body, e)}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!isObject(root) || !isObject(root.schedule)) {
    const keys = isObject(root) ? Object.keys(root).slice(0, 5) : [];
    throw new ScheduleError(
      "wrong-format",
      `JSON is not a schedule export: expected a top-level "schedule" object${keys.length ? `, found keys ${keys.map((k) => JSON.stringify(k)).join(", ")}` : ""}.`,
    );
  }
  const problems = new ScheduleProblemList(LABEL);
  const conf = root.schedule.conference;
  if (!isObject(conf))
    throw ScheduleError.fromProblems(LABEL, [
      { code: "missing-field", place: "schedule.conference", detail: "missing" },
    ]);

  // Numbers are accepted only for ids (pretalx writes `"id": 25`); a numeric title is a broken export.
  const field = (obj: Json, key: string, path: string, required = false): string | undefined => {
    const v = obj[key];
    if (v === undefined || v === null || v === "") {
      if (required) problems.add("missing-field", `${path}.${key}`, "missing");
      return undefined;
    }
    if (typeof v === "number" && (key === "id" || key === "guid" || key === "code")) return String(v);
    if (typeof v !== "string") {
      problems.add("malformed", `${path}.${key}`, `expected a string, got ${Array.isArray(v) ? "array" : typeof v}`);
      return undefined;
    }
    const trimmed = v.trim();
    if (!trimmed && required) problems.add("missing-field", `${path}.${key}`, "empty");
    return trimmed || undefined;
  };

  const confPath = "schedule.conference";
  const name = field(conf, "title", confPath, true) ?? "";
  const acronym = field(conf, "acronym", confPath);
  const statedZone = field(conf, "time_zone_name", confPath);
  const url = field(conf, "url", confPath) ?? field(root.schedule, "base_url", "schedule");
  const rooms = new Set<string>();
  const tracks = new Set<string>();
  for (const [i, room] of arrayOf(conf.rooms).entries()) {
    const roomName = isObject(room) ? field(room, "name", `${confPath}.rooms[${i}]`, true) : undefined;
    if (roomName) rooms.add(roomName);
  }
  for (const track of arrayOf(conf.tracks)) {
    const trackName = isObject(track) ? field(track, "name", `${confPath}.tracks`) : undefined;
    if (trackName) tracks.add(trackName);
  }

  if (!Array.isArray(conf.days)) {
    problems.add("missing-field", `${confPath}.days`, conf.days === undefined ? "missing" : "expected an array");
    problems.throwIfAny();
  }
  const days = (conf.days as unknown[]).map((d, i) => {
    if (!isObject(d)) problems.add("malformed", `${confPath}.days[${i}]`, "expected an object");
    return isObject(d) ? d : {};
  });
  const fileOffset = firstOffset(days);
  // The offsets written on the events are the truth: a zone name they
  // contradict (exports from a misconfigured event) would show every time
  // shifted, e.g. 8:00 AM for a 09:00+02:00 start read in Europe/London.
  const timeZoneName = statedZone && zoneAgreesWithEvents(statedZone, days) ? statedZone : undefined;

  const people = new SchedulePeople();
  const sessions: ScheduleSession[] = [];
  const seen = new Map<string, string>();
  for (const [i, day] of days.entries()) {
    const dayPath = `${confPath}.days[${i}]`;
    const dayDate = typeof day.date === "string" ? day.date : undefined;
    const dayStart = typeof day.day_start === "string" ? day.day_start : undefined;
    const fallbackOffsetMinutes = dayFallbackOffset({ start: dayStart, date: dayDate, timeZoneName, fileOffset });
    if (!isObject(day.rooms)) {
      problems.add(
        "missing-field",
        `${dayPath}.rooms`,
        day.rooms === undefined ? "missing" : "expected an object of room name -> events",
      );
      continue;
    }
    for (const [roomKey, events] of Object.entries(day.rooms)) {
      const roomPath = `${dayPath}.rooms[${JSON.stringify(roomKey)}]`;
      if (!Array.isArray(events)) {
        problems.add("malformed", roomPath, "expected an array of events");
        continue;
      }
      for (const [j, ev] of events.entries()) {
        const path = `${roomPath}[${j}]`;
        if (!isObject(ev)) {
          problems.add("malformed", path, "expected an event object");
          continue;
        }
        const before = problems.size;
        const externalId = field(ev, "guid", path) ?? field(ev, "id", path);
        if (!externalId) problems.add("missing-field", `${path}.guid`, "missing (neither guid nor id)");
        const title = field(ev, "title", path, true);
        const type = field(ev, "type", path) ?? "";
        const room = field(ev, "room", path) ?? roomKey;
        const track = field(ev, "track", path);
        const times = computeSessionTimes({
          date: field(ev, "date", path),
          start: field(ev, "start", path),
          duration: field(ev, "duration", path),
          end: field(ev, "end", path),
          dayDate,
          dayStart,
          fallbackOffsetMinutes,
        });
        if (!times.ok)
          problems.add(
            times.detail.startsWith("missing") ? "missing-field" : "malformed",
            `${path}.${times.field}`,
            times.detail,
          );

        const personIds: string[] = [];
        const persons = ev.persons ?? [];
        if (!Array.isArray(persons)) problems.add("malformed", `${path}.persons`, "expected an array");
        for (const [k, p] of arrayOf(persons).entries()) {
          const personPath = `${path}.persons[${k}]`;
          if (!isObject(p)) {
            problems.add("malformed", personPath, "expected a person object");
            continue;
          }
          const personName = field(p, "public_name", personPath) ?? field(p, "name", personPath);
          if (!personName) {
            problems.add("missing-field", `${personPath}.public_name`, "missing (neither public_name nor name)");
            continue;
          }
          const id =
            field(p, "code", personPath) ??
            field(p, "guid", personPath) ??
            field(p, "id", personPath) ??
            personIdFromName(personName);
          personIds.push(people.add(id, personName, field(p, "biography", personPath)));
        }

        if (externalId) {
          const other = seen.get(externalId);
          if (other) problems.add("malformed", `${path}.guid`, `duplicate id "${externalId}" (also at ${other})`);
          else seen.set(externalId, path);
        }
        const subtitle = field(ev, "subtitle", path);
        const abstract = field(ev, "abstract", path);
        const description = field(ev, "description", path);
        const language = field(ev, "language", path);
        const eventUrl = field(ev, "url", path);
        if (problems.size > before || !externalId || !title || !times.ok) continue;
        rooms.add(room);
        if (track) tracks.add(track);
        sessions.push(
          dropUndefined({
            externalId,
            title,
            subtitle,
            abstract,
            description,
            kind: mapSessionKind(type),
            type,
            language,
            room,
            track,
            startsAt: times.startsAt,
            durationMinutes: times.durationMinutes,
            endsAt: times.endsAt,
            url: eventUrl,
            // frab-compatible JSON: "links": [{"url", "title"}]; some exports add a video or recording URL.
            recordingUrl: pickRecordingUrl([
              typeof ev.video_url === "string" ? ev.video_url : undefined,
              typeof ev.recording_url === "string" ? ev.recording_url : undefined,
              ...arrayOf(ev.links).map((l) =>
                isObject(l) && typeof l.url === "string"
                  ? l.url
                  : isObject(l) && typeof l.href === "string"
                    ? l.href
                    : undefined,
              ),
            ]),
            personIds,
          }),
        );
      }
    }
  }

  const dayDates = days
    .map((d) => (typeof d.date === "string" ? d.date.slice(0, 10) : undefined))
    .filter((d): d is string => !!d);
  const { startsOn, endsOn } = scheduleDateSpan(
    { start: field(conf, "start", confPath), end: field(conf, "end", confPath) },
    dayDates,
    sessions,
  );
  if (!startsOn || !endsOn) problems.add("missing-field", `${confPath}.start`, "missing (and no day has a date)");
  problems.throwIfAny();

  return {
    source: "pretalx",
    conference: scheduleConference({ acronym, name, startsOn, endsOn, timeZoneName, fileOffset, url }),
    rooms: [...rooms],
    tracks: [...tracks],
    days: days.length,
    sessions,
    people: people.list(),
  };
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The first UTC offset written anywhere in the days or their events: the file's own zone. */
function firstOffset(days: Json[]): number | null {
  for (const day of days) {
    const candidates = [
      day.day_start,
      ...Object.values(isObject(day.rooms) ? day.rooms : {}).flatMap((evs) =>
        arrayOf(evs).map((e) => (isObject(e) ? e.date : undefined)),
      ),
    ];
    for (const c of candidates) {
      const offset = typeof c === "string" ? parseOffsetDateTime(c)?.offsetMinutes : null;
      if (offset !== null && offset !== undefined) return offset;
    }
  }
  return null;
}

/** False when some event's written offset differs from the offset `timeZone` has at that event's wall time (or the zone is unknown). */
function zoneAgreesWithEvents(timeZone: string, days: Json[]): boolean {
  for (const day of days) {
    for (const events of Object.values(isObject(day.rooms) ? day.rooms : {})) {
      for (const ev of arrayOf(events)) {
        const written = isObject(ev) && typeof ev.date === "string" ? parseOffsetDateTime(ev.date) : null;
        if (!written?.hasTime || written.offsetMinutes === null) continue;
        if (zoneOffsetMinutes(timeZone, written.wallMs) !== written.offsetMinutes) return false;
      }
    }
  }
  return true;
}

/** Deepest nesting of arrays and objects in `text` (brackets inside strings ignored), stopping once past `limit`. */
function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** " at line L, column C" for a JSON.parse error that names a position. */
function jsonErrorPlace(text: string, error: unknown): string {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf("\n")}`;
}
