import type { ScheduleDiff, ScheduleFieldChange } from "./diff-schedule";

/**
 * Turns a {@link ScheduleDiff} into lines a person reads before confirming a
 * re-import, e.g. "Moved 'X' from Saal 1 to Saal 2", "Renamed 'A' to 'B'",
 * "Added speaker Ada to 'X'". Order: added sessions, removed sessions, then
 * each changed session's fields, then people. A start moved together with its
 * end is one "Moved" line; the end gets its own line only when the length
 * changed. Empty when nothing changed.
 */
export function describeScheduleDiff(diff: ScheduleDiff): string[] {
  const lines: string[] = [];
  for (const s of diff.added) lines.push(`Added '${s.title}' (${s.room}, ${when(s.startsAt)})`);
  for (const s of diff.removed) lines.push(`Removed '${s.title}' (was ${s.room}, ${when(s.startsAt)})`);
  for (const session of diff.changed) {
    const byField = new Map(session.changes.map((c) => [c.field, c]));
    const title = `'${session.title}'`;
    for (const change of session.changes) lines.push(...describeChange(change, title, byField));
  }
  for (const p of diff.peopleAdded) lines.push(`Added person ${p.name}`);
  for (const p of diff.peopleRemoved) lines.push(`Removed person ${p.name}`);
  return lines;
}

function describeChange(change: ScheduleFieldChange, title: string, all: Map<string, ScheduleFieldChange>): string[] {
  if (change.field === "speakers") {
    const before = new Set(change.before.map((p) => p.externalId));
    const after = new Set(change.after.map((p) => p.externalId));
    return [
      ...change.after.filter((p) => !before.has(p.externalId)).map((p) => `Added speaker ${p.name} to ${title}`),
      ...change.before.filter((p) => !after.has(p.externalId)).map((p) => `Removed speaker ${p.name} from ${title}`),
    ];
  }
  const { before, after } = change;
  switch (change.field) {
    case "title":
      return [`Renamed '${before ?? ""}' to '${after ?? ""}'`];
    case "startsAt":
      return [`Moved ${title} from ${when(before)} to ${when(after)}`];
    case "endsAt": {
      // Moving a session shifts its end too; say so only if its length changed.
      const start = all.get("startsAt");
      if (start && start.field !== "speakers") {
        const lengthBefore = length(start.before, before);
        if (lengthBefore !== null && lengthBefore === length(start.after, after)) return [];
      }
      return [`Changed end of ${title} from ${when(before)} to ${when(after)}`];
    }
    case "room":
      return [`Moved ${title} from ${before ?? "no room"} to ${after ?? "no room"}`];
    case "track":
      return [`Changed track of ${title} from ${before ?? "none"} to ${after ?? "none"}`];
    case "kind":
      return [`Changed kind of ${title} from ${before ?? "none"} to ${after ?? "none"}`];
    case "subtitle":
      return [after === null ? `Removed subtitle of ${title}` : `Changed subtitle of ${title} to '${after}'`];
    case "abstract":
      return [after === null ? `Removed abstract of ${title}` : `Updated abstract of ${title}`];
  }
}

/** "2014-12-27 11:00" in the offset the time was written in (the conference's). */
function when(iso: string | null): string {
  if (!iso) return "no time";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

function length(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isNaN(ms) ? null : ms;
}
