import { describe, expect, it } from "vitest";
import { ftsQuery } from "./fts-query";

describe("ftsQuery", () => {
  it("quotes every word, ANDs them, and makes the last a prefix, within the reader columns", () => {
    expect(ftsQuery("unplanned wor")).toBe('{speaker text} : ("unplanned" "wor" *)');
  });

  it("turns FTS5 syntax into plain words", () => {
    expect(ftsQuery('"a" OR b* NEAR(c) text:d -e ^f')).toBe(
      '{speaker text} : ("a" "OR" "b" "NEAR" "c" "text" "d" "e" "f" *)',
    );
    expect(ftsQuery("  ?!* ")).toBeNull();
  });

  it("keeps letters of any script and caps the number of terms", () => {
    expect(ftsQuery("Müller 東京")).toBe('{speaker text} : ("Müller" "東京" *)');
    expect(ftsQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "))!.match(/"/g)).toHaveLength(24);
  });
});
