import { describe, expect, it } from "vitest";
import { createPeopleIndex } from "./create-people-index";
import fixture from "./fixtures/devopsdays-people.json";
import { rankPeople } from "./rank-people";
import type { PersonCandidate, RankContext } from "./types";

const people: PersonCandidate[] = fixture;
const index = createPeopleIndex(people);
const ids = (query: string, context: RankContext = {}) => rankPeople(index, query, context).map((r) => r.person.id);
/** Exact and prefix matches only; typo matches fill the rest of the list below them. */
const strongIds = (query: string, context: RankContext = {}) =>
  rankPeople(index, query, context)
    .filter((r) => r.matchedOn !== "fuzzy")
    .map((r) => r.person.id);
const top = (query: string, context: RankContext = {}) => rankPeople(index, query, context)[0];

describe("rankPeople: what matches", () => {
  it("matches prefixes of first and last names", () => {
    expect(ids("ku")).toEqual(["kurt"]);
    expect(top("ku")?.matchedOn).toBe("first");
    expect(strongIds("mil")).toEqual(["kurt"]);
    expect(ids("mil").slice(1).sort()).toEqual(["jody", "john-w"]); // "mul", "wil": one typo away
    expect(top("mil")?.matchedOn).toBe("last");
    expect(strongIds("lym")).toEqual(["jay"]);
  });

  it("matches a middle name and the whole name, spaced or not", () => {
    expect(ids("andrew")).toEqual(["andrew", "rolf"]);
    expect(top("jody mu")).toMatchObject({ person: { id: "jody" }, matchedOn: "name" });
    expect(ids("jody mu")).toEqual(["jody"]);
    expect(top("jodymu")).toMatchObject({ person: { id: "jody" }, matchedOn: "name" });
    expect(top("Jody Mulkey")?.score).toBeGreaterThan(top("jody")!.score - 20);
    expect(ids("mulkey jody")).toEqual(["jody"]);
  });

  it("matches initials", () => {
    expect(top("jm")).toMatchObject({ person: { id: "jody" } });
    expect(ids("rar")).toEqual(["rolf"]);
    expect(top("rar")?.matchedOn).toBe("initials");
    expect(ids("rr")).toEqual(["rolf"]);
    expect(ids("de")[0]).toBe("damon");
  });

  it("finds Rolf Andrew Russell from 'ras' (a one-letter slip on 'Rus'sell)", () => {
    expect(top("ras")?.person.id).toBe("rolf");
  });

  it("matches aliases", () => {
    expect(top("ishay")).toMatchObject({ person: { id: "eishay" }, matchedOn: "alias" });
    expect(top("timo")).toMatchObject({ person: { id: "tim" }, matchedOn: "alias" });
  });

  it("matches affiliation tokens, including multi-word ones", () => {
    expect(top("shopz")).toMatchObject({ person: { id: "jody" }, matchedOn: "affiliation" });
    expect(ids("thoughtw")).toEqual(["rolf"]);
    expect(ids("451")).toEqual(["jay"]);
    expect(ids("it proc")).toEqual(["kurt"]);
    expect(top("dto")).toMatchObject({ person: { id: "damon" }, matchedOn: "affiliation" });
  });

  it("matches handles with or without @, and @ searches handles only", () => {
    expect(top("tloss")).toMatchObject({ person: { id: "tim" }, matchedOn: "handle" });
    expect(top("@tloss")).toMatchObject({ person: { id: "tim" }, matchedOn: "handle" });
    expect(ids("botcha")).toEqual(["john-w"]);
    expect(ids("@jody")).toEqual([]);
    expect(ids("@all")).toEqual(["john-a"]);
  });

  it("ignores case and diacritics on both sides", () => {
    expect(ids("jose")).toEqual(["jose"]);
    expect(ids("NUNEZ")).toEqual(["jose"]);
    expect(ids("Núñ")).toEqual(["jose"]);
    expect(ids("telefonica")).toEqual(["jose"]);
  });
});

