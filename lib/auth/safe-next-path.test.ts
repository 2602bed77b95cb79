import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps same-site paths and refuses everything that could leave the site", () => {
    expect(safeNextPath("/conferences/x?y=1")).toBe("/conferences/x?y=1");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/\t/evil.example",
      "",
      null,
      3,
    ]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});
