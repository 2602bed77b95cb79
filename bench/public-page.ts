/**
 * Scenario 5, the public session page with 50 question threads: time to
 * first byte over N requests, HTML bytes, and the JavaScript it loads
 * (gzipped, and whether editor code is in it), against the same HTML served
 * as a static file by a tiny node:http server.
 *
 * The notes are seeded the way an import would: generated plain-text notes ->
 * importNotes -> interchangeToNotes -> seedYDocFromNotes on a real y-websocket
 * client, so the server stores them and renders the readers' copy.
 * The page's URL comes from support/public-session-path.ts; while that route
 * answers 404 the goals are reported as skipped. The editor page of the same
 * session is measured too, for contrast (no goal).
 */
import { importNotes } from "../lib/import";
import { interchangeToNotes } from "../lib/schema/interchange-to-notes";
import { seedYDocFromNotes } from "../lib/schema/seed-ydoc-from-notes";
import { synced } from "../tests/support/yclient";
import { connectEditor } from "./support/connect-editor";
import type { BenchContext } from "./support/bench-context";
import { fmt } from "./support/format";
import { generatePanelNotes } from "./support/generate-panel-notes";
import { goalsTable } from "./support/goals-table";
import { judgeGoal } from "./support/judge-goal";
import { markdownTable } from "./support/markdown-table";
import { measurePage, type PageMeasure } from "./support/measure-page";
import { publicSessionPath } from "./support/public-session-path";
import type { GoalResult, ScenarioResult } from "./support/scenario-result";
import { sessionCookie } from "../tests/support/auth-seed";
import { BENCH_ACCOUNT, seedSessions } from "./support/seed-sessions";
import { serveStaticHtml } from "./support/serve-static-html";
import { sleep } from "./support/sleep";

const THREADS = 50;
const GOAL_JS_GZIP_BYTES = 100 * 1024;
/** Row 5 of BENCHMARKS.md's Goals: p50 and p95 each within 2x of the same bytes from a bare node:http server. */
const GOAL_TTFB_RATIO = 2;

