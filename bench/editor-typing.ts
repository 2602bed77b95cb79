/**
 * Typing cost against the size of the notes (BENCHMARKS.md): real Chromium types
 * into the editor of generated panel sessions of 50, 300, 1,000 and 3,000
 * bullets while a second Chromium page, another note-taker, watches.
 *
 * Per size: time until the notes are shown after navigation, keystroke
 * processing (from the keydown event to the end of the next frame, measured
 * in the page), keydown duration from the Event Timing API (8 ms buckets), the
 * co-editor's lag (keydown in one page to the character in the other's DOM,
 * both on Date.now of the same machine), the wall time of the typing and the
 * server's CPU per keystroke. Then the typist opens the session again (its
 * browser holds the notes in IndexedDB): time until the notes are shown and
 * until the editor has the caret, and the page's JavaScript heap after a
 * garbage collection. `--quick` types a few keys into 50 bullets only.
 * TALKNOTES_BENCH_BROWSER_PROF=<dir>: the typist's page writes a V8 CPU profile
 * of the typing there per size (`typist-<bullets>.cpuprofile`, for
 * bench/cpu-profile-top.ts); the profiler's own cost is in that run's numbers.
 * TALKNOTES_BENCH_BROWSER_TRACE=<dir>: a Chromium trace of the typing per size
 * (`typist-<bullets>.json`, for bench/trace-top.ts: style, layout, paint and
 * JavaScript per keydown). TALKNOTES_BENCH_TYPING_SIZES=1000,3000: only those sizes.
 */
import type { Browser, Page } from "@playwright/test";
import type { JSONContent } from "@tiptap/core";
import { importNotes } from "../lib/import";
import { interchangeToNotes } from "../lib/schema/interchange-to-notes";
import { seedYDocFromNotes } from "../lib/schema/seed-ydoc-from-notes";
import { synced } from "../tests/support/yclient";
import type { BenchContext } from "./support/bench-context";
import { connectEditor } from "./support/connect-editor";
import { fmt } from "./support/format";
import { generatePanelNotes } from "./support/generate-panel-notes";
import { goalsTable } from "./support/goals-table";
import { judgeGoal } from "./support/judge-goal";
import { launchChromium } from "./support/launch-chromium";
import { markdownTable } from "./support/markdown-table";
import type { GoalResult, ScenarioResult } from "./support/scenario-result";
import { signIn } from "../tests/e2e/sign-in";
import { BENCH_ACCOUNT, seedSessions } from "./support/seed-sessions";
import { sleep } from "./support/sleep";
import { profileBrowserPage } from "./support/profile-browser-page";
import { traceBrowserPage } from "./support/trace-browser-page";

const SIZES = [50, 300, 1000, 3000];
const KEY_INTERVAL_MS = 30;

