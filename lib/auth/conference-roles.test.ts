import { describe, expect, it } from "vitest";
import { parseConferenceRole, roleAtLeast } from "./conference-roles";

describe("conference roles", () => {
  it("orders owner > editor > viewer, and no role grants nothing", () => {
    expect(roleAtLeast("owner", "editor")).toBe(true);
    expect(roleAtLeast("editor", "editor")).toBe(true);
    expect(roleAtLeast("viewer", "editor")).toBe(false);
    expect(roleAtLeast(null, "viewer")).toBe(false);
  });
  it("parses only known roles", () => {
    expect(parseConferenceRole("editor")).toBe("editor");
    expect(parseConferenceRole("admin")).toBeNull();
    expect(parseConferenceRole(undefined)).toBeNull();
  });
});
