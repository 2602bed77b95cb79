import { AppError } from "../../lib/errors/app-error";
import { slugify } from "../../lib/text/slugify";
import { describeScheduleDiff } from "../../lib/schedule/describe-schedule-diff";
import { diffSchedule, type ScheduleDiff, type ScheduleSnapshot } from "../../lib/schedule/diff-schedule";
import { readSchedule } from "../../lib/schedule/read-schedule";
import { parseOffsetDateTime } from "../../lib/schedule/parse-offset-date-time";
import { ScheduleError } from "../../lib/schedule/schedule-error";
import { zoneOffsetMinutes } from "../../lib/schedule/zone-offset-minutes";
import type { ScheduleImport, SchedulePerson, ScheduleSession } from "../../lib/schedule/types";
import type { Prisma } from "../../generated/prisma/client";
import { getPrisma } from "../db/prisma";
import { getRuntime } from "../runtime";
import { fetchScheduleUrl } from "./fetch-schedule-url";
import { ImportScheduleInput } from "./import-schedule-input";
import { parseInput } from "./parse-input";
import { unguessableSlug } from "./unguessable-slug";
import { uniqueSlug } from "./unique-slug";
import { RESERVED_SESSION_SLUGS } from "../../lib/reader/public-paths";

/** What one schedule import did. */
export interface ImportScheduleResult {
  conference: { id: string; slug: string; name: string };
  /** True when the conference was made from the schedule by this import. */
  created: boolean;
  /** What the schedule changed since the last import (or against the database's imported sessions). */
  diff: ScheduleDiff;
  /** Sessions no longer in the schedule that were kept because they have notes. */
  kept: Array<{ externalId: string; slug: string; title: string }>;
  /** People whose name changed in the schedule (same id). */
  renamed: Array<{ externalId: string; before: string; after: string }>;
  /** Lines for a person: a totals line, then every change. */
  summary: string[];
  /** What the file holds. */
  counts: { days: number; rooms: number; sessions: number; people: number };
}

type Tx = Prisma.TransactionClient;

interface SessionRow {
  id: string;
  slug: string;
  title: string;
  kind: string;
  room: string | null;
  track: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  intro: string;
  externalId: string | null;
  recordingUrl: string | null;
  people: Array<{ personId: string; role: string; position: number; person: { externalId: string | null } }>;
}

interface PersonRow {
  id: string;
  name: string;
  bio: string | null;
  externalId: string | null;
}

/**
 * Imports a pretalx JSON or frab/pentabarf XML schedule, or re-imports it.
 *
 * The conference is the one named by `conferenceSlug`, else the one this
 * schedule (its acronym, else its URL) was imported into before, else a new
 * one made from the schedule. Re-imports compare the file with the snapshot
 * stored at the last import, matching sessions and people by the schedule's
 * stable ids only, and apply just what the schedule changed: a title fixed by
 * hand in Talknotes stays fixed until the schedule itself renames the session.
 *
 * - Sessions: created (slug from the title, intro from the subtitle) or
 *   updated field by field (title, kind, room, track, times); slugs never
 *   change, so links keep working.
 * - People: matched by schedule id, else adopted by exact name when the
 *   conference has one such person without an id (someone typed them in the
 *   editor first), else created. People who left the schedule stay in the
 *   directory: notes may attribute words to them.
 * - Speakers: SessionPerson rows (role "speaker", schedule order) are added
 *   and removed as the schedule changes them; people added by note-takers
 *   (moderators, askers) are left alone.
 * - Sessions gone from the schedule are deleted when nobody ever opened
 *   their notes (no NotesDocument row); otherwise they are kept and reported,
 *   because deleting the session would delete its notes.
 *
 * Notes (NotesDocument, NotesUpdate) are never read for content nor written.
 * Everything happens in one transaction: any error leaves the database as it
 * was. Bad files are refused before it starts with an AppError whose message
 * names the place in the file.
 *
 * Editors open later pick the new header and speakers up from SQLite; a room
 * already loaded in the collab server keeps its people map until it reloads.
 */
