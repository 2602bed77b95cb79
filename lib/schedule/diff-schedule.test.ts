import { describe, expect, it } from "vitest";
import { scheduleFixture as fixture } from "../../tests/support/schedule-fixture";
import { describeScheduleDiff } from "./describe-schedule-diff";
import { diffSchedule, type ScheduleSnapshot } from "./diff-schedule";
import { readFrabSchedule } from "./read-frab-schedule";

describe("diffSchedule on a re-exported schedule", () => {
  const before = readFrabSchedule(fixture("small-frab.xml"));
  const after = readFrabSchedule(fixture("small-frab-after.xml"));
  // What the database keeps: the previous import after a JSON round trip.
  const stored = JSON.parse(JSON.stringify(before)) as ScheduleSnapshot;
  const diff = diffSchedule(stored, after);

  it("reports exactly the added, removed and changed sessions, and counts the rest", () => {
    expect(diff.added.map((s) => s.title)).toEqual(["Closing"]);
    expect(diff.removed.map((s) => s.title)).toEqual(["Late Night Film"]);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed).toEqual([
      {
        externalId: "aaaaaaaa-0000-4000-8000-000000000002",
        title: "Parsing XML safely",
        changes: [
          { field: "startsAt", before: "2024-03-09T11:00:00+01:00", after: "2024-03-09T12:00:00+01:00" },
          { field: "endsAt", before: "2024-03-09T12:00:00+01:00", after: "2024-03-09T13:00:00+01:00" },
        ],
      },
      {
        externalId: "aaaaaaaa-0000-4000-8000-000000000003",
        title: "Lightning Talks",
        changes: [
          {
            field: "speakers",
            before: [
              { externalId: "3", name: "Margaret Hamilton" },
              { externalId: "2", name: "Grace Hopper" },
            ],
            after: [
              { externalId: "3", name: "Margaret Hamilton" },
              { externalId: "4", name: "Katherine Johnson" },
            ],
          },
        ],
      },
      {
        externalId: "aaaaaaaa-0000-4000-8000-000000000005",
        title: "Podium: The Future",
        changes: [{ field: "room", before: "Saal 1", after: "Saal 2" }],
      },
      {
        externalId: "aaaaaaaa-0000-4000-8000-000000000006",
        title: "Hands-on Workshop: Parsers",
        changes: [{ field: "title", before: "Hands-on Workshop", after: "Hands-on Workshop: Parsers" }],
      },
    ]);
    expect(diff.peopleAdded).toEqual([{ externalId: "5", name: "Hedy Lamarr" }]);
    expect(diff.peopleRemoved).toEqual([]);
  });

  it("describes the changes as lines a person reads", () => {
    expect(describeScheduleDiff(diff)).toEqual([
      "Added 'Closing' (Saal 2, 2024-03-10 14:00)",
      "Removed 'Late Night Film' (was Saal 2, 2024-03-10 00:30)",
      "Moved 'Parsing XML safely' from 2024-03-09 11:00 to 2024-03-09 12:00",
      "Added speaker Katherine Johnson to 'Lightning Talks'",
      "Removed speaker Grace Hopper from 'Lightning Talks'",
      "Moved 'Podium: The Future' from Saal 1 to Saal 2",
      "Renamed 'Hands-on Workshop' to 'Hands-on Workshop: Parsers'",
      "Added person Hedy Lamarr",
    ]);
  });

  it("finds nothing when the same schedule is imported again", () => {
    const same = diffSchedule(stored, before);
    expect(same).toEqual({ added: [], removed: [], changed: [], peopleAdded: [], peopleRemoved: [], unchanged: 6 });
    expect(describeScheduleDiff(same)).toEqual([]);
  });
});

describe("diffSchedule details", () => {
  const base = readFrabSchedule(fixture("small-frab.xml"));
  const edit = (fn: (s: (typeof base.sessions)[number]) => void) => {
    const copy = structuredClone(base);
    const first = copy.sessions[0];
    if (first) fn(first);
    return copy;
  };

  it("treats the same instant in another offset, and reordered speakers, as no change", () => {
    const moved = edit((s) => {
      s.startsAt = "2024-03-09T09:00:00+00:00";
      s.endsAt = "2024-03-09T09:45:00Z";
    });
    moved.sessions[4]?.personIds.reverse();
    expect(diffSchedule(base, moved).changed).toEqual([]);
  });

  it("reports a lengthened session as an end change, and an added subtitle, kind and track", () => {
    const d = diffSchedule(
      base,
      edit((s) => {
        s.endsAt = "2024-03-09T11:00:00+01:00";
        s.kind = "talk";
        s.track = "Keynotes";
        delete s.subtitle;
        s.abstract = "A longer opening.";
      }),
    );
    expect(d.changed[0]?.changes.map((c) => c.field)).toEqual(["endsAt", "track", "kind", "subtitle", "abstract"]);
    expect(describeScheduleDiff(d)).toEqual([
      "Changed end of 'Opening Keynote' from 2024-03-09 10:45 to 2024-03-09 11:00",
      "Changed track of 'Opening Keynote' from Main to Keynotes",
      "Changed kind of 'Opening Keynote' from keynote to talk",
      "Removed subtitle of 'Opening Keynote'",
      "Updated abstract of 'Opening Keynote'",
    ]);
  });

  it("reports a moved and lengthened session as a move plus an end change", () => {
    const d = diffSchedule(
      base,
      edit((s) => {
        s.startsAt = "2024-03-09T10:30:00+01:00";
        s.endsAt = "2024-03-09T11:30:00+01:00";
      }),
    );
    expect(describeScheduleDiff(d)).toEqual([
      "Moved 'Opening Keynote' from 2024-03-09 10:00 to 2024-03-09 10:30",
      "Changed end of 'Opening Keynote' from 2024-03-09 10:45 to 2024-03-09 11:30",
    ]);
  });

  it("matches by externalId only: a new id is a removal plus an addition", () => {
    const d = diffSchedule(
      base,
      edit((s) => (s.externalId = "new-guid")),
    );
    expect(d.added.map((s) => s.externalId)).toEqual(["new-guid"]);
    expect(d.removed.map((s) => s.externalId)).toEqual(["aaaaaaaa-0000-4000-8000-000000000001"]);
    expect(d.unchanged).toBe(5);
  });
});
