import { describe, expect, it } from "vitest";
import { scheduleFixture as fixture } from "../../tests/support/schedule-fixture";
import { pickRecordingUrl } from "./pick-recording-url";
import { readFrabSchedule } from "./read-frab-schedule";
import { readPretalxSchedule } from "./read-pretalx-schedule";

describe("schedules' recording links", () => {
  it("takes the first link that is a video page, skipping slides and the session page", () => {
    expect(
      pickRecordingUrl([
        "https://testcon.example/events/101",
        "https://example.org/slides.pdf",
        "https://media.ccc.de/v/tc-101",
        "https://youtu.be/dQw4w9WgXcQ",
      ]),
    ).toBe("https://media.ccc.de/v/tc-101");
    expect(pickRecordingUrl([undefined, "javascript:alert(1)"])).toBeUndefined();
  });

  it("frab XML: from an event's <links>", () => {
    const xml = fixture("small-frab.xml").replace(
      "<url>https://testcon.example/events/101</url>",
      `<url>https://testcon.example/events/101</url><links><link href="https://example.org/slides.pdf">Slides</link><link href="https://media.ccc.de/v/tc-101-keynote">Video</link></links>`,
    );
    const sessions = readFrabSchedule(xml).sessions;
    expect(sessions[0]!.recordingUrl).toBe("https://media.ccc.de/v/tc-101-keynote");
    expect(sessions[1]!.recordingUrl).toBeUndefined();
  });

  it("pretalx JSON: from an event's links or its video_url", () => {
    const json = JSON.parse(fixture("small-pretalx.json")) as {
      schedule: { conference: { days: Array<{ rooms: Record<string, Array<Record<string, unknown>>> }> } };
    };
    const events = Object.values(json.schedule.conference.days[0]!.rooms).flat();
    events[0]!.links = [{ title: "Recording", url: "https://peertube.example/w/kkGMgK9ZtnKfYAgnEtQxbv" }];
    events[1]!.video_url = "https://vimeo.com/76979871";
    const sessions = readPretalxSchedule(JSON.stringify(json)).sessions;
    const byId = new Map(sessions.map((s) => [s.externalId, s.recordingUrl]));
    expect(byId.get(String(events[0]!.guid))).toBe("https://peertube.example/w/kkGMgK9ZtnKfYAgnEtQxbv");
    expect(byId.get(String(events[1]!.guid))).toBe("https://vimeo.com/76979871");
  });
});