export async function importSchedule(
  input: ImportScheduleInput,
  access: ImportAccess = {},
): Promise<ImportScheduleResult> {
  const data = parseInput(ImportScheduleInput, input);
  let text = data.text ?? "";
  let filename = data.filename;
  let sourceUrl = data.sourceUrl;
  if (data.url) {
    // Web callers (they pass `access`) may only have the server fetch for a conference they edit, which the
    // action or API route checked for `conferenceSlug`: a fetch is not something any signed-in account may ask for.
    if (access.ownerId && !data.conferenceSlug) {
      throw new AppError(
        "forbidden",
        "Importing from a URL needs a conference you edit: open its Schedule page, or upload the file here",
        {
          url: "Open the conference's Schedule page",
        },
      );
    }
    const fetched = await fetchScheduleUrl(data.url, access.operator ? { anyAddress: true } : {});
    text = fetched.text;
    filename ??= fetched.filename;
    sourceUrl = fetched.url;
  }
  const schedule = read(text, filename ?? sourceUrl, { fetchedFrom: data.url });

  const result = await getPrisma().$transaction(
    async (tx) => {
      const { conference, created, previous } = await findOrCreateConference(
        tx,
        schedule,
        data.conferenceSlug,
        sourceUrl,
        access,
      );
      if (!created && !zoneShowsScheduleTimes(conference.timezone, schedule)) {
        // The sessions' written offsets are the truth: a zone that would show 09:00+02:00 as 8:00 is replaced.
        await tx.conference.update({
          where: { id: conference.id },
          data: { timezone: ianaZone(schedule.conference.timezone) },
        });
      }
      const applied = await applySchedule(tx, conference.id, schedule, previous);
      const snapshot = {
        format: schedule.source,
        externalId: schedule.conference.externalId ?? null,
        sourceUrl: sourceUrl ?? null,
        filename: filename ?? null,
        snapshot: JSON.stringify(schedule),
        importedAt: new Date(),
      };
      await tx.scheduleSource.upsert({
        where: { conferenceId: conference.id },
        create: { conferenceId: conference.id, ...snapshot },
        update: snapshot,
      });
      return { conference: { id: conference.id, slug: conference.slug, name: conference.name }, created, ...applied };
    },
    // A 10x 31C3 schedule is a few thousand rows: far beyond Prisma's 5 s default on a busy machine.
    { timeout: 120_000, maxWait: 10_000 },
  );
  // Sessions open in an editor right now show the new speakers without a reload.
  const sessions = await getPrisma().session.findMany({
    where: { conferenceId: result.conference.id },
    select: { id: true },
  });
  getRuntime()?.resyncSessionPeople(sessions.map((s) => s.id));

  return {
    ...result,
    summary: summarize(result.diff, result.kept, result.renamed),
    counts: {
      days: schedule.days,
      rooms: schedule.rooms.length,
      sessions: schedule.sessions.length,
      people: schedule.people.length,
    },
  };
}

/**
 * Reads the file; a refusal becomes an AppError naming the file and, through the reader's message, the place.
 * A fetched body is never quoted back (parser messages can carry its first bytes): the server may have
 * fetched something the person asking could not read themselves.
 */
function read(text: string, label: string | undefined, options: { fetchedFrom?: string }): ScheduleImport {
  try {
    return readSchedule(text, label);
  } catch (err) {
    if (!(err instanceof ScheduleError)) throw err;
    if (options.fetchedFrom) {
      const what = err.code === "too-large" ? "is too large" : "is not a pretalx JSON or frab XML schedule";
      throw new AppError(
        err.code === "too-large" ? "too_large" : "invalid_input",
        `Nothing was imported: the document at ${options.fetchedFrom} ${what}.`,
        {
          url: err.code === "too-large" ? "Too large" : "Not a schedule",
        },
      );
    }
    const fields: Record<string, string> = {};
    for (const p of err.problems) fields[p.place] ??= p.detail;
    // The parser's own words ("Expected property name or '}' in JSON at position 1") help a developer,
    // not an organiser who picked the wrong file: forms show this sentence first, the details after.
    if (err.code === "malformed" || err.code === "wrong-format") {
      fields.file = `${label ? `${label} is` : "This is"} not a schedule Talknotes can read. Upload the schedule export from pretalx (schedule.json) or frab/pentabarf (schedule.xml), or give its URL.`;
    }
    const message = `Nothing was imported${label ? ` from ${label}` : ""}. ${err.message}`;
    throw new AppError(err.code === "too-large" ? "too_large" : "invalid_input", message, fields);
  }
}

