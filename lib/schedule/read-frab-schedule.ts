import { XMLParser, XMLValidator } from "fast-xml-parser";
import { checkScheduleSize } from "./check-schedule-size";
import { computeSessionTimes } from "./compute-session-times";
import { dayFallbackOffset } from "./day-fallback-offset";
import { dropUndefined } from "./drop-undefined";
import { mapSessionKind } from "./map-session-kind";
import { parseOffsetDateTime } from "./parse-offset-date-time";
import { personIdFromName } from "./person-id-from-name";
import { pickRecordingUrl } from "./pick-recording-url";
import { rejectUnsafeXml } from "./reject-unsafe-xml";
import { scheduleConference } from "./schedule-conference";
import { scheduleDateSpan } from "./schedule-date-span";
import { ScheduleError } from "./schedule-error";
import { SchedulePeople } from "./schedule-people";
import { ScheduleProblemList } from "./schedule-problem-list";
import type { ReadScheduleOptions, ScheduleImport, ScheduleSession } from "./types";
import { createXmlEntityDecoder } from "./xml-entity-decoder";

type Node = Record<string, unknown>;
const LABEL = "frab schedule";

// Elements that may repeat, by path: always arrays, so one day or one speaker reads like many.
const REPEATED = new Set([
  "schedule.day",
  "schedule.day.room",
  "schedule.day.room.event",
  "schedule.day.room.event.persons.person",
  "schedule.conference.track",
]);

/**
 * Reads a frab / pentabarf schedule XML export (the c3voc `schedule.xml`
 * format) into a {@link ScheduleImport}. Refuses DTD entity declarations and
 * external DTDs before parsing (billion laughs, XXE). All or nothing: on any
 * problem it throws one {@link ScheduleError} naming each place, e.g.
 * `event id=6543 (day 2, room "Saal 1"): missing <title>`.
 */