/** Seeds a 50-thread session, then measures its public page, the static copy and the editor page. */
export async function runPublicPageBench(ctx: BenchContext): Promise<ScenarioResult> {
  const requests = ctx.quick ? 20 : 200;
  const seed = await seedSessions("Public Page Bench", ["Fifty Threads Panel"], "published");
  const session = seed.sessions[0]!;
  const imported = importNotes(generatePanelNotes(THREADS)).document;
  const questions = imported.blocks.filter((b) => b.type === "question").length;

  const server = await ctx.startServer();
  try {
    const client = connectEditor(server.wsUrl, session.id, seed.token);
    try {
      await synced(client, 30_000);
      seedYDocFromNotes(client.doc, interchangeToNotes(imported));
      // Stored within 40 ms; the readers' copy is rendered 750 ms after the last change.
      await sleep(1500);
    } finally {
      client.destroy();
    }

    const publicPath = publicSessionPath(seed.conferenceSlug, session.slug);
    const editorPath = `/conferences/${seed.conferenceSlug}/sessions/${session.slug}`;
    ctx.log(`public-page: ${requests} requests to ${publicPath}`);
    const page = await measurePage(server.url + publicPath, requests);
    // A reader who has the page already: its ETag back, answered 304 by the entry point's cache.
    const etag = page.etag;
    const revalidated = etag
      ? await measurePage(server.url + publicPath, requests, false, { "if-none-match": etag })
      : null;
    const editor = await measurePage(server.url + editorPath, Math.min(requests, 50), true, {
      cookie: await sessionCookie(BENCH_ACCOUNT.email, BENCH_ACCOUNT.password),
    });
    const rows: Array<Array<string | number>> = [];
    const row = (name: string, m: PageMeasure, n: number) => [
      name,
      m.status,
      n,
      fmt.ms(m.ttfb.percentile(50)),
      fmt.ms(m.ttfb.percentile(95)),
      fmt.kb(m.htmlBytes),
      fmt.kb(m.htmlGzipBytes),
      m.scripts.length,
      fmt.kb(m.jsGzipBytes),
      m.editorMarkers.join(", ") || "none",
    ];

    let goals: GoalResult[];
    if (page.status !== 200) {
      // 404: the route does not exist yet. Anything else: the page is broken, which is a result, not a harness failure.
      const missing = page.status === 404;
      const serverError = (/\b\w*Error: [^\n]*/.exec(server.output())?.[0] ?? "")
        .replace(/<.*>/, "<...>")
        .slice(0, 240);
      const why = missing
        ? `not available yet: no public session page route (${publicPath} answers 404); update bench/support/public-session-path.ts when it exists`
        : `${publicPath} answered ${page.status}${serverError ? `: ${serverError}` : ""}`;
      rows.push([
        `public page ${publicPath}`,
        page.status,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        missing ? "not available yet: no public session page route" : `HTTP ${page.status}`,
      ]);
      goals = [
        "JS <= 100 KB gzipped",
        "no editor code on the page",
        `TTFB p50 and p95 within ${GOAL_TTFB_RATIO}x of the same bytes from bare node:http`,
      ].map((goal) =>
        missing
          ? { scenario: "5 public page", goal, measured: "-", result: "skipped", reason: why }
          : judgeGoal(ctx.quick, {
              scenario: "5 public page",
              goal,
              measured: `HTTP ${page.status}`,
              ok: false,
              reason: why,
            }),
      );
    } else {
      const staticServer = await serveStaticHtml(page.html);
      let staticPage: PageMeasure;
      try {
        staticPage = await measurePage(staticServer.url, requests, false);
      } finally {
        await staticServer.close();
      }
      rows.push(row(`public page ${publicPath}`, page, requests));
      rows.push([
        ...row("same HTML, static node:http server", staticPage, requests).slice(0, 7),
        "(same)",
        "(same)",
        "(same)",
      ]);
      if (revalidated)
        rows.push([...row("public page with If-None-Match: its ETag", revalidated, requests).slice(0, 7), "", "", ""]);
      const ratio = page.ttfb.percentile(50) / Math.max(0.001, staticPage.ttfb.percentile(50));
      const ratio95 = page.ttfb.percentile(95) / Math.max(0.001, staticPage.ttfb.percentile(95));
      goals = [
        judgeGoal(ctx.quick, {
          scenario: "5 public page",
          goal: "JS <= 100 KB gzipped",
          measured: `${fmt.kb(page.jsGzipBytes)} KB in ${page.scripts.length} scripts`,
          ok: page.jsGzipBytes <= GOAL_JS_GZIP_BYTES,
          reason: "sum of every <script src> on the page, gzipped at level 6",
        }),
        judgeGoal(ctx.quick, {
          scenario: "5 public page",
          goal: "no editor code on the page",
          measured: page.editorMarkers.join(", ") || "none found",
          ok: page.editorMarkers.length === 0,
          reason: "scripts searched for tiptap / prosemirror / yjs markers",
        }),
        judgeGoal(ctx.quick, {
          scenario: "5 public page",
          goal: `TTFB p50 and p95 within ${GOAL_TTFB_RATIO}x of the same bytes from bare node:http`,
          measured:
            `p50 ${fmt.ms(page.ttfb.percentile(50))} ms vs ${fmt.ms(staticPage.ttfb.percentile(50))} ms (${fmt.x(ratio)}); ` +
            `p95 ${fmt.ms(page.ttfb.percentile(95))} ms vs ${fmt.ms(staticPage.ttfb.percentile(95))} ms (${fmt.x(ratio95)})`,
          ok: ratio <= GOAL_TTFB_RATIO && ratio95 <= GOAL_TTFB_RATIO,
          reason: `${requests} sequential requests over one keep-alive connection each; the page's bytes come from the entry point's cache (server/reader/public-page-cache.ts) until something on it changes`,
        }),
      ];
    }
    rows.push(row(`editor page ${editorPath} (contrast, no goal)`, editor, Math.min(requests, 50)));

    const markdown = [
      `### 5. Public session page (${questions} question threads, ${requests} requests${ctx.quick ? ", quick" : ""})`,
      "",
      markdownTable(
        [
          "page",
          "status:",
          "requests:",
          "TTFB p50 (ms):",
          "TTFB p95 (ms):",
          "HTML (KB):",
          "HTML gzip (KB):",
          "scripts:",
          "JS gzip (KB):",
          "editor code",
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
