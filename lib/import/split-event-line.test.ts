import { describe, expect, it } from "vitest";
import { parseDateLine } from "./parse-date-line";
import { splitEventLine } from "./split-event-line";

describe("splitEventLine", () => {
  it("cuts a glued logo file name out of the event header", () => {
    expect(splitEventLine("DevOps Daydevopslogo.jpgSanta Clara, CA")).toEqual({
      name: "DevOps Day",
      location: "Santa Clara, CA",
      image: "devopslogo.jpg",
    });
    expect(splitEventLine("Velocity Conflogo.pngSanta Clara, CA", ["Velocity Conf"])).toMatchObject({
      name: "Velocity Conf",
    });
    expect(splitEventLine("Monitorama Eventbanner.gifPortland")).toEqual({
      name: "Monitorama Event",
      location: "Portland",
      image: "banner.gif",
    });
    expect(splitEventLine("DevOps Day, Santa Clara, CA")).toEqual({
      name: "DevOps Day",
      location: "Santa Clara, CA",
      image: null,
    });
    expect(splitEventLine("just words")).toBeNull();
  });
});

describe("parseDateLine", () => {
  it("reads the date forms of blog posts as ISO dates", () => {
    expect(parseDateLine("June 25, 2010")).toBe("2010-06-25");
    expect(parseDateLine("Friday, June 25th 2010")).toBe("2010-06-25");
    expect(parseDateLine("25 Sept. 2012")).toBe("2012-09-25");
    expect(parseDateLine("2010-06-25")).toBe("2010-06-25");
    expect(parseDateLine("Jun252010")).toBe("2010-06-25");
    expect(parseDateLine("February 30, 2010")).toBeNull();
    expect(parseDateLine("June 25, 2010 was fun")).toBeNull();
  });
});
