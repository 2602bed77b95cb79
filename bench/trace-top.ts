/**
 * Summarises a Chromium trace (bench/support/trace-browser-page.ts, e.g. the
 * typist's with TALKNOTES_BENCH_BROWSER_TRACE=<dir>): on the renderer main
 * thread that handled the most keydowns, the self time of each kind of work
 * (JavaScript, style, layout, paint, selection, garbage collection ...) in
 * total and per keydown, and the longest tasks with what took most of each.
 *
 *   npx tsx bench/trace-top.ts <trace.json> [top=30]
 */
import fs from "node:fs";
import { markdownTable } from "./support/markdown-table";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx bench/trace-top.ts <trace.json> [top]");
  process.exit(2);
}
const raw = JSON.parse(fs.readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const top = Number(topArg ?? 30);

// The main thread: the renderer's "CrRendererMain" that dispatched the most keydowns.
const mainThreads = new Set(
  events
    .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
    .map((e) => `${e.pid}:${e.tid}`),
);
const keydowns = new Map<string, number>();
for (const e of events) {
  if (e.name === "EventDispatch" && e.args?.data?.type === "keydown" && mainThreads.has(`${e.pid}:${e.tid}`)) {
    const key = `${e.pid}:${e.tid}`;
    keydowns.set(key, (keydowns.get(key) ?? 0) + 1);
  }
}
const [thread, keys] = [...keydowns].sort((a, b) => b[1] - a[1])[0] ?? [];
if (!thread || !keys) {
  console.error("no keydown was dispatched on a renderer main thread in this trace");
  process.exit(1);
}
const complete = events
  .filter((e) => e.ph === "X" && `${e.pid}:${e.tid}` === thread && (e.dur ?? 0) > 0)
  .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

/** Name of an event, with the DOM event type for dispatches ("EventDispatch keydown"). */
const label = (e: TraceEvent) => (e.name === "EventDispatch" ? `EventDispatch ${e.args?.data?.type ?? ""}` : e.name);

// Self time: each event's duration minus its children's, nesting by time on one thread.
const self = new Map<string, number>();
const tasks: Array<{ ts: number; dur: number; self: Map<string, number> }> = [];
const stack: TraceEvent[] = [];
let task: (typeof tasks)[number] | null = null;
const childTime = new Map<TraceEvent, number>();
function close(e: TraceEvent) {
  const own = (e.dur ?? 0) - (childTime.get(e) ?? 0);
  self.set(label(e), (self.get(label(e)) ?? 0) + own);
  if (task) task.self.set(label(e), (task.self.get(label(e)) ?? 0) + own);
  childTime.delete(e);
}
for (const e of complete) {
  while (stack.length > 0 && stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0) <= e.ts) {
    close(stack.pop()!);
  }
  const parent = stack[stack.length - 1];
  if (parent) childTime.set(parent, (childTime.get(parent) ?? 0) + (e.dur ?? 0));
  else {
    task = { ts: e.ts, dur: e.dur ?? 0, self: new Map() };
    tasks.push(task);
  }
  stack.push(e);
}
while (stack.length > 0) close(stack.pop()!);

const span = (complete.at(-1)!.ts + (complete.at(-1)!.dur ?? 0) - complete[0]!.ts) / 1000;
const busy = tasks.reduce((n, t) => n + t.dur, 0) / 1000;
console.log(
  `${keys} keydowns on ${thread}; ${span.toFixed(0)} ms traced, main thread busy ${busy.toFixed(0)} ms (${((100 * busy) / span).toFixed(0)}%), ${(busy / keys).toFixed(2)} ms per keydown\n`,
);
const rows = [...self]
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)
  .map(([name, us]) => [
    name,
    (us / 1000).toFixed(1),
    (us / 1000 / keys).toFixed(3),
    ((100 * us) / 1000 / busy).toFixed(1),
  ]);
console.log(markdownTable(["work (self time)", "total ms:", "ms per keydown:", "% of busy:"], rows));
console.log("\nLongest tasks:");
for (const t of [...tasks].sort((a, b) => b.dur - a.dur).slice(0, 10)) {
  const parts = [...t.self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`)
    .join(", ");
  console.log(`  ${(t.dur / 1000).toFixed(1)} ms at +${((t.ts - complete[0]!.ts) / 1000).toFixed(0)} ms: ${parts}`);
}