/**
 * Who imports (web callers): without a slug, only conferences in `matchAmong` (ids the caller may edit) are
 * matched for a re-import, so nobody updates a conference they are not a member of; `ownerId` becomes the
 * owner of a conference the import creates. The CLI (server operator) passes neither, and `operator`.
 */
export interface ImportAccess {
  matchAmong?: readonly string[];
  ownerId?: string;
  /** The server's operator at the command line: URLs on private addresses are theirs to fetch already. */
  operator?: boolean;
}

async function findOrCreateConference(
  tx: Tx,
  schedule: ScheduleImport,
  slug: string | undefined,
  sourceUrl: string | undefined,
  access: ImportAccess,
) {
  const externalId = schedule.conference.externalId;
  let found: { id: string; slug: string; name: string; timezone: string } | null = null;
  let previous: { externalId: string | null; snapshot: string } | null = null;

  if (slug) {
    const conference = await tx.conference.findUnique({ where: { slug }, include: { scheduleSource: true } });
    if (!conference) throw new AppError("not_found", `No conference "${slug}"`);
    const known = conference.scheduleSource?.externalId;
    // A different conference's schedule would read as "every session removed": refuse instead of guessing.
    if (known && externalId && known !== externalId) {
      throw new AppError(
        "invalid_input",
        `Conference "${slug}" was imported from the schedule "${known}"; this file is the schedule of "${externalId}". Nothing was imported.`,
      );
    }
    found = conference;
    previous = conference.scheduleSource;
  } else {
    const where = externalId ? { externalId } : sourceUrl ? { sourceUrl } : null;
    const among = access.matchAmong ? { conferenceId: { in: [...access.matchAmong] } } : {};
    const sources = where
      ? await tx.scheduleSource.findMany({ where: { ...where, ...among }, include: { conference: true } })
      : [];
    if (sources.length > 1) {
      throw new AppError(
        "invalid_input",
        `Several conferences were imported from the schedule "${externalId ?? sourceUrl}" (${sources.map((s) => s.conference.slug).join(", ")}); say which one to update. Nothing was imported.`,
      );
    }
    const source = sources[0];
    if (source) {
      found = source.conference;
      previous = source;
    }
  }
  if (found) return { conference: found, created: false, previous };

  const c = schedule.conference;
  const base = c.slug ?? slugify(c.name, { fallback: "conference" });
  const newSlug = await unguessableSlug(base, async (s) => (await tx.conference.count({ where: { slug: s } })) > 0);
  const conference = await tx.conference.create({
    data: {
      slug: newSlug,
      name: c.name,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      timezone: ianaZone(c.timezone),
      memberships: access.ownerId ? { create: { userId: access.ownerId, role: "owner" } } : undefined,
    },
  });
  return { conference, created: true, previous: null };
}

