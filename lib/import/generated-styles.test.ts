import { afterAll, describe, expect, it } from "vitest";
import type { Block, InterchangePerson, TalkNotesDocument } from "../interchange/types";
import { seededRandom } from "../random/seeded-random";
import { importNotes } from "./import-notes";

/**
 * Generated panels and Ignite series, written out the way different people
 * type notes (not only the project's own Markdown export), imported, and
 * compared with what was generated: people and roles, thread structure and
 * every attribution (answers, top-level statements, talk speakers). Seeded,
 * so a failure names the seed that reproduces it. The share recovered per
 * style is printed at the end.
 */
interface Person {
  first: string;
  /** The whole name; for CJK names, first === name. */
  name: string;
  last: string;
  company: string;
  handle: string;
}

const NAMES: [string, string, string][] = [
  ["Amara", "", "Okafor"],
  ["Bruno", "", "Castellanos"],
  ["José", "", "Martínez"],
  ["Łukasz", "", "Kowalski"],
  ["Zoë", "", "Faure"],
  ["Mary", "K.", "Lee"],
  ["Hiroshi", "", "Tanaka"],
  ["Ines", "", "Moreau"],
  ["Kwame", "", "Mensah"],
  ["Priyanka", "", "Raman"],
  ["Gustav", "", "Lindqvist"],
  ["Fatima", "", "Zahra"],
  ["Victor", "Hugo", "Alves"],
  ["Siobhan", "", "O'Connor"],
  ["王小明", "", ""],
  ["Olga", "", "Ivanova"],
];
const COMPANIES = ["Tidewater Labs", "Quayside Bank", "Lantern Systems", "Shopzilla", "ThoughtWorks", "451 Group", "Mercado Libre", "Allegro"];
const WORDS = "deploy metrics outcomes cycle time throughput pager budget rollback incident release feature team trust latency cost".split(" ");

interface Generated {
  doc: TalkNotesDocument;
  people: Person[];
}

function generate(seed: number, kind: "panel" | "ignite"): Generated {
  const r = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const chosen = [...NAMES].sort(() => r() - 0.5).slice(0, kind === "panel" ? 3 + Math.floor(r() * 3) : 3 + Math.floor(r() * 4));
  const people: Person[] = chosen.map(([first, middle, last]) => {
    const name = [first, middle, last].filter(Boolean).join(" ");
    const handle = `@${(first.normalize("NFKD").replace(/[^a-z]/gi, "") || "wang").toLowerCase()}${last.normalize("NFKD").replace(/[^a-z]/gi, "").toLowerCase()}`;
    return { first, name, last, company: pick(COMPANIES), handle };
  });
  const persons: InterchangePerson[] = people.map((p, i) => ({
    id: `p${i}`,
    name: p.name,
    role: kind === "ignite" ? "speaker" : i === 0 ? "moderator" : "panelist",
    affiliation: p.company,
  }));
  const blocks: Block[] = [];
  if (kind === "panel") {
    const panel = persons.slice(1);
    const statement = (): Block => ({ type: "statement", speaker: pick(panel).id, text: sentence(4 + Math.floor(r() * 6)), asides: [], children: [] });
    for (let i = Math.floor(r() * 3); i > 0; i--) blocks.push(statement());
    for (let i = 2 + Math.floor(r() * 4); i > 0; i--) {
      blocks.push({ type: "question", text: `${sentence(5)}?`, askedBy: null, answers: Array.from({ length: 1 + Math.floor(r() * 4) }, statement) });
    }
  } else {
    for (const [i, p] of persons.entries()) {
      const notes: Block[] = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ type: "note", text: sentence(5), children: [] }));
      if (r() < 0.4) notes.push({ type: "statement", speaker: p.id, text: sentence(6), asides: [], children: [] });
      blocks.push({ type: "talk", title: `${pick(["Rollback", "Pager", "Latency", "Release"])} ${sentence(3)} ${i + 1}`, speakers: [p.id], children: notes });
    }
  }
  const doc: TalkNotesDocument = {
    format: "talknotes/1",
    conference: { name: "Generated Camp", location: "Portland, OR", startsOn: "2011-03-04", hashtag: "#gencamp" },
    session: { title: kind === "panel" ? `Panel on ${sentence(2)} ${seed}` : `Ignite talks ${seed}`, kind, intro: "Typed live from the back row." },
    people: persons,
    blocks,
  };
  return { doc, people };
}