interface SizeResult {
  bullets: number;
  characters: number;
  readyMs: number;
  processing: number[];
  keydownDurations: number[];
  lag: number[];
  typingMs: number;
  keys: number;
  serverCpuMsPerKey: number;
  /** Opening again with the notes in this browser's IndexedDB: navigation to the notes shown / to the caret. */
  warmReadyMs: number;
  warmCaretMs: number;
  /** The typist page's JavaScript heap (used, after a garbage collection) once reopened and saved. */
  heapBytes: number;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Blocks (bullets) of a notes document: every node but the document, paragraphs and text. */
function countBullets(node: JSONContent): number {
  const own = node.type && !["doc", "paragraph", "text", "hardBreak"].includes(node.type) ? 1 : 0;
  return own + (node.content ?? []).reduce((n, child) => n + countBullets(child), 0);
}

/** The session's generated notes with about `bullets` blocks (a thread is a question and 2-4 answers). */
function notesOf(bullets: number): { notes: JSONContent; bullets: number; characters: number } {
  const imported = importNotes(generatePanelNotes(Math.max(1, Math.round(bullets / 4)), bullets)).document;
  const notes = interchangeToNotes(imported) as JSONContent;
  const characters = JSON.stringify(notes).length;
  return { notes, bullets: countBullets(notes), characters };
}

/** Instruments a page: keystroke processing (keydown to end of the next frame) and Event Timing keydowns. */
async function instrumentTypist(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __typing: { processing: number[]; keydown: number[]; sentAt: number[] } };
    w.__typing = { processing: [], keydown: [], sentAt: [] };
    document.addEventListener(
      "keydown",
      (event) => {
        w.__typing.sentAt.push(Date.now());
        const start = event.timeStamp;
        // The frame after the key is painted once the rAF callback's task is over.
        requestAnimationFrame(() => setTimeout(() => w.__typing.processing.push(performance.now() - start), 0));
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "keydown") w.__typing.keydown.push(entry.duration);
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
}

/** Instruments the co-editor: when the run of typed "z" it shows grew, on Date.now. */
async function instrumentWatcher(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __seen: Array<[number, number]> };
    w.__seen = [];
    const root = document.querySelector('[data-testid="notes-editor"]')!;
    new MutationObserver((records) => {
      // The longest run of "z" (it appears nowhere in the generated notes) in the top-level blocks that
      // changed, without the typist's caret label: wherever the typist's caret landed, only the blocks
      // touched are read, so the watcher's cost does not grow with the notes.
      let typed = 0;
      for (const record of records) {
        let node: Node | null = record.target;
        while (node && node.parentNode !== root) node = node.parentNode;
        if (!node) continue;
        const block = node.cloneNode(true) as HTMLElement;
        block.querySelectorAll?.(".collaboration-carets__caret").forEach((caret) => caret.remove());
        for (const run of (block.textContent ?? "").match(/z+/g) ?? []) typed = Math.max(typed, run.length);
      }
      const last = w.__seen[w.__seen.length - 1];
      if (typed > (last?.[1] ?? 0)) w.__seen.push([Date.now(), typed]);
    }).observe(root, { childList: true, subtree: true, characterData: true });
  });
}

/** Waits until 90% of the notes' blocks are in the editor; ms since `started`. */
async function waitForNotes(
  page: Page,
  timeout: number,
  bullets: number,
  started: number,
  name: string,
): Promise<number> {
  await page
    .waitForFunction(
      (n) => (document.querySelector('[data-testid="notes-editor"]')?.querySelectorAll("p").length ?? 0) >= n,
      Math.floor(bullets * 0.9),
      { timeout, polling: 20 },
    )
    .catch(async (err: Error) => {
      const seen = await page.evaluate(
        () =>
          `${document.querySelectorAll('[data-testid="notes-editor"] p').length} paragraphs, status "${document.querySelector(".sync-status")?.textContent ?? "none"}"`,
      );
      throw new Error(`${name}: the notes did not show at ${page.url()} (${seen}): ${err.message}`);
    });
  return Date.now() - started;
}

async function openEditor(
  ctxTimeout: number,
  browser: Browser,
  url: string,
  databaseUrl: string,
  name: string,
  bullets: number,
): Promise<{ page: Page; readyMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((n) => window.localStorage.setItem("talknotes:name", n), name);
  const page = await context.newPage();
  // signIn waits 5 s for the redirect after the form; a busy machine can take longer.
  await signIn(page, { account: BENCH_ACCOUNT, baseUrl: new URL(url).origin, databaseUrl }).catch(() =>
    page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 60_000 }),
  );
  const started = Date.now();
  await page.goto(url);
  const readyMs = await waitForNotes(page, ctxTimeout, bullets, started, name);
  await page.getByTestId("sync-status").filter({ hasText: "Saved" }).waitFor({ timeout: 120_000 });
  return { page, readyMs };
}

/**
 * Opens the session again in the same browser profile, which holds the notes in IndexedDB (a note-taker
 * coming back to the session): navigation to the notes shown and to the editor having the caret, then
 * the page's heap once everything is saved.
 */
async function reopen(
  page: Page,
  timeout: number,
  bullets: number,
): Promise<{ warmReadyMs: number; warmCaretMs: number; heapBytes: number }> {
  const url = page.url();
  await page.goto("about:blank");
  const started = Date.now();
  await page.goto(url);
  const warmReadyMs = await waitForNotes(page, timeout, bullets, started, "Typist (reopened)");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="notes-editor"]')?.contains(document.activeElement) ?? false,
    null,
    { timeout, polling: 20 },
  );
  const warmCaretMs = Date.now() - started;
  await page.getByTestId("sync-status").filter({ hasText: "Saved" }).waitFor({ timeout: 120_000 });
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return { warmReadyMs, warmCaretMs, heapBytes: usedSize };
  } finally {
    await cdp.detach();
  }
}

