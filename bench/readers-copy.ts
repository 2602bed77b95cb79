/**
 * The readers' copy while someone types (issue "typing cost that does not grow
 * with the notes"): server CPU per edit to render and store the readers' copy
 * of a session of 50 and 3,000 generated bullets, through the real
 * `ReadersCopyRenderer` and SQLite notes store of the bench database.
 *
 * Each edit (a few characters typed into one answer, arriving as a Yjs update
 * like an editor's) is followed by two renders of the same document, back to
 * back so outside load hits both alike: the full render every render was
 * before (copy the document, build all of it, serialise all of it) and the
 * incremental one the room uses now (only the changed thread is rendered; the
 * others reuse their JSON). Both are stored, and both copies must be equal.
 *
 *   npx tsx bench/run.ts --only readers-copy [--quick]
 */
import { loadavg } from "node:os";
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { importNotes } from "../lib/import";
import { NOTES_FIELD } from "../lib/schema/notes-field";
import { interchangeToNotes } from "../lib/schema/interchange-to-notes";
import { seedYDocFromNotes } from "../lib/schema/seed-ydoc-from-notes";
import { NotesStore } from "../server/collab/notes-store";
import { ReadersCopyRenderer } from "../server/collab/render-readers-copy";
import type { BenchContext } from "./support/bench-context";
import { fmt } from "./support/format";
import { generatePanelNotes } from "./support/generate-panel-notes";
import { goalsTable } from "./support/goals-table";
import { judgeGoal } from "./support/judge-goal";
import { markdownTable } from "./support/markdown-table";
import type { GoalResult, ScenarioResult } from "./support/scenario-result";
import { seedSessions } from "./support/seed-sessions";

/** Incremental CPU per edit at 3,000 bullets within this many times that at 50 ("proportional to what changed"). */
const GOAL_RATIO = 2;

interface Row {
  bullets: number;
  jsonBytes: number;
  edits: number;
  fullMs: number;
  incrementalMs: number;
  /** Of which storing the copy (the same JSON written again): what still grows with the document. */
  storeMs: number;
  load: string;
}