/** A note-taker's way of writing things down. */
interface Style {
  name: string;
  /** Whether the style writes companies (so they can be compared). */
  companies: boolean;
  render: (g: Generated, r: () => number) => string;
}

const byId = (g: Generated, id: string | null) => g.people[Number((id ?? "p0").slice(1))]!;
const say = (b: Block) => (b.type === "statement" ? b.text : "");
/** What a note-taker writes for a speaker: mostly the first name, sometimes the whole or last name. */
const label = (p: Person, r: () => number) => (r() < 0.15 ? p.name : r() < 0.1 && p.last ? p.last : p.first);
/** One swapped pair of letters in the middle of a name of five letters or more ("Alcie"). */
const typo = (s: string) => (s.length >= 5 ? s.slice(0, 2) + s[3] + s[2] + s.slice(4) : s);

const STYLES: Style[] = [
  {
    name: "2010 blog copy (•, people after a repeated title)",
    companies: true,
    render: (g, r) => {
      const { doc } = g;
      const out = [`Talk notes: ${doc.session.title} (#GenCamp)`, "", "Generated Camp, Portland, OR", "March 4, 2011", "", doc.session.intro, "", doc.session.title, ""];
      if (doc.session.kind === "panel") {
        for (const p of g.people.slice(1)) out.push(`${p.name}, ${p.company}`);
        out.push("", `Moderator: ${g.people[0]!.name} (${g.people[0]!.company})`, "");
      }
      for (const b of doc.blocks) {
        if (b.type === "question") {
          out.push(`  • ${r() < 0.5 ? "Question: " : ""}${b.text}`);
          for (const a of b.answers) out.push(`    • ${label(byId(g, (a as { speaker: string }).speaker), r)}: "${say(a)}"`);
        } else if (b.type === "statement") out.push(`  • ${label(byId(g, b.speaker), r)}: "${b.text}"`);
        else if (b.type === "talk") {
          const p = byId(g, b.speakers[0]!);
          out.push(`  • ${p.name}, ${p.company}: ${b.title}`);
          for (const c of b.children) out.push(c.type === "statement" ? `    • ${p.first}: "${c.text}"` : `    • ${(c as { text: string }).text}`);
        }
      }
      return out.join("\n");
    },
  },
  {
    name: "Markdown (# title, Panelists: list, Q:, unquoted answers)",
    companies: true,
    render: (g, r) => {
      const { doc } = g;
      const out = [`# ${doc.session.title}`, "", doc.session.intro, ""];
      if (doc.session.kind === "panel") {
        out.push("Panelists:");
        for (const p of g.people.slice(1)) out.push(`- ${p.name} (${p.company})`);
        out.push("", `Moderator: ${g.people[0]!.name} (${g.people[0]!.company})`, "");
      }
      for (const b of doc.blocks) {
        if (b.type === "question") {
          out.push(`- Q: ${b.text}`);
          for (const a of b.answers) out.push(`  - ${label(byId(g, (a as { speaker: string }).speaker), r)}: ${say(a)}`);
        } else if (b.type === "statement") out.push(`- ${label(byId(g, b.speaker), r)}: ${b.text}`);
        else if (b.type === "talk") {
          const p = byId(g, b.speakers[0]!);
          out.push("", `## ${b.title} — ${p.name} (${p.company})`);
          for (const c of b.children) out.push(c.type === "statement" ? `- ${p.first}: ${c.text}` : `- ${(c as { text: string }).text}`);
        }
      }
      return out.join("\n");
    },
  },
  {
    name: "numbered and tabs, people listed after the notes",
    companies: true,
    render: (g, r) => {
      const { doc } = g;
      const out = [`Notes: ${doc.session.title}`, "", doc.session.intro, ""];
      let n = 0;
      for (const b of doc.blocks) {
        if (b.type === "question") {
          out.push(`${++n}. ${b.text}`);
          for (const a of b.answers) out.push(`\t- ${label(byId(g, (a as { speaker: string }).speaker), r)}: "${say(a)}"`);
        } else if (b.type === "statement") out.push(`${++n}. ${label(byId(g, b.speaker), r)}: "${b.text}"`);
        else if (b.type === "talk") {
          const p = byId(g, b.speakers[0]!);
          out.push(`${++n}. ${b.title}: ${p.name} from ${p.company}`);
          for (const c of b.children) out.push(c.type === "statement" ? `\t- ${p.first}: "${c.text}"` : `\t- ${(c as { text: string }).text}`);
        }
      }
      if (doc.session.kind === "panel") {
        out.push("");
        for (const p of g.people.slice(1)) out.push(`${p.name} - ${p.company}`);
        out.push(`moderated by ${g.people[0]!.name} - ${g.people[0]!.company}`);
      }
      return out.join("\n");
    },
  },
  {
    name: "flat Q/A lines, handles before the intro",
    companies: false,
    render: (g, r) => {
      const { doc } = g;
      const out = [doc.session.title, ""];
      if (doc.session.kind === "panel") {
        for (const p of g.people.slice(1)) out.push(`${p.name} ${p.handle}`);
        out.push(`Moderator: ${g.people[0]!.name} ${g.people[0]!.handle}`, "");
      }
      out.push(doc.session.intro, "");
      for (const b of doc.blocks) {
        if (b.type === "question") {
          out.push(`${r() < 0.5 ? "Q:" : "Question:"} ${b.text}`);
          for (const a of b.answers) out.push(`${label(byId(g, (a as { speaker: string }).speaker), r)}: ${say(a)}`);
          out.push("");
        } else if (b.type === "statement") out.push(`${label(byId(g, b.speaker), r)}: "${b.text}"`, "");
        else if (b.type === "talk") {
          const p = byId(g, b.speakers[0]!);
          out.push(`* ${b.title} (${p.name} ${p.handle})`);
          for (const c of b.children) out.push(c.type === "statement" ? `    * ${p.first}: ${c.text}` : `    * ${(c as { text: string }).text}`);
        }
      }
      return out.join("\n");
    },
  },
  {
    name: "quotes with — bylines, inline panel line at the end",
    companies: true,
    render: (g, r) => {
      const { doc } = g;
      const out = [`## ${doc.session.title}`.replace(/^## /, "# "), "", doc.session.intro, ""];
      for (const b of doc.blocks) {
        if (b.type === "question") {
          out.push(`* Question: "${b.text}"`);
          for (const a of b.answers) out.push(`    * "${say(a)}" — ${label(byId(g, (a as { speaker: string }).speaker), r)}`);
        } else if (b.type === "statement") out.push(`* "${b.text}" — ${label(byId(g, b.speaker), r)}`);
        else if (b.type === "talk") {
          const p = byId(g, b.speakers[0]!);
          const email = `${p.handle.slice(1)}@example.org`;
          out.push(r() < 0.5 ? `* ${b.title}, ${p.name}, ${p.company} team: http://example.org/t: ${email}` : `* ${b.title}: ${p.name}, ${p.company}, ${email}`);
          for (const c of b.children) out.push(c.type === "statement" ? `    * "${c.text}" — ${p.first}` : `    * ${(c as { text: string }).text}`);
        }
      }
      if (doc.session.kind === "panel") {
        out.push("", `Panel: ${g.people.slice(1).map((p) => `${p.name} (${p.company})`).join("; ")}`);
        out.push(`Moderator: ${g.people[0]!.name} (${g.people[0]!.company})`);
      }
      return out.join("\n");
    },
  },
  {
    name: "hurried typist: misspelt first names",
    companies: true,
    render: (g, r) => {
      const { doc } = g;
      const hurried = (p: Person) => (r() < 0.35 ? typo(p.first) : p.first);
      const out = [`Talk notes: ${doc.session.title}`, ""];
      if (doc.session.kind === "panel") {
        for (const p of g.people.slice(1)) out.push(`${p.name} (${p.company})`);
        out.push(`Moderator: ${g.people[0]!.name} (${g.people[0]!.company})`, "");
      }
      for (const b of doc.blocks) {
        if (b.type === "question") {
          out.push(`- ${b.text}`);
          for (const a of b.answers) out.push(`   - ${hurried(byId(g, (a as { speaker: string }).speaker))}: "${say(a)}"`);
        } else if (b.type === "statement") out.push(`- ${hurried(byId(g, b.speaker))}: ${b.text}`);
        else if (b.type === "talk") {
          const p = byId(g, b.speakers[0]!);
          out.push(`- ${p.name}, ${p.company}: ${b.title}`);
          for (const c of b.children) out.push(c.type === "statement" ? `   - ${hurried(p)}: "${c.text}"` : `   - ${(c as { text: string }).text}`);
        }
      }
      return out.join("\n");
    },
  },
];

/** Every attribution in document order: answers, statements and talk speakers, as "path -> name". */
function attributions(doc: TalkNotesDocument): Map<string, string> {
  const name = (id: string | null) => (id === null ? "(none)" : (doc.people.find((p) => p.id === id)?.name ?? "?"));
  const out = new Map<string, string>();
  const walk = (list: Block[], path: string) =>
    list.forEach((b, i) => {
      const here = `${path}/${i}`;
      if (b.type === "statement") out.set(here, name(b.speaker));
      if (b.type === "talk") out.set(here, b.speakers.map(name).join(", "));
      if (b.type === "question") walk(b.answers, here);
      else if (b.type !== "aside" && b.type !== "image") walk(b.children, here);
    });
  walk(doc.blocks, "");
  return out;
}

/** Threads as shapes: block types and answer counts. */
const structure = (doc: TalkNotesDocument) =>
  doc.blocks.map((b) => (b.type === "question" ? `Q${b.answers.length}` : b.type === "talk" ? `T${b.children.length}` : b.type[0]));

const SEEDS = 40;
const totals = new Map<string, { attributions: number; recovered: number; people: number; peopleOk: number; structures: number; structuresOk: number }>();

describe("generated panels and Ignite series written in note-takers' styles", () => {
  for (const style of STYLES) {
    it(style.name, () => {
      const t = { attributions: 0, recovered: 0, people: 0, peopleOk: 0, structures: 0, structuresOk: 0 };
      const failures: string[] = [];
      for (let seed = 1; seed <= SEEDS; seed++) {
        for (const kind of ["panel", "ignite"] as const) {
          const g = generate(seed * 2 + (kind === "ignite" ? 1 : 0), kind);
          const text = style.render(g, seededRandom(seed));
          const back = importNotes(text).document;
          const want = g.doc.people.map((p) => [p.name, p.role, style.companies ? (p.affiliation ?? null) : null].join(" | ")).sort();
          const got = back.people.map((p) => [p.name, p.role, style.companies ? (p.affiliation ?? null) : null].join(" | ")).sort();
          t.people += want.length;
          t.peopleOk += want.filter((w) => got.includes(w)).length;
          if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`seed ${seed} ${kind}: people ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
          t.structures++;
          if (JSON.stringify(structure(back)) === JSON.stringify(structure(g.doc))) t.structuresOk++;
          else failures.push(`seed ${seed} ${kind}: structure ${structure(back).join(" ")} != ${structure(g.doc).join(" ")}`);
          const expected = attributions(g.doc);
          const actual = attributions(back);
          for (const [path, who] of expected) {
            t.attributions++;
            if (actual.get(path) === who) t.recovered++;
            else failures.push(`seed ${seed} ${kind}: ${path} by ${actual.get(path)} != ${who}`);
          }
          if (kind === "panel") expect(back.session.kind, text).toBe("panel");
        }
      }
      totals.set(style.name, t);
      if (failures.length) console.log(`${style.name}:\n  ${failures.slice(0, 8).join("\n  ")}`);
      expect(t.peopleOk / t.people).toBe(1);
      expect(t.recovered / t.attributions).toBeGreaterThanOrEqual(0.98);
      expect(t.structuresOk / t.structures).toBeGreaterThanOrEqual(0.98);
    });
  }

  afterAll(() => {
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
    const rows = [...totals].map(
      ([name, t]) =>
        `${name.padEnd(58)} people ${pct(t.peopleOk, t.people).padStart(6)}  attributions ${pct(t.recovered, t.attributions).padStart(6)} (${t.recovered}/${t.attributions})  structure ${pct(t.structuresOk, t.structures).padStart(6)}`,
    );
    console.log(`Share recovered per style (${SEEDS} panels + ${SEEDS} Ignite series each):\n${rows.join("\n")}`);
  });
});