async function measureSize(ctx: BenchContext, browser: Browser, size: number, keys: number): Promise<SizeResult> {
  const { notes, bullets, characters } = notesOf(size);
  const seed = await seedSessions(`Typing Bench ${size}`, [`Typing ${size}`]);
  const session = seed.sessions[0]!;
  const server = await ctx.startServer();
  try {
    const client = connectEditor(server.wsUrl, session.id, seed.token);
    try {
      await synced(client, 60_000);
      seedYDocFromNotes(client.doc, notes);
      await sleep(1500); // stored within 40 ms; the readers' copy renders 750 ms after the last change
    } finally {
      client.destroy();
    }
    const url = `${server.url}/conferences/${seed.conferenceSlug}/sessions/${session.slug}`;
    ctx.log(`editor-typing: ${bullets} bullets, opening two editors`);
    const typist = await openEditor(ctx.quick ? 20_000 : 120_000, browser, url, ctx.databaseUrl, "Typist", bullets);
    const watcher = await openEditor(ctx.quick ? 20_000 : 120_000, browser, url, ctx.databaseUrl, "Watcher", bullets);
    try {
      const editor = typist.page.getByTestId("notes-editor");
      await editor.focus();
      await typist.page.keyboard.press("Control+End");
      await typist.page.keyboard.press("Enter");
      await typist.page.keyboard.type("warm up ", { delay: KEY_INTERVAL_MS }); // not counted
      ctx.log(`editor-typing: ready in ${typist.readyMs} ms, typing ${keys} keys`);
      await instrumentTypist(typist.page);
      await instrumentWatcher(watcher.page);
      const profileDir = process.env.TALKNOTES_BENCH_BROWSER_PROF;
      const profile = profileDir
        ? await profileBrowserPage(typist.page, `${profileDir}/typist-${bullets}.cpuprofile`)
        : null;
      const traceDir = process.env.TALKNOTES_BENCH_BROWSER_TRACE;
      const trace = traceDir
        ? await traceBrowserPage(browser, typist.page, `${traceDir}/typist-${bullets}.json`)
        : null;
      const cpuBefore = server.usage().cpuSeconds;
      const t = Date.now();
      await typist.page.keyboard.type("z".repeat(keys), { delay: KEY_INTERVAL_MS });
      const typingMs = Date.now() - t;
      await profile?.stop();
      await trace?.stop();
      await watcher.page.waitForFunction(
        (n) => ((window as unknown as { __seen: Array<[number, number]> }).__seen.at(-1)?.[1] ?? 0) >= n,
        keys,
        { timeout: 60_000, polling: 50 },
      );
      const cpuAfter = server.usage().cpuSeconds;
      await sleep(100);
      const typed = await typist.page.evaluate(
        () =>
          (window as unknown as { __typing: { processing: number[]; keydown: number[]; sentAt: number[] } }).__typing,
      );
      const seen = await watcher.page.evaluate(() => (window as unknown as { __seen: Array<[number, number]> }).__seen);
      const lag = typed.sentAt.slice(0, keys).map((sent, i) => (seen.find(([, n]) => n >= i + 1)?.[0] ?? NaN) - sent);
      await typist.page.getByTestId("sync-status").filter({ hasText: "Saved" }).waitFor({ timeout: 120_000 });
      ctx.log(`editor-typing: reopening ${bullets} bullets from this browser's copy`);
      const warm = await reopen(typist.page, ctx.quick ? 20_000 : 120_000, bullets);
      return {
        ...warm,
        bullets,
        characters,
        readyMs: typist.readyMs,
        processing: typed.processing,
        keydownDurations: typed.keydown,
        lag: lag.filter((v) => Number.isFinite(v)),
        typingMs,
        keys,
        serverCpuMsPerKey: ((cpuAfter - cpuBefore) * 1000) / keys,
      };
    } finally {
      await typist.page.context().close();
      await watcher.page.context().close();
    }
  } finally {
    await server.stop();
  }
}

