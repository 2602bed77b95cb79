import { describe, expect, it } from "vitest";
import type { InterchangePerson } from "../interchange/types";
import { matchSpeaker } from "./match-speaker";

const people: InterchangePerson[] = [
  { id: "jody-mulkey", name: "Jody Mulkey", role: "panelist" },
  { id: "rolf", name: "Rolf Andrew Russell", role: "panelist", aliases: ["RAR"] },
  { id: "eishay", name: "Eishay Smith", role: "speaker", handle: "@eishay" },
  { id: "jay-lyman", name: "Jay Lyman", role: "panelist" },
  { id: "jose", name: "José Núñez", role: "audience" },
];

const who = (label: string) => {
  const m = matchSpeaker(label, people);
  return m ? [m.person.id, m.how, m.distance] : null;
};

describe("matchSpeaker", () => {
  it("matches full, first and last names, handles and aliases, ignoring case and accents", () => {
    expect(who("jody mulkey")).toEqual(["jody-mulkey", "name", 0]);
    expect(who("Jody")).toEqual(["jody-mulkey", "first-name", 0]);
    expect(who("Russell")).toEqual(["rolf", "last-name", 0]);
    expect(who("@eishay")).toEqual(["eishay", "handle", 0]);
    expect(who("rar")).toEqual(["rolf", "alias", 0]);
    expect(who("Jose")).toEqual(["jose", "first-name", 0]);
  });

  it("tolerates typos by length, with the first letter fixed", () => {
    expect(who("Jodi")).toEqual(["jody-mulkey", "fuzzy", 1]);
    expect(who("Eisay")).toEqual(["eishay", "fuzzy", 1]);
    expect(who("Rlof")).toEqual(["rolf", "fuzzy", 1]);
    expect(who("Mulkee")).toEqual(["jody-mulkey", "fuzzy", 1]);
    expect(who("Jody Mulky")).toEqual(["jody-mulkey", "fuzzy", 1]);
    expect(who("Ray")).toBeNull(); // 3 letters: no typo allowed
    expect(who("Kody")).toBeNull(); // first letter differs
    expect(who("Windows")).toBeNull();
    expect(who("")).toBeNull();
  });

  it("uses the autocomplete's ranking for prefixes, initials and middle initials", () => {
    const more = [
      ...people,
      { id: "mary", name: "Mary K. Lee", role: "panelist" as const },
      { id: "chris", name: "Christopher Lane", role: "panelist" as const },
    ];
    expect(matchSpeaker("Mary K.", more)?.person.id).toBe("mary");
    expect(matchSpeaker("Chris", more)).toMatchObject({ person: { id: "chris" }, how: "prefix" });
    expect(matchSpeaker("Ch", more)).toBeNull();
    expect(matchSpeaker("JM", more)).toMatchObject({ person: { id: "jody-mulkey" }, how: "initials" });
  });

  it("refuses ambiguous labels instead of guessing", () => {
    const twoJays = [...people, { id: "jay-2", name: "Jay Park", role: "audience" as const }];
    expect(matchSpeaker("Jay", twoJays)).toBeNull();
    expect(matchSpeaker("Jay Park", twoJays)?.person.id).toBe("jay-2");
  });
});