describe("rankPeople: typos", () => {
  it("tolerates one edit in 3–5 characters", () => {
    expect(top("eisay")).toMatchObject({ person: { id: "eishay" }, matchedOn: "fuzzy" });
    expect(top("jodi")).toMatchObject({ person: { id: "jody" }, matchedOn: "fuzzy" });
    expect(ids("jodi")).toEqual(["jody", "jodys"]);
    expect(top("kurtt")).toMatchObject({ person: { id: "kurt" }, matchedOn: "fuzzy" });
    expect(top("mlne")?.person.id).toBe("kurt");
  });

  it("tolerates a typo in the first letter", () => {
    expect(ids("kody")).toEqual(["jody", "jodys"]);
  });

  it("tolerates two edits from 6 characters, not from 5", () => {
    expect(top("mulkei")?.person.id).toBe("jody");
    expect(top("mlukei")?.person.id).toBe("jody");
    expect(ids("zzmul")).toEqual([]);
  });

  it("does not guess for one- and two-letter queries", () => {
    expect(ids("qx")).toEqual([]);
  });

  it("ranks exact and prefix matches above typo matches, even for session people", () => {
    const result = rankPeople(index, "john", { sessionPeopleIds: ["jay"] });
    expect(result.map((r) => r.person.id)).toEqual(["john-a", "john-w"]);
    // "jodi" reaches both Jodys by typo only; "jod" would be a prefix.
    const jod = rankPeople(index, "jod", { sessionPeopleIds: ["john-w"] });
    expect(jod.map((r) => r.person.id).slice(0, 3)).toEqual(["jody", "jodys", "john-w"]);
    expect(jod.map((r) => r.matchedOn).slice(0, 3)).toEqual(["first", "first", "fuzzy"]);
  });

  it("corrects typos in extra words too", () => {
    expect(ids("jody mulkei")).toEqual(["jody"]);
    expect(top("jodi smith")?.person.id).toBe("jodys");
    // "mul" alone is a prefix of Mulkey, but with "kurt" only Kurt Milne ("mil") fits.
    expect(rankPeople(index, "kurt mul").map((r) => [r.person.id, r.matchedOn])).toEqual([["kurt", "fuzzy"]]);
    expect(ids("smith jdoy")).toEqual(["jodys"]);
  });
});

describe("rankPeople: context ordering", () => {
  it("puts session people first among similar matches", () => {
    expect(ids("jo")).toEqual(["jody", "jodys", "john-a", "john-w", "jose"]);
    expect(ids("jo", { sessionPeopleIds: ["john-w", "kurt"] })[0]).toBe("john-w");
    expect(ids("jo", { sessionPeopleIds: ["jodys", "jose"] })).toEqual(["jodys", "jose", "jody", "john-a", "john-w"]);
  });

  it("puts recent people next, most recent first", () => {
    const context = { sessionPeopleIds: ["jose"], recentIds: ["john-w", "jodys", "jose"] };
    expect(ids("jo", context)).toEqual(["jose", "john-w", "jodys", "jody", "john-a"]);
  });

  it("keeps quality order inside a group and breaks ties by name", () => {
    // Both Jodys are exact first-name matches; neither is in context: name order.
    expect(ids("jody")).toEqual(["jody", "jodys"]);
    // Inside the session group a last-name prefix (Smith) outranks an affiliation prefix
    // (DTO Solutions) although "Damon" sorts first; outside it, equal qualities go by name.
    expect(ids("s", { sessionPeopleIds: ["damon", "jodys"] })).toEqual(["jodys", "damon", "andrew", "eishay", "jody"]);
  });

  it("ranks a panelist first after two keystrokes of their first name", () => {
    const conference = createPeopleIndex([
      ...people,
      ...Array.from({ length: 300 }, (_, i) => ({
        id: `x${i}`,
        name: `Joan${String.fromCharCode(97 + (i % 26))} Doe${i}`,
      })),
      { id: "jo-exact", name: "Jo Mulkey" },
    ]);
    const panel = ["jay", "kurt", "jody", "rolf", "damon"];
    for (const id of panel) {
      const person = people.find((p) => p.id === id)!;
      const twoLetters = person.name.slice(0, 2);
      expect(rankPeople(conference, twoLetters, { sessionPeopleIds: panel })[0]?.person.id).toBe(id);
    }
  });

  it("ignores unknown and duplicate context ids", () => {
    expect(ids("", { sessionPeopleIds: ["nobody", "kurt", "kurt"], recentIds: ["kurt", "ghost", "jay"] })).toEqual([
      "kurt",
      "jay",
    ]);
  });
});

