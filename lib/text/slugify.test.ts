import { describe, expect, it } from "vitest";
import { slugify } from "./slugify";

describe("slugify", () => {
  it.each([
    ["Making The Business Case", "making-the-business-case"],
    ["Ignite Talks #2", "ignite-talks-2"],
    ["Café déjà vu — Straße Ærø", "cafe-deja-vu-strasse-aero"],
    ["../../etc/passwd", "etc-passwd"],
    ["C:\\Windows\\system32", "c-windows-system32"],
    ["  --Hello--World--  ", "hello-world"],
    ["\u202Eexe.txt", "exe-txt"],
  ])("%j -> %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("never returns an empty slug", () => {
    expect(slugify("日本語")).toBe("untitled");
    expect(slugify("...", { fallback: "session" })).toBe("session");
  });

  it("cuts long slugs at a hyphen and never ends with one", () => {
    const slug = slugify("word ".repeat(40), { maxLength: 22 });
    expect(slug).toBe("word-word-word-word");
    expect(slugify("abcdefghij", { maxLength: 4 })).toBe("abcd");
  });
});