/** CPU milliseconds (user + system) `run` takes in this process. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

async function measure(
  ctx: BenchContext,
  sessionId: string,
  renderer: ReadersCopyRenderer,
  store: NotesStore,
  bullets: number,
  edits: number,
): Promise<Row> {
  const notes = interchangeToNotes(
    importNotes(generatePanelNotes(Math.max(1, Math.round(bullets / 4)), bullets)).document,
  ) as JSONContent;
  const editor = new Y.Doc();
  seedYDocFromNotes(editor, notes);
  const room = new Y.Doc();
  Y.applyUpdate(room, Y.encodeStateAsUpdate(editor));
  editor.on("update", (update: Uint8Array) => Y.applyUpdate(room, update));
  const read = ctx.db.prepare(`SELECT contentJson FROM "NotesDocument" WHERE sessionId = ?`);
  const stored = () => (read.get(sessionId) as { contentJson: string }).contentJson;
  // The note-taker types into an answer in the middle of the notes.
  const threads = editor.getXmlFragment(NOTES_FIELD).toArray() as Y.XmlElement[];
  const thread = threads[Math.floor(threads.length / 2)]!;
  const answer = thread.toArray().find((c) => c instanceof Y.XmlElement && c.nodeName !== "paragraph") as Y.XmlElement;
  const text = (answer.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const loadBefore = load();
  // Primes the block cache; on SQLite the render is synchronous, so nothing is left pending.
  void renderer.render(sessionId, room);
  const full: number[] = [];
  const incremental: number[] = [];
  const storing: number[] = [];
  for (let i = 0; i < edits; i++) {
    text.insert(text.length, i % 5 === 4 ? " " : "abc");
    incremental.push(cpuMs(() => renderer.render(sessionId, room)));
    const after = stored();
    full.push(
      cpuMs(() => {
        const document = renderer.toInterchange(sessionId, room);
        if (document) store.writeContent(sessionId, JSON.stringify(document));
      }),
    );
    storing.push(cpuMs(() => store.writeContent(sessionId, after)));
    if (stored() !== after)
      throw new Error(
        `readers' copy: the incremental render differs from the full one at ${bullets} bullets, edit ${i}`,
      );
  }
  const row = {
    bullets,
    jsonBytes: stored().length,
    edits,
    fullMs: median(full),
    incrementalMs: median(incremental),
    storeMs: median(storing),
    load: `${loadBefore} / ${load()}`,
  };
  room.destroy();
  editor.destroy();
  ctx.log(
    `readers-copy: ${bullets} bullets: full ${fmt.ms(row.fullMs)} ms, incremental ${fmt.ms(row.incrementalMs)} ms per edit`,
  );
  return row;
}

export async function runReadersCopyBench(ctx: BenchContext): Promise<ScenarioResult> {
  const sizes = ctx.quick ? [50, 300] : [50, 3000];
  const edits = ctx.quick ? 10 : 60;
  const seeded = await seedSessions(
    "Readers copy bench",
    sizes.map((n) => `${n} bullets`),
  );
  const store = new NotesStore(ctx.db);
  const renderer = new ReadersCopyRenderer(ctx.db, store);
  const rows: Row[] = [];
  for (const [i, bullets] of sizes.entries()) {
    const sessionId = seeded.sessions[i]!.id;
    store.ensureGeneration(sessionId);
    rows.push(await measure(ctx, sessionId, renderer, store, bullets, edits));
  }
  const small = rows[0]!;
  const large = rows[rows.length - 1]!;
  const renderMs = (r: Row) => Math.max(r.incrementalMs - r.storeMs, 0);
  const goals: GoalResult[] = [
    judgeGoal(ctx.quick, {
      scenario: "readers-copy",
      goal: `readers' copy render CPU per edit (store excluded) at ${fmt.int(large.bullets)} bullets within ${GOAL_RATIO}x of that at ${fmt.int(small.bullets)}`,
      measured: `${fmt.ms(renderMs(large))} ms vs ${fmt.ms(renderMs(small))} ms`,
      reason:
        "only the changed thread is rendered, but each render still walks the top-level list and joins every block's cached JSON text (~0.5 ms at 3,000 bullets)",
      ok: renderMs(large) <= GOAL_RATIO * Math.max(renderMs(small), 0.5),
    }),
    judgeGoal(ctx.quick, {
      scenario: "readers-copy",
      goal: `readers' copy CPU per edit, store included, at ${fmt.int(large.bullets)} bullets within ${GOAL_RATIO}x of that at ${fmt.int(small.bullets)}`,
      measured: `${fmt.ms(large.incrementalMs)} ms vs ${fmt.ms(small.incrementalMs)} ms (full render: ${fmt.ms(large.fullMs)} ms vs ${fmt.ms(small.fullMs)} ms)`,
      reason:
        "storing the copy still writes the whole JSON (one row per session), and the stitched text is built whole",
      ok: large.incrementalMs <= GOAL_RATIO * Math.max(small.incrementalMs, 0.5),
    }),
  ];
  const markdown = [
    "### Readers' copy: server CPU per edit",
    "",
    `Per edit: a few characters typed into one answer, then the readers' copy rendered and stored in SQLite (median of ${edits} edits, CPU time of this process).`,
    "",
    markdownTable(
      [
        "bullets:",
        "copy (KB):",
        "edits:",
        "before: full render + store (ms CPU):",
        "after: incremental + store (ms CPU):",
        "of which store (ms CPU):",
        "before / after:",
        "load before / after",
      ],
      rows.map((r) => [
        fmt.int(r.bullets),
        fmt.kb(r.jsonBytes),
        r.edits,
        fmt.ms(r.fullMs),
        fmt.ms(r.incrementalMs),
        fmt.ms(r.storeMs),
        fmt.x(r.fullMs / Math.max(r.incrementalMs, 0.001)),
        r.load,
      ]),
    ),
    "",
    goalsTable(goals),
  ].join("\n");
  return { markdown, goals };
}
