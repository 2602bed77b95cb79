import { describe, expect, it } from "vitest";
import { MAX_PRESENCE_NAME, sanitizePresenceUser } from "./sanitize-presence-user";

describe("sanitizePresenceUser", () => {
  it("keeps a normal name and a hex colour", () => {
    expect(sanitizePresenceUser({ name: " Ada  Lovelace ", color: "#1971C2" })).toEqual({
      name: "Ada Lovelace",
      color: "#1971c2",
    });
    expect(sanitizePresenceUser({ name: "Bo", color: "#abc" })).toEqual({ name: "Bo", color: "#abc" });
  });

  it("drops colours that are not #rgb / #rrggbb", () => {
    for (const color of [
      "url(https://evil.test/x.png)",
      "red",
      "#12345",
      "#1234567",
      "#fff; background: url(x)",
      "var(--x)",
      42,
      null,
    ]) {
      expect(sanitizePresenceUser({ name: "Eve", color })?.color).toBeNull();
    }
  });

  it("refuses missing or empty names and strips invisible characters", () => {
    expect(sanitizePresenceUser(null)).toBeNull();
    expect(sanitizePresenceUser({ color: "#fff" })).toBeNull();
    expect(sanitizePresenceUser({ name: "\u202e\u200b " })).toBeNull();
    expect(sanitizePresenceUser({ name: "In\u202estance Admin\u0000" })?.name).toBe("Instance Admin");
    expect(sanitizePresenceUser({ name: "x".repeat(500) })?.name).toHaveLength(MAX_PRESENCE_NAME);
  });
});