export function readFrabSchedule(text: string, options: ReadScheduleOptions = {}): ScheduleImport {
  checkScheduleSize(text, options.maxBytes);
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "{" || first === "[") {
    throw new ScheduleError(
      "wrong-format",
      "This is JSON, not frab schedule XML: read it as a pretalx schedule (readPretalxSchedule / readSchedule).",
    );
  }
  rejectUnsafeXml(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ScheduleError(
      "malformed",
      `Malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    textNodeName: "#text",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    entityDecoder: createXmlEntityDecoder(),
    isArray: (_name, jPath) => REPEATED.has(String(jPath)),
  }).parse(text) as Node;

  const schedule = parsed.schedule;
  if (!isNode(schedule)) {
    const rootName = Object.keys(parsed).find((k) => !k.startsWith("?") && !k.startsWith("#"));
    throw new ScheduleError(
      "wrong-format",
      `XML root is <${rootName ?? "?"}>, not <schedule>: this is not a frab/pentabarf schedule.`,
    );
  }
  const problems = new ScheduleProblemList(LABEL);
  const conf = isNode(schedule.conference) ? schedule.conference : undefined;
  if (!conf) problems.add("missing-field", "<schedule>", "missing <conference>");
  const c = conf ?? {};
  const name = textOf(c.title);
  if (conf && !name) problems.add("missing-field", "<schedule>/<conference>", "missing <title>");
  const acronym = textOf(c.acronym);
  const timeZoneName = textOf(c.time_zone_name);
  const url = textOf(c.url) ?? textOf(schedule.url) ?? textOf(c.base_url);

  const rooms = new Set<string>();
  const tracks = new Set<string>();
  for (const t of listOf(c.track)) {
    const trackName = isNode(t) ? attr(t, "name") : textOf(t);
    if (trackName) tracks.add(trackName);
  }

  const days = listOf(schedule.day).filter(isNode);
  if (days.length === 0) problems.add("missing-field", "<schedule>", "no <day> elements");
  const fileOffset = firstOffset(days);

  const people = new SchedulePeople();
  const sessions: ScheduleSession[] = [];
  const seen = new Map<string, string>();
  for (const [i, day] of days.entries()) {
    const dayLabel = attr(day, "index") ?? String(i + 1);
    const dayDate = attr(day, "date");
    const dayStart = attr(day, "start");
    const fallbackOffsetMinutes = dayFallbackOffset({ start: dayStart, date: dayDate, timeZoneName, fileOffset });
    for (const [r, room] of listOf(day.room).entries()) {
      if (!isNode(room)) continue; // <room/> with nothing in it
      const roomName = attr(room, "name");
      if (!roomName)
        problems.add("missing-field", `<day index=${dayLabel}>/<room> #${r + 1}`, "missing name attribute");
      if (roomName) rooms.add(roomName);
      for (const [e, ev] of listOf(room.event).entries()) {
        if (!isNode(ev)) {
          problems.add(
            "missing-field",
            `event #${e + 1} (day ${dayLabel}, room "${roomName ?? "?"}")`,
            "empty <event>",
          );
          continue;
        }
        const id = attr(ev, "id");
        const guid = attr(ev, "guid");
        const place = `event ${id ? `id=${id}` : guid ? `guid=${guid}` : `#${e + 1}`} (day ${dayLabel}, room "${roomName ?? "?"}")`;
        const before = problems.size;
        const externalId = guid ?? id;
        if (!externalId) problems.add("missing-field", place, "missing guid and id attributes");
        const title = textOf(ev.title);
        if (!title) problems.add("missing-field", place, "missing <title>");
        const sessionRoom = textOf(ev.room) ?? roomName;
        if (!sessionRoom) problems.add("missing-field", place, "missing <room>");
        const type = textOf(ev.type) ?? "";
        const track = textOf(ev.track);
        const times = computeSessionTimes({
          date: textOf(ev.date),
          start: textOf(ev.start),
          duration: textOf(ev.duration),
          end: textOf(ev.end),
          dayDate,
          dayStart,
          fallbackOffsetMinutes,
        });
        if (!times.ok)
          problems.add(
            times.detail.startsWith("missing") ? "missing-field" : "malformed",
            place,
            `<${times.field}>: ${times.detail}`,
          );

        const personIds: string[] = [];
        const persons = isNode(ev.persons) ? listOf(ev.persons.person) : [];
        for (const [k, p] of persons.entries()) {
          const personName = textOf(p);
          if (!personName) {
            problems.add("missing-field", place, `<person> #${k + 1} has no name`);
            continue;
          }
          const personId =
            (isNode(p) ? (attr(p, "code") ?? attr(p, "guid") ?? attr(p, "id")) : undefined) ??
            personIdFromName(personName);
          personIds.push(people.add(personId, personName));
        }
        if (externalId) {
          const other = seen.get(externalId);
          if (other)
            problems.add("malformed", place, `duplicate ${guid ? "guid" : "id"} "${externalId}" (also ${other})`);
          else seen.set(externalId, place);
        }
        if (problems.size > before || !externalId || !title || !sessionRoom || !times.ok) continue;
        rooms.add(sessionRoom);
        if (track) tracks.add(track);
        sessions.push(
          dropUndefined({
            externalId,
            title,
            subtitle: textOf(ev.subtitle),
            abstract: textOf(ev.abstract),
            description: textOf(ev.description),
            kind: mapSessionKind(type),
            type,
            language: textOf(ev.language),
            room: sessionRoom,
            track,
            startsAt: times.startsAt,
            durationMinutes: times.durationMinutes,
            endsAt: times.endsAt,
            url: textOf(ev.url),
            // <links><link href="https://media.ccc.de/v/…">Video</link></links>, or a video URL of its own.
            recordingUrl: pickRecordingUrl([
              textOf(ev.video_url),
              textOf(ev.recording),
              ...listOf(isNode(ev.links) ? ev.links.link : undefined).map((l) =>
                isNode(l) ? attr(l, "href") : undefined,
              ),
            ]),
            personIds,
          }),
        );
      }
    }
  }

  const dayDates = days.map((d) => attr(d, "date")).filter((d): d is string => !!d);
  const { startsOn, endsOn } = scheduleDateSpan({ start: textOf(c.start), end: textOf(c.end) }, dayDates, sessions);
  if (conf && (!startsOn || !endsOn))
    problems.add("missing-field", "<schedule>/<conference>", "missing <start> (and no <day> has a date)");
  problems.throwIfAny();

  return {
    source: "frab",
    conference: scheduleConference({ acronym, name, startsOn, endsOn, timeZoneName, fileOffset, url }),
    rooms: [...rooms],
    tracks: [...tracks],
    days: days.length,
    sessions,
    people: people.list(),
  };
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function listOf(v: unknown): unknown[] {
  if (v === undefined || v === null || v === "") return [];
  return Array.isArray(v) ? v : [v];
}

/** The trimmed text of an element (plain, or with attributes), undefined when empty or absent. */
function textOf(v: unknown): string | undefined {
  const value = Array.isArray(v) ? v[0] : v;
  const raw = isNode(value) ? value["#text"] : value;
  const s = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
  return s || undefined;
}

function attr(node: Node, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

/** The first UTC offset written on a day or event: the file's own zone. */
function firstOffset(days: Node[]): number | null {
  for (const day of days) {
    const candidates = [
      attr(day, "start"),
      ...listOf(day.room).flatMap((r) =>
        isNode(r) ? listOf(r.event).map((e) => (isNode(e) ? textOf(e.date) : undefined)) : [],
      ),
    ];
    for (const c of candidates) {
      const offset = c ? parseOffsetDateTime(c)?.offsetMinutes : null;
      if (offset !== null && offset !== undefined) return offset;
    }
  }
  return null;
}
