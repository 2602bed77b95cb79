/**
 * Live reading: 1,000 readers follow one live session's public page
 * through its Server-Sent Events stream (`/c/<conf>/<session>/live`, what the
 * page's script subscribes to) while a note-taker types. Measures the delay
 * from an edit leaving the editor to each reader receiving notes that contain
 * it, and what the server spends on it.
 *
 * Every edit appends a note holding an edit marker (support/edit-marker.ts)
 * with its send time. Each SSE frame carries the whole rendered notes, so a
 * reader records, per frame, the markers newer than the last it saw. All
 * readers are plain node:http streams in this process; the editor is a real
 * y-websocket client with an access token.
 */
import http from "node:http";
import * as Y from "yjs";
import { synced } from "../tests/support/yclient";
import type { BenchContext } from "./support/bench-context";
import { connectEditor } from "./support/connect-editor";
import { editMarker } from "./support/edit-marker";
import { fmt } from "./support/format";
import { goalsTable } from "./support/goals-table";
import { judgeGoal } from "./support/judge-goal";
import { LatencyHistogram } from "./support/latency-histogram";
import { markdownTable } from "./support/markdown-table";
import { nextLoopbackAddress } from "./support/next-loopback-address";
import { nowMicros } from "./support/now-micros";
import { publicSessionPath } from "./support/public-session-path";
import type { ScenarioResult } from "./support/scenario-result";
import { scanEditMarkers } from "./support/scan-edit-markers";
import { seedSessions } from "./support/seed-sessions";
import { sleep } from "./support/sleep";

const GOAL_P95_MS = 1000;

interface Reader {
  request: http.ClientRequest;
  lastSeq: number;
  frames: number;
}

/** Opens one SSE reader; resolves once the server answered 200. */
function openReader(url: URL, latency: LatencyHistogram, onMarkerSeen: (seq: number) => void): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const reader: Reader = { request: null as unknown as http.ClientRequest, lastSeq: -1, frames: 0 };
    let buffer = "";
    reader.request = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        agent: false,
        localAddress: nextLoopbackAddress(),
        headers: { accept: "text/event-stream" },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`live stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding("latin1");
        res.on("data", (chunk: string) => {
          const arrived = nowMicros();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!frame.includes("data:")) continue;
            reader.frames++;
            let newest = reader.lastSeq;
            scanEditMarkers(Buffer.from(frame, "latin1"), (_editor, seq, sent) => {
              if (seq <= reader.lastSeq) return;
              latency.record((arrived - sent) / 1000);
              onMarkerSeen(seq);
              if (seq > newest) newest = seq;
            });
            reader.lastSeq = newest;
          }
        });
        resolve(reader);
      },
    );
    reader.request.on("error", reject);
  });
}

/** Appends `<note><paragraph>text</paragraph></note>`: valid notes, so the readers' copy keeps it. */
function appendNote(doc: Y.Doc, text: string): void {
  const note = new Y.XmlElement("note");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  note.insert(0, [paragraph]);
  const notes = doc.getXmlFragment("notes");
  notes.insert(notes.length, [note]);
}

export async function runLiveReadersBench(ctx: BenchContext): Promise<ScenarioResult> {
  const readerCount = ctx.quick ? 50 : 1000;
  const editsPerSecond = 2;
  const seconds = ctx.quick ? 3 : 20;
  const seed = await seedSessions("Live Readers Bench", ["Live Hallway Panel"], "live");
  const session = seed.sessions[0]!;
  const server = await ctx.startServer();
  try {
    const editor = connectEditor(server.wsUrl, session.id, seed.token);
    await synced(editor, 30_000);
    appendNote(editor.doc, "Live notes start here.");
    await sleep(500);

    const url = new URL(server.url + publicSessionPath(seed.conferenceSlug, session.slug) + "/live");
    const latency = new LatencyHistogram();
    const deliveries = new Map<number, number>();
    const readers: Reader[] = [];
    const connectStart = performance.now();
    for (let i = 0; i < readerCount; i += 50) {
      const batch = Array.from({ length: Math.min(50, readerCount - i) }, () =>
        openReader(url, latency, (seq) => deliveries.set(seq, (deliveries.get(seq) ?? 0) + 1)),
      );
      readers.push(...(await Promise.all(batch)));
    }
    const connectMs = performance.now() - connectStart;
    ctx.log(`live-readers: ${readers.length} readers connected in ${fmt.ms(connectMs)} ms`);
    await sleep(300);

    const before = server.usage();
    const edits = seconds * editsPerSecond;
    for (let seq = 0; seq < edits; seq++) {
      appendNote(editor.doc, `Panelist says ${editMarker(0, seq)}`);
      await sleep(1000 / editsPerSecond);
    }
    await sleep(2000);
    const after = server.usage();
    const cpuSeconds = after.cpuSeconds - before.cpuSeconds;

    const expected = edits * readers.length;
    const delivered = [...deliveries.values()].reduce((a, b) => a + b, 0);
    const frames = readers.reduce((n, r) => n + r.frames, 0);
    for (const r of readers) r.request.destroy();
    editor.destroy();

    const rows = [
      [
        readers.length,
        edits,
        fmt.ms(latency.percentile(50)),
        fmt.ms(latency.percentile(95)),
        fmt.ms(latency.percentile(99)),
        fmt.ms(latency.max),
        `${delivered} / ${expected}`,
        Math.round(frames / readers.length),
        fmt.ms((cpuSeconds * 1000) / Math.max(1, edits)),
        fmt.mb(after.rssBytes),
      ],
    ];
    const goals = [
      judgeGoal(ctx.quick, {
        scenario: "5 live readers",
        goal: `${readerCount} live readers: edit-to-reader p95 <= ${GOAL_P95_MS} ms (readers see edits "within a second")`,
        measured: `p95 ${fmt.ms(latency.percentile(95))} ms, ${delivered} of ${expected} deliveries`,
        ok: latency.percentile(95) <= GOAL_P95_MS && delivered === expected,
        reason:
          "the readers' copy of a live session renders at most 200 ms after a change, once for all readers; frames carry the whole rendered notes",
      }),
    ];
    const markdown = [
      `### 5b. Live readers of one public session (${readers.length} SSE readers, ${editsPerSecond} edits/s for ${seconds} s${ctx.quick ? ", quick" : ""})`,
      "",
      markdownTable(
        [
          "readers:",
          "edits:",
          "p50 (ms):",
          "p95 (ms):",
          "p99 (ms):",
          "max (ms):",
          "delivered:",
          "frames per reader:",
          "server CPU per edit (ms):",
          "server RSS (MB):",
        ],
        rows,
      ),
      "",
      goalsTable(goals),
    ].join("\n");
    return { markdown, goals };
  } finally {
    await server.stop();
  }
}