async function applySchedule(
  tx: Tx,
  conferenceId: string,
  schedule: ScheduleImport,
  previous: { snapshot: string } | null,
) {
  const [sessionRows, personRows, slugRows] = await Promise.all([
    tx.session.findMany({
      where: { conferenceId, externalId: { not: null } },
      include: { people: { include: { person: { select: { externalId: true } } } } },
    }) as Promise<SessionRow[]>,
    tx.person.findMany({ where: { conferenceId }, select: { id: true, name: true, bio: true, externalId: true } }),
    tx.session.findMany({ where: { conferenceId }, select: { slug: true } }),
  ]);
  const sessionsByExt = new Map(sessionRows.map((r) => [r.externalId!, r]));
  const peopleByExt = new Map(personRows.filter((p) => p.externalId).map((p) => [p.externalId!, p]));
  const slugs = new Set(slugRows.map((r) => r.slug));

  const baseline = baselineOf(previous, sessionsByExt, peopleByExt, schedule);
  const diff = diffSchedule(baseline, schedule);

  // People first: sessions link to them.
  const personIdFor = new Map<string, string>();
  const renamed: ImportScheduleResult["renamed"] = [];
  const before = new Map(baseline.people.map((p) => [p.externalId, p]));
  const unclaimed = groupByName(personRows.filter((p) => !p.externalId));
  const newPeople: Prisma.PersonCreateManyInput[] = [];
  for (const person of schedule.people) {
    const row = peopleByExt.get(person.externalId);
    if (row) {
      personIdFor.set(person.externalId, row.id);
      const old = before.get(person.externalId);
      if (!old) continue;
      const data: { name?: string; bio?: string | null } = {};
      if (old.name !== person.name) {
        data.name = person.name;
        renamed.push({ externalId: person.externalId, before: old.name, after: person.name });
      }
      if ((old.biography ?? null) !== (person.biography ?? null)) data.bio = person.biography ?? null;
      if (Object.keys(data).length > 0) await tx.person.update({ where: { id: row.id }, data });
      continue;
    }
    const namesakes = unclaimed.get(nameKey(person.name));
    const adopt = namesakes?.length === 1 ? namesakes[0] : undefined;
    if (adopt) {
      unclaimed.delete(nameKey(person.name));
      await tx.person.update({
        where: { id: adopt.id },
        data: { externalId: person.externalId, ...(adopt.bio ? {} : { bio: person.biography ?? null }) },
      });
      personIdFor.set(person.externalId, adopt.id);
    } else {
      newPeople.push({ conferenceId, name: person.name, bio: person.biography ?? null, externalId: person.externalId });
    }
  }
  // One statement for all newcomers: a first import of 31C3 creates ~200 people.
  const createdPeople = await tx.person.createManyAndReturn({
    data: newPeople,
    select: { id: true, externalId: true },
  });
  for (const p of createdPeople) personIdFor.set(p.externalId!, p.id);

  const baselineSessions = new Map(baseline.sessions.map((s) => [s.externalId, s]));
  const changedFields = new Map(diff.changed.map((c) => [c.externalId, new Set(c.changes.map((x) => x.field))]));
  const newSessions: Prisma.SessionCreateManyInput[] = [];
  const newSpeakers = new Map<string, string[]>();
  for (const session of schedule.sessions) {
    const row = sessionsByExt.get(session.externalId);
    const old = baselineSessions.get(session.externalId);
    const speakerIds = unique(
      session.personIds.map((id) => personIdFor.get(id)).filter((id): id is string => id !== undefined),
    );
    if (!row) {
      const slug = await uniqueSlug(
        slugify(session.title, { fallback: "session" }),
        async (s) => slugs.has(s),
        RESERVED_SESSION_SLUGS,
      );
      slugs.add(slug);
      newSessions.push({
        conferenceId,
        slug,
        externalId: session.externalId,
        intro: session.subtitle ?? "",
        ...sessionFields(session),
      });
      newSpeakers.set(session.externalId, speakerIds);
      continue;
    }
    // In the file but not in the baseline: an earlier row with this id (kept, or the snapshot was lost) takes the whole file's version.
    const fields = old ? (changedFields.get(session.externalId) ?? new Set()) : null;
    const data: Prisma.SessionUpdateInput = {};
    const all = sessionFields(session);
    if (!fields || fields.has("title")) data.title = all.title;
    if (!fields || fields.has("kind")) data.kind = all.kind;
    if (!fields || fields.has("room")) data.room = all.room;
    if (!fields || fields.has("track")) data.track = all.track;
    if (!fields || fields.has("startsAt")) data.startsAt = all.startsAt;
    if (!fields || fields.has("endsAt")) data.endsAt = all.endsAt;
    // A recording the schedule links (often added after the talk) fills an empty one; one set by hand stays.
    if (session.recordingUrl && !row.recordingUrl) data.recordingUrl = session.recordingUrl;
    // The intro follows the subtitle only while nobody has written their own.
    if (fields?.has("subtitle") && row.intro === (old?.subtitle ?? "")) data.intro = session.subtitle ?? "";
    if (Object.keys(data).length > 0) await tx.session.update({ where: { id: row.id }, data });

    if (fields && !fields.has("speakers")) continue;
    const linked = new Set(row.people.map((p) => p.personId));
    const wanted = new Set(speakerIds);
    for (const gone of old?.personIds ?? []) {
      const personId = peopleByExt.get(gone)?.id;
      if (personId && linked.has(personId) && !wanted.has(personId)) {
        await tx.sessionPerson.delete({ where: { sessionId_personId: { sessionId: row.id, personId } } });
      }
    }
    const added = speakerIds
      .map((personId, position) => ({ sessionId: row.id, personId, role: "speaker", position }))
      .filter((sp) => !linked.has(sp.personId));
    if (added.length > 0) await tx.sessionPerson.createMany({ data: added });
    // Speakers who stay follow the schedule's new order, so a newcomer does not tie with them.
    for (const link of row.people) {
      const position = speakerIds.indexOf(link.personId);
      if (position >= 0 && link.position !== position) {
        await tx.sessionPerson.update({
          where: { sessionId_personId: { sessionId: row.id, personId: link.personId } },
          data: { position },
        });
      }
    }
  }

  if (newSessions.length > 0) {
    const created = await tx.session.createManyAndReturn({ data: newSessions, select: { id: true, externalId: true } });
    await tx.sessionPerson.createMany({
      data: created.flatMap((c) =>
        (newSpeakers.get(c.externalId!) ?? []).map((personId, position) => ({
          sessionId: c.id,
          personId,
          role: "speaker",
          position,
        })),
      ),
    });
  }

  const kept: ImportScheduleResult["kept"] = [];
  const removed = diff.removed
    .map((s) => sessionsByExt.get(s.externalId))
    .filter((r): r is SessionRow => r !== undefined);
  const withNotes = new Set(
    (
      await tx.notesDocument.findMany({
        where: { sessionId: { in: removed.map((r) => r.id) } },
        select: { sessionId: true },
      })
    ).map((d) => d.sessionId),
  );
  for (const row of removed) {
    if (withNotes.has(row.id)) kept.push({ externalId: row.externalId!, slug: row.slug, title: row.title });
    else await tx.session.delete({ where: { id: row.id } });
  }
  return { diff, kept, renamed };
}

