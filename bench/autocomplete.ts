/**
 * Attribution autocomplete benchmark: 10,000 synthetic conference people
 * (seeded, so every run sees the same data) and ~5,000 queries of the kinds
 * note-takers type: name prefixes, typos (first letter included), initials,
 * companies and "first la" name prefixes, each in a session context.
 *
 *   npx tsx bench/autocomplete.ts [--quick]
 */
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createPeopleIndex } from "../lib/people/create-people-index";
import { rankPeople } from "../lib/people/rank-people";
import type { PersonCandidate, RankContext } from "../lib/people/types";
import { seededRandom } from "../lib/random/seeded-random";

const PEOPLE = 10_000;
const GOAL_P99_MS = 2;

const FIRST = [
  "James",
  "Mary",
  "John",
  "Patricia",
  "Robert",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Barbara",
  "Richard",
  "Susan",
  "Joseph",
  "Jessica",
  "Thomas",
  "Sarah",
  "Charles",
  "Karen",
  "Christopher",
  "Nancy",
  "Daniel",
  "Lisa",
  "Matthew",
  "Betty",
  "Anthony",
  "Margaret",
  "Mark",
  "Sandra",
  "Donald",
  "Ashley",
  "Steven",
  "Kimberly",
  "Paul",
  "Emily",
  "Andrew",
  "Donna",
  "Joshua",
  "Michelle",
  "Kenneth",
  "Carol",
  "Kevin",
  "Amanda",
  "Brian",
  "Melissa",
  "George",
  "Deborah",
  "Jody",
  "Kurt",
  "Jay",
  "Rolf",
  "Damon",
  "Eishay",
  "Jose",
  "José",
  "María",
  "Sofía",
  "Luis",
  "Chen",
  "Wei",
  "Yuki",
  "Hiroshi",
  "Priya",
  "Arjun",
  "Fatima",
  "Omar",
  "Ngozi",
  "Chidi",
  "Søren",
  "Björn",
  "Zoë",
  "François",
  "Élodie",
  "Łukasz",
  "Agnieszka",
  "Dmitri",
  "Olga",
  "Ingrid",
  "Lars",
  "Aoife",
  "Siobhán",
  "Mateo",
  "Lucía",
  "Kwame",
  "Amara",
  "Tomás",
  "Inês",
];
const LAST = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Perez",
  "Thompson",
  "White",
  "Harris",
  "Sanchez",
  "Clark",
  "Ramirez",
  "Lewis",
  "Robinson",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Torres",
  "Nguyen",
  "Hill",
  "Flores",
  "Green",
  "Adams",
  "Nelson",
  "Baker",
  "Hall",
  "Rivera",
  "Campbell",
  "Mitchell",
  "Carter",
  "Roberts",
  "Lyman",
  "Milne",
  "Mulkey",
  "Russell",
  "Edwards",
  "Willis",
  "Allspaw",
  "Shafer",
  "Lossen",
  "Núñez",
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Dubois",
  "Lefèvre",
  "Rossi",
  "Bianchi",
  "Kowalski",
  "Nowak",
  "Ivanov",
  "Petrov",
  "Tanaka",
  "Suzuki",
  "Watanabe",
  "Kim",
  "Park",
  "Wang",
  "Zhang",
  "Patel",
  "Sharma",
  "Okafor",
  "Mensah",
  "O'Brien",
  "Ó Súilleabháin",
  "Van der Berg",
  "De Souza",
  "Andersson",
  "Johansson",
];
const COMPANIES = [
  "451 Group",
  "IT Process Institute",
  "Shopzilla",
  "ThoughtWorks",
  "DTO Solutions",
  "LinkedIn",
  "Etsy",
  "Opscode",
  "Puppet Labs",
  "Wooga",
  "Acme Cloud",
  "Flickr",
  "Yahoo",
  "Google",
  "Amazon Web Services",
  "Microsoft",
  "Red Hat",
  "Canonical",
  "Heroku",
  "GitHub",
  "Atlassian",
  "Netflix",
  "Twitter",
  "Facebook",
  "Dropbox",
  "Spotify",
  "SoundCloud",
  "Zalando",
  "Booking.com",
  "Adyen",
  "Shopify",
  "Stripe",
  "Datadog",
  "New Relic",
  "PagerDuty",
  "HashiCorp",
  "Chef Software",
  "Telefónica",
  "Deutsche Telekom",
  "Société Générale",
  "BBVA",
  "Rakuten",
  "Infosys",
  "Tata Consultancy Services",
  "Capgemini",
  "Accenture",
  "IBM",
  "Oracle",
  "SAP",
  "VMware",
  "Rackspace",
  "Joyent",
  "Engine Yard",
  "Basho",
];

interface Synthetic extends PersonCandidate {
  first: string;
  last: string;
}

