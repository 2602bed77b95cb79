import { describe, expect, it } from "vitest";
import { zoneLabel } from "./zone-label";

describe("zoneLabel", () => {
  it("spells fixed offsets the way people read them, region names as they are", () => {
    expect(zoneLabel("Etc/GMT-1")).toBe("UTC+1");
    expect(zoneLabel("Etc/GMT+5")).toBe("UTC−5");
    expect(zoneLabel("Etc/UTC")).toBe("UTC");
    expect(zoneLabel("Europe/Berlin")).toBe("Europe/Berlin");
    expect(zoneLabel("Mars/Olympus")).toBe("UTC");
  });
});