/**
 * What the file is compared with: the stored snapshot, limited to what still
 * exists in the database (a deleted row is re-created, not "unchanged"), or,
 * for a conference never imported into, its rows that carry schedule ids.
 */
function baselineOf(
  previous: { snapshot: string } | null,
  sessions: Map<string, SessionRow>,
  people: Map<string, PersonRow>,
  incoming: ScheduleImport,
): ScheduleSnapshot {
  if (previous) {
    const snapshot = JSON.parse(previous.snapshot) as ScheduleSnapshot;
    return {
      sessions: snapshot.sessions.filter((s) => sessions.has(s.externalId)),
      people: snapshot.people.filter((p) => people.has(p.externalId)),
    };
  }
  const next = new Map(incoming.sessions.map((s) => [s.externalId, s]));
  const externalIdOf = new Map([...people.values()].map((p) => [p.id, p.externalId!]));
  return {
    sessions: [...sessions.values()].map((row): ScheduleSession => {
      const file = next.get(row.externalId!);
      return {
        externalId: row.externalId!,
        title: row.title,
        kind: row.kind as ScheduleSession["kind"],
        type: file?.type ?? row.kind,
        room: row.room ?? "",
        ...(row.track ? { track: row.track } : {}),
        startsAt: row.startsAt?.toISOString() ?? "",
        endsAt: row.endsAt?.toISOString() ?? "",
        durationMinutes: file?.durationMinutes ?? 0,
        // Not stored apart from the intro: assume the file's, so they never read as changed.
        ...(file?.subtitle ? { subtitle: file.subtitle } : {}),
        ...(file?.abstract ? { abstract: file.abstract } : {}),
        personIds: [...row.people]
          .filter((p) => p.role === "speaker" && externalIdOf.has(p.personId))
          .sort((a, b) => a.position - b.position)
          .map((p) => externalIdOf.get(p.personId)!),
      };
    }),
    people: [...people.values()].map((p): SchedulePerson => ({
      externalId: p.externalId!,
      name: p.name,
      ...(p.bio ? { biography: p.bio } : {}),
    })),
  };
}