describe("rankPeople: empty query and limit", () => {
  it("lists session people in panel order, then recent people", () => {
    const result = rankPeople(index, "  ", { sessionPeopleIds: ["rolf", "jay"], recentIds: ["tim", "jay", "kurt"] });
    expect(result.map((r) => r.person.id)).toEqual(["rolf", "jay", "tim", "kurt"]);
    expect(result.every((r) => r.score === 0)).toBe(true);
    expect(ids("")).toEqual([]);
  });

  it("honours the limit, default 8", () => {
    expect(ids("j", { limit: 2 })).toHaveLength(2);
    expect(ids("", { sessionPeopleIds: ["rolf", "jay", "tim"], limit: 2 })).toEqual(["rolf", "jay"]);
    expect(ids("o", { limit: 0 })).toEqual([]);
    expect(
      rankPeople(createPeopleIndex(Array.from({ length: 20 }, (_, i) => ({ id: `${i}`, name: `Ann ${i}` }))), "ann"),
    ).toHaveLength(8);
  });

  it("gives the same answer when asked twice (scratch buffers are reset)", () => {
    const first = rankPeople(index, "jo", { sessionPeopleIds: ["jose"] });
    rankPeople(index, "kurtt");
    expect(rankPeople(index, "jo", { sessionPeopleIds: ["jose"] })).toEqual(first);
  });
});

describe("rankPeople at conference scale", () => {
  const firsts = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kira",
    "Liam",
    "Maya",
    "Noah",
    "Olga",
    "Priya",
  ];
  const lasts = [
    "Berg",
    "Costa",
    "Dubois",
    "Evans",
    "Fischer",
    "Garcia",
    "Hansen",
    "Ito",
    "Jensen",
    "Khan",
    "Lopez",
    "Moreau",
    "Novak",
    "Okafor",
  ];
  const crowd = Array.from({ length: 10_000 }, (_, i) => ({
    id: `p${i}`,
    name: `${firsts[i % firsts.length]} ${lasts[Math.floor(i / firsts.length) % lasts.length]}${i}`,
  }));
  const big = createPeopleIndex([...crowd, ...people]);

  it("still finds a first-letter typo among 10,000 people", () => {
    expect(rankPeople(big, "kody", { sessionPeopleIds: ["jody"] })[0]?.person.id).toBe("jody");
    expect(rankPeople(big, "eisay")[0]?.person.id).toBe("eishay");
  });

  it("lets a session person beat hundreds of same-prefix strangers", () => {
    expect(rankPeople(big, "jo", { sessionPeopleIds: ["jose"] })[0]?.person.id).toBe("jose");
  });
});

describe("rankPeople: names in Chinese, Japanese and Korean", () => {
  const cjk = createPeopleIndex<PersonCandidate>([
    { id: "yamada", name: "山田太郎", affiliation: "ソニー" },
    { id: "yamamoto", name: "山本花子" },
    { id: "wang", name: "王小明", affiliation: "阿里巴巴" },
    { id: "kim", name: "김민수" },
    { id: "tanaka", name: "田中 一郎" },
    { id: "jody", name: "Jody Mulkey" },
  ]);
  const found = (query: string) => rankPeople(cjk, query).map((r) => r.person.id);

  it("finds a name written without spaces by its family name, given name or whole", () => {
    expect(found("山田")).toEqual(["yamada"]);
    expect(found("山田太郎")).toEqual(["yamada"]);
    expect(found("太郎")).toEqual(["yamada"]);
    expect(found("小明")).toEqual(["wang"]);
    expect(found("민수")).toEqual(["kim"]);
    expect(found("김")).toEqual(["kim"]);
  });

  it("ranks a family-name match above a match inside a name, and finds spaced names and companies", () => {
    expect(found("山")).toEqual(["yamamoto", "yamada"]);
    expect(found("田")[0]).toBe("tanaka");
    expect(found("一郎")).toEqual(["tanaka"]);
    expect(found("ソニー")).toEqual(["yamada"]);
    expect(found("jo")).toEqual(["jody"]);
  });
});