/** Runs every size (only a 50-bullet smoke in quick mode) and judges the goals. */
export async function runEditorTypingBench(ctx: BenchContext): Promise<ScenarioResult> {
  const only = process.env.TALKNOTES_BENCH_TYPING_SIZES?.split(",").map(Number);
  const sizes = ctx.quick ? [50] : (only ?? SIZES);
  const keys = ctx.quick ? 10 : 200;
  const browser = await launchChromium();
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) results.push(await measureSize(ctx, browser, size, keys));
  } finally {
    await browser.close();
  }
  const rows = results.map((r) => {
    // Event Timing only reports keydowns of 16 ms or more: the others count as "under 16".
    const durations = [
      ...r.keydownDurations,
      ...Array<number>(Math.max(0, r.keys - r.keydownDurations.length)).fill(8),
    ];
    return [
      `${r.bullets} (${fmt.int(r.characters / 1000)}K)`,
      fmt.int(r.readyMs),
      fmt.ms(percentile(r.processing, 50)),
      fmt.ms(percentile(r.processing, 95)),
      `${fmt.int(percentile(durations, 50))} / ${fmt.int(percentile(durations, 95))}`,
      fmt.ms(percentile(r.lag, 50)),
      fmt.ms(percentile(r.lag, 95)),
      `${(r.typingMs / 1000).toFixed(1)} (${((r.keys * KEY_INTERVAL_MS) / 1000).toFixed(1)})`,
      fmt.ms(r.serverCpuMsPerKey),
      `${fmt.int(r.warmReadyMs)} / ${fmt.int(r.warmCaretMs)}`,
      fmt.mb(r.heapBytes),
    ];
  });
  const at = (bullets: number) => results.find((r) => r.bullets >= bullets * 0.8 && r.bullets <= bullets * 1.25);
  const small = results[0];
  const large = at(3000);
  const mid = at(1000);
  const goals: GoalResult[] = [];
  if (small && large) {
    const ratio = percentile(large.processing, 50) / percentile(small.processing, 50);
    goals.push(
      judgeGoal(ctx.quick, {
        scenario: "editor typing",
        goal: "keystroke processing p50 at 3,000 bullets within 1.5x of 50",
        measured: `${fmt.ms(percentile(large.processing, 50))} vs ${fmt.ms(percentile(small.processing, 50))} ms (${fmt.x(ratio)})`,
        ok: ratio <= 1.5,
        reason: "keydown to the end of the next frame, in the page",
      }),
    );
  }
  if (large) {
    goals.push(
      judgeGoal(ctx.quick, {
        scenario: "editor typing",
        goal: "reopening 3,000 bullets held in IndexedDB: notes shown <= 1.5 s, with the caret",
        measured: `${fmt.int(large.warmReadyMs)} ms shown, caret at ${fmt.int(large.warmCaretMs)} ms`,
        ok: large.warmReadyMs <= 1500 && large.warmCaretMs <= 1500,
        reason: "navigation to 90% of the blocks in the editor, and to the editor holding the focus",
      }),
    );
  }
  if (mid) {
    const durations = [
      ...mid.keydownDurations,
      ...Array<number>(Math.max(0, mid.keys - mid.keydownDurations.length)).fill(8),
    ];
    goals.push(
      judgeGoal(ctx.quick, {
        scenario: "editor typing",
        goal: "keydown p95 <= 50 ms at 1,000 bullets",
        measured: `${fmt.int(percentile(durations, 95))} ms`,
        ok: percentile(durations, 95) <= 50,
        reason: "Event Timing API keydown duration",
      }),
      judgeGoal(ctx.quick, {
        scenario: "editor typing",
        goal: "co-editor lag p50 <= 50 ms at 1,000 bullets",
        measured: `${fmt.ms(percentile(mid.lag, 50))} ms`,
        ok: percentile(mid.lag, 50) <= 50,
        reason: "keydown in one Chromium page to the character in another's DOM",
      }),
    );
  }
  const markdown = [
    `### Editor typing cost against the notes' size (${keys} keys at ${KEY_INTERVAL_MS} ms${ctx.quick ? ", quick" : ""})`,
    "",
    markdownTable(
      [
        "bullets (JSON chars)",
        "ready (ms):",
        "processing p50 (ms):",
        "processing p95 (ms):",
        "keydown p50 / p95 (ms):",
        "co-editor lag p50 (ms):",
        "lag p95 (ms):",
        "typing s (nominal):",
        "server CPU/key (ms):",
        "reopen: notes / caret (ms):",
        "heap (MB):",
      ],
      rows,
    ),
    "",
    goals.length > 0 ? goalsTable(goals) : "",
  ].join("\n");
  return { markdown, goals };
}
