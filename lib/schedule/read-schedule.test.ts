import { describe, expect, it } from "vitest";
import { scheduleFixture as fixture } from "../../tests/support/schedule-fixture";
import { thrownScheduleError as thrown } from "../../tests/support/thrown-schedule-error";
import { MAX_SCHEDULE_BYTES } from "./check-schedule-size";
import { readFrabSchedule } from "./read-frab-schedule";
import { readPretalxSchedule } from "./read-pretalx-schedule";
import { readSchedule } from "./read-schedule";

describe("readSchedule", () => {
  it("detects the format from the content, whatever the file is called", () => {
    expect(readSchedule(fixture("small-frab.xml")).source).toBe("frab");
    expect(readSchedule(fixture("small-pretalx.json")).source).toBe("pretalx");
    expect(readSchedule("\uFEFF  \n" + fixture("small-pretalx.json"), "export.xml").source).toBe("pretalx");
  });

  it("uses the extension only to pick the reader that explains garbage best", () => {
    expect(thrown(() => readSchedule("schedule: yes", "s.json")).message).toMatch(/^Malformed JSON/);
    expect(thrown(() => readSchedule("schedule: yes", "s.xml")).code).toBe("malformed");
  });

  it("refuses text that is neither JSON nor XML, and empty files", () => {
    const e = thrown(() => readSchedule("Title,Start,Room\nOpening,10:00,Saal 1\n", "schedule.csv"));
    expect(e.code).toBe("wrong-format");
    expect(e.message).toBe(
      'Schedule file schedule.csv is neither JSON (pretalx) nor XML (frab): it starts with "Title,Start,Room\\nOpe".',
    );
    expect(thrown(() => readSchedule("   ")).message).toBe("Schedule file is empty.");
  });

  it("passes unsafe-xml through from the frab reader", () => {
    expect(thrown(() => readSchedule(fixture("xxe.xml"))).code).toBe("unsafe-xml");
  });
});

describe("size limit", () => {
  // One padded event: a real-looking file just over the limit.
  const huge = fixture("small-frab.xml").replace(
    "<abstract>An opening.</abstract>",
    `<abstract>${"x".repeat(MAX_SCHEDULE_BYTES)}</abstract>`,
  );

  it("refuses a file over 20 MB with every reader, before parsing", () => {
    for (const read of [readSchedule, readFrabSchedule, readPretalxSchedule]) {
      const started = performance.now();
      const e = thrown(() => read(huge));
      expect(e.code).toBe("too-large");
      expect(e.message).toMatch(/^Schedule file is too large: .*limit 20\.0 MB/);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it("counts UTF-8 bytes, not characters, and honours a custom limit", () => {
    const umlauts = `{"schedule":{"x":"${"ä".repeat(600)}"}}`; // ~1.2 kB in UTF-8, 620 characters
    expect(thrown(() => readSchedule(umlauts, undefined, { maxBytes: 1000 })).code).toBe("too-large");
    expect(thrown(() => readSchedule(umlauts, undefined, { maxBytes: 2000 })).code).toBe("missing-field");
  });
});