function generatePeople(count: number, random: () => number): Synthetic[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const middle = random() < 0.08 ? ` ${pick(FIRST)}` : "";
    const handle = random() < 0.4 ? `@${first.toLowerCase()}${last.slice(0, 3).toLowerCase()}${i % 100}` : null;
    const aliases = random() < 0.05 ? [first.slice(0, Math.max(2, first.length - 2))] : undefined;
    return {
      id: `p${i}`,
      name: `${first}${middle} ${last}`,
      first,
      last,
      affiliation: random() < 0.9 ? pick(COMPANIES) : null,
      handle,
      aliases,
    };
  });
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** One random edit, anywhere including the first letter. */
function typo(word: string, random: () => number): string {
  const at = Math.floor(random() * word.length);
  const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + letter + word.slice(at);
    default:
      return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word + letter;
  }
}

type QueryKind = "first-name prefix" | "last-name prefix" | "typo" | "initials" | "company" | "name + last prefix";
interface Query {
  kind: QueryKind;
  text: string;
  context: RankContext;
}

function generateQueries(people: readonly Synthetic[], count: number, random: () => number): Query[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const session = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(people));
    const recent = Array.from({ length: 5 }, () => pick(people).id);
    // Half the time the note-taker is after a panelist, otherwise anyone.
    const target = random() < 0.5 ? pick(session) : pick(people);
    const context: RankContext = { sessionPeopleIds: session.map((p) => p.id), recentIds: recent, limit: 8 };
    const r = random();
    const prefix = (word: string) => word.slice(0, 1 + Math.floor(random() * Math.min(5, word.length)));
    let kind: QueryKind;
    let text: string;
    if (r < 0.3) [kind, text] = ["first-name prefix", prefix(target.first)];
    else if (r < 0.5) [kind, text] = ["last-name prefix", prefix(target.last)];
    else if (r < 0.7)
      [kind, text] = ["typo", typo((random() < 0.5 ? target.first : target.last).toLowerCase(), random)];
    else if (r < 0.8) [kind, text] = ["initials", `${target.first[0]}${target.last[0]}`.toLowerCase()];
    else if (r < 0.9) [kind, text] = ["company", prefix(target.affiliation ?? pick(COMPANIES))];
    else [kind, text] = ["name + last prefix", `${target.first} ${target.last.slice(0, 2)}`];
    queries.push({ kind, text, context });
  }
  return queries;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One line of the results table. */
export interface AutocompleteBenchRow {
  scenario: string;
  people: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  goal: string;
  met: boolean;
}

/**
 * Builds the 10,000-person index, runs the query mix (1,000 queries with
 * `quick`, 5,000 otherwise, after a warm-up) and returns per-kind and overall
 * latency rows plus a Markdown table of them.
 */
export async function runAutocompleteBench(options: { quick: boolean }): Promise<{
  rows: AutocompleteBenchRow[];
  markdown: string;
  buildMs: number;
}> {
  const random = seededRandom(20240611);
  const people = generatePeople(PEOPLE, random);
  const buildStart = performance.now();
  const index = createPeopleIndex(people);
  const buildMs = performance.now() - buildStart;
  const queries = generateQueries(people, options.quick ? 1_000 : 5_000, random);

  // Warm-up so the JIT has compiled the hot paths before timing.
  let sink = 0;
  for (const q of generateQueries(people, 500, seededRandom(7))) sink += rankPeople(index, q.text, q.context).length;

  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    sink += rankPeople(index, q.text, q.context).length;
    const ms = performance.now() - start;
    all.push(ms);
    let list = byKind.get(q.kind);
    if (!list) byKind.set(q.kind, (list = []));
    list.push(ms);
  }
  if (sink < 0) console.log(sink);

  const row = (scenario: string, times: number[]): AutocompleteBenchRow => {
    const sorted = [...times].sort((a, b) => a - b);
    const p99Ms = percentile(sorted, 99);
    return {
      scenario,
      people: PEOPLE,
      queries: times.length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms,
      maxMs: sorted[sorted.length - 1] ?? 0,
      goal: `p99 <= ${GOAL_P99_MS} ms`,
      met: p99Ms <= GOAL_P99_MS,
    };
  };
  const rows = [
    row("all queries", all),
    ...[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, times]) => row(kind, times)),
  ];

  const f = (ms: number) => ms.toFixed(3);
  // Wall-clock tails are sensitive to other work on the machine; say how busy it was.
  const load = `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
  const markdown = [
    `### Attribution autocomplete (index build ${buildMs.toFixed(0)} ms, ${load}${options.quick ? ", quick" : ""})`,
    "",
    "| scenario | people | queries | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | goal | result |",
    "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.people} | ${r.queries} | ${f(r.p50Ms)} | ${f(r.p95Ms)} | ${f(r.p99Ms)} | ${f(r.maxMs)} | ${r.goal} | ${r.met ? "met" : "missed"} |`,
    ),
  ].join("\n");
  return { rows, markdown, buildMs };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { markdown } = await runAutocompleteBench({ quick: process.argv.includes("--quick") });
  console.log(markdown);
}
