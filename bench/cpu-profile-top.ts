/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. the server's during a
 * bench run with TALKNOTES_BENCH_CPU_PROF=<dir>): the functions with the most
 * self time, and the share of samples spent under a few frames of interest.
 *
 *   npx tsx bench/cpu-profile-top.ts <file.cpuprofile> [top=25] [from-s] [to-s]
 *
 * `from-s`/`to-s`: only samples taken that many seconds after the profile
 * started (e.g. the bench's sending window, leaving out start-up). Shares are
 * of the busy samples (everything but "(idle)"). Prints a Markdown table (for BENCHMARKS.md),
 * then the longest busy stretches (samples in a row without "(idle)": how long the event loop
 * could not answer a socket) and what took most of each, which is where a latency tail comes from.
 */
import fs from "node:fs";
import path from "node:path";
import { markdownTable } from "./support/markdown-table";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx bench/cpu-profile-top.ts <file.cpuprofile> [top]");
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Hit counts from the samples themselves, so a time range can be chosen.
const fromUs = Number(fromArg ?? 0) * 1e6;
const toUs = toArg === undefined ? Infinity : Number(toArg) * 1e6;
for (const node of profile.nodes) node.hitCount = 0;
let t = 0;
const isIdle = (n: ProfileNode) => n.callFrame.functionName === "(idle)";
/** Runs of busy samples: start (µs into the profile), length (µs) and the sample ids in it. */
type Stretch = { startUs: number; us: number; ids: number[] };
const stretches: Stretch[] = [];
let open = null as Stretch | null;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  t += dt;
  if (t < fromUs || t > toUs) return;
  byId.get(id)!.hitCount! += 1;
  if (isIdle(byId.get(id)!)) {
    if (open) stretches.push(open);
    open = null;
  } else if (open) {
    open.us += dt;
    open.ids.push(id);
  } else open = { startUs: t, us: 0, ids: [id] };
});
if (open) stretches.push(open);
const all = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
const total = profile.nodes.reduce((n, node) => n + (isIdle(node) ? 0 : (node.hitCount ?? 0)), 0);
const label = (n: ProfileNode) => {
  const where = n.callFrame.url ? `${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : "";
  return `${n.callFrame.functionName || "(anonymous)"}${where ? ` ${where}` : ""}`;
};

// Self time per function (the same function reached by many paths is summed).
const self = new Map<string, number>();
for (const node of profile.nodes)
  if (!isIdle(node)) self.set(label(node), (self.get(label(node)) ?? 0) + (node.hitCount ?? 0));
// Inclusive time per function: samples with that function anywhere on their stack (counted once per stack).
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map<string, number>();
for (const node of profile.nodes) {
  if (!node.hitCount || isIdle(node)) continue;
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const l = label(byId.get(id)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + node.hitCount);
  }
}

const top = Number(topArg ?? 25);
const pct = (n: number) => `${((n / total) * 100).toFixed(1)}%`;
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
const span = `${(fromUs / 1e6).toFixed(1)}-${Math.min(toUs, profile.endTime - profile.startTime) / 1e6} s`;
console.log(
  `${path.basename(file)}: ${all} samples in ${span} of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s; ${total} busy (${((total / Math.max(1, all)) * 100).toFixed(0)}%); shares below are of the busy samples`,
);
console.log("");
console.log(
  markdownTable(
    ["function (self time)", "self:", "inclusive:"],
    rows.map(([l, n]) => [l, pct(n), pct(inclusive.get(l) ?? n)]),
  ),
);

// The longest busy stretches and the three functions (self time) most of each was spent in.
const longest = stretches.sort((a, b) => b.us - a.us).slice(0, 10);
console.log("");
console.log(
  markdownTable(
    ["busy stretch at (s)", "length (ms):", "samples:", "mostly in (self samples)"],
    longest.map((s) => {
      const counts = new Map<string, number>();
      for (const id of s.ids) counts.set(label(byId.get(id)!), (counts.get(label(byId.get(id)!)) ?? 0) + 1);
      const most = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
      return [
        (s.startUs / 1e6).toFixed(2),
        (s.us / 1000).toFixed(1),
        s.ids.length,
        most.map(([l, n]) => `${l} (${n})`).join(", "),
      ];
    }),
  ),
);

function shortUrl(url: string): string {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm + "node_modules/".length);
  const root = url.indexOf("/server/");
  if (root >= 0) return url.slice(root + 1);
  return url.replace(/^file:\/\//, "").replace(/^node:/, "node:");
}
