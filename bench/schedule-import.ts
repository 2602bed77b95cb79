/**
 * How long reading a frab schedule XML takes: the 31C3 export (138 events,
 * 0.36 MB) from ../shared when it is there, else a generated file of the same
 * shape, plus a generated file ten times larger to show how it scales.
 *
 *   npx tsx bench/schedule-import.ts [--quick]
 */
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { readFrabSchedule } from "../lib/schedule/read-frab-schedule";

const SHARED_31C3 = path.resolve(import.meta.dirname, "../../shared/fixtures/schedules/frab-31c3.xml");

export interface ScheduleBenchRow {
  input: string;
  bytes: number;
  events: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/**
 * Times `readFrabSchedule` N times per input (20 when `quick`, 200
 * otherwise, after a warm-up) and returns the rows and a Markdown table of
 * median and p95 wall-clock milliseconds.
 */
export function runScheduleBench(options: { quick: boolean }): { rows: ScheduleBenchRow[]; markdown: string } {
  const runs = options.quick ? 20 : 200;
  const inputs: Array<{ input: string; text: string; runs: number }> = [];
  if (existsSync(SHARED_31C3))
    inputs.push({ input: "31C3 frab XML (../shared)", text: readFileSync(SHARED_31C3, "utf8"), runs });
  else inputs.push({ input: "generated, 31C3-sized (../shared absent)", text: generateFrabXml(4, 4, 138), runs });
  inputs.push({
    input: "generated, 10x 31C3",
    text: generateFrabXml(8, 10, 1380),
    runs: Math.max(5, Math.round(runs / 10)),
  });

  const rows = inputs.map(({ input, text, runs: n }) => {
    const events = readFrabSchedule(text).sessions.length; // also the warm-up
    for (let i = 0; i < 3; i++) readFrabSchedule(text);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      readFrabSchedule(text);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      input,
      bytes: new TextEncoder().encode(text).length,
      events,
      runs: n,
      medianMs: percentile(times, 50),
      p95Ms: percentile(times, 95),
    };
  });

  // Wall-clock numbers move with other work on the machine; say how busy it was.
  const load = `load ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores`;
  const markdown = [
    `### Schedule import: readFrabSchedule (${load}${options.quick ? ", quick" : ""})`,
    "",
    "| input | size (MB) | events | runs | median (ms) | p95 (ms) |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.input} | ${(r.bytes / 1024 / 1024).toFixed(2)} | ${r.events} | ${r.runs} | ${r.medianMs.toFixed(2)} | ${r.p95Ms.toFixed(2)} |`,
    ),
  ].join("\n");
  return { rows, markdown };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** A frab schedule shaped like 31C3's: long German/English abstracts, 1-5 speakers per event, entities in text. */
function generateFrabXml(days: number, rooms: number, events: number): string {
  const perRoom = Math.ceil(events / (days * rooms));
  const abstract = "Wir reden über Sicherheit &amp; Gesellschaft, über &quot;Hacks&quot; und Hardware. ".repeat(8);
  let id = 1000;
  const out = [
    `<?xml version='1.0' encoding='utf-8' ?>\n<schedule><version>bench</version><conference><acronym>bench</acronym><title>Bench Congress</title><start>2014-12-27</start><end>2014-12-31</end><days>${days}</days><timeslot_duration>00:05</timeslot_duration></conference>`,
  ];
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2014, 11, 27 + d)).toISOString().slice(0, 10);
    out.push(`<day date='${date}' index='${d + 1}' start='${date}T11:00:00+01:00' end='${date}T23:59:00+01:00'>`);
    for (let r = 0; r < rooms; r++) {
      out.push(`<room name='Saal ${r + 1}'>`);
      for (let e = 0; e < perRoom && id - 1000 < events; e++, id++) {
        const minutes = 600 + e * 40; // 10:00, 10:40, ... stays within the day for 18 events per room
        const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        const persons = Array.from(
          { length: 1 + (id % 5) },
          (_, k) => `<person id='${(id * 7 + k) % 2000}'>Speaker ${(id * 7 + k) % 2000}</person>`,
        ).join("");
        out.push(
          `<event guid='00000000-0000-4000-8000-${String(id).padStart(12, "0")}' id='${id}'><date>${date}T${clock}:00+01:00</date><start>${clock}</start><duration>00:40</duration><room>Saal ${r + 1}</room><slug>bench-${id}</slug><recording><license></license><optout>false</optout></recording><title>Talk number ${id}</title><subtitle>Subtitle ${id}</subtitle><track>Security &amp; Hacking</track><type>lecture</type><language>de</language><abstract>${abstract}</abstract><description>${abstract}${abstract}</description><persons>${persons}</persons><links></links></event>`,
        );
      }
      out.push("</room>");
    }
    out.push("</day>");
  }
  out.push("</schedule>");
  return out.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(runScheduleBench({ quick: process.argv.includes("--quick") }).markdown);
}