function sessionFields(s: ScheduleSession) {
  return {
    title: s.title,
    kind: s.kind,
    room: s.room || null,
    track: s.track ?? null,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    recordingUrl: s.recordingUrl ?? null,
  };
}

function summarize(
  diff: ScheduleDiff,
  kept: ImportScheduleResult["kept"],
  renamed: ImportScheduleResult["renamed"],
): string[] {
  const keptIds = new Set(kept.map((k) => k.externalId));
  const deleted = diff.removed.filter((s) => !keptIds.has(s.externalId));
  const changes =
    diff.added.length +
    diff.removed.length +
    diff.changed.length +
    diff.peopleAdded.length +
    diff.peopleRemoved.length +
    renamed.length;
  if (changes === 0) return [`No changes: ${plural(diff.unchanged, "session")} already up to date.`];
  const totals = [
    `${diff.added.length} added`,
    `${diff.changed.length} changed`,
    `${deleted.length} removed`,
    ...(kept.length ? [`${kept.length} kept (has notes)`] : []),
    `${diff.unchanged} unchanged`,
  ];
  const lines = [
    `Sessions: ${totals.join(", ")}. People: ${diff.peopleAdded.length} added, ${renamed.length} renamed, ${diff.peopleRemoved.length} no longer in the schedule.`,
    ...describeScheduleDiff({ ...diff, removed: deleted, peopleRemoved: [] }),
    ...kept.map((k) => `Kept '${k.title}': no longer in the schedule, but it has notes`),
    ...renamed.map((r) => `Renamed person ${r.before} to ${r.after}`),
    ...diff.peopleRemoved.map((p) => `${p.name} is no longer in the schedule (kept in the people directory)`),
  ];
  return lines;
}

/** Whether `timeZone` has, at each session's start, the offset the schedule wrote for it (so wall times read as written). */
function zoneShowsScheduleTimes(timeZone: string, schedule: ScheduleImport): boolean {
  return schedule.sessions.every((s) => {
    const written = parseOffsetDateTime(s.startsAt);
    return (
      !written ||
      written.offsetMinutes === null ||
      zoneOffsetMinutes(timeZone, written.wallMs) === written.offsetMinutes
    );
  });
}

/**
 * Conference.timezone holds an IANA name. Schedules without one only give
 * their times' offset; a whole-hour offset has an exact IANA spelling
 * (Etc/GMT-1 is UTC+01:00: POSIX signs are inverted), others fall back to UTC.
 * Session times keep their instants either way.
 */
function ianaZone(zone: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!m) return zone;
  const hours = Number(m[2]);
  if (m[3] !== "00" || hours === 0) return "UTC";
  return `Etc/GMT${m[1] === "+" ? "-" : "+"}${hours}`;
}

function groupByName(rows: PersonRow[]): Map<string, PersonRow[]> {
  const map = new Map<string, PersonRow[]>();
  for (const row of rows) {
    const key = nameKey(row.name);
    map.set(key, [...(map.get(key) ?? []), row]);
  }
  return map;
}

function nameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
