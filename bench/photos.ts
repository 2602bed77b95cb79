/**
 * Slide photos (ARCHITECTURE.md, "Photos"): upload-to-visible time for a co-editor, and the
 * server's memory per processed photo.
 *
 * One editor uploads phone-sized JPEGs (3000 x 2000, EXIF with GPS, each
 * encoded differently so each is a new photo) through the real route, then
 * writes the returned hash into an image block of the shared document, as
 * the editor's PhotoQueue does. A second y-websocket client (the co-editor)
 * waits for the block and fetches the 960 px variant a browser would show.
 * Measured per photo: processing (POST until its answer), sync (answer until
 * the co-editor has the block) and upload-to-visible (POST until the
 * co-editor has the variant's bytes). Memory: the server's peak resident set
 * (VmHWM, reset through /proc/<pid>/clear_refs after a small warm-up upload
 * that loads the route and libvips) over its resident set at that moment;
 * photos are processed one at a time, so the difference is one photo's worth
 * plus whatever the allocator keeps.
 */
import fs from "node:fs";
import sharp from "sharp";
import * as Y from "yjs";
import { NOTES_FIELD } from "../lib/schema/notes-field";
import { synced } from "../tests/support/yclient";
import { photoWithGps } from "../tests/support/photo-with-gps";
import type { BenchContext } from "./support/bench-context";
import { connectEditor } from "./support/connect-editor";
import { fmt } from "./support/format";
import { goalsTable } from "./support/goals-table";
import { LatencyHistogram } from "./support/latency-histogram";
import { markdownTable } from "./support/markdown-table";
import { readProcessUsage } from "./support/process-usage";
import type { ScenarioResult } from "./support/scenario-result";
import { seedSessions } from "./support/seed-sessions";

function peakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** Resolves when the doc holds an image element with this hash. */
function blockArrives(doc: Y.Doc, hash: string): Promise<void> {
  const fragment = doc.getXmlFragment(NOTES_FIELD);
  const has = () => fragment.toArray().some((n) => n instanceof Y.XmlElement && n.getAttribute("hash") === hash);
  return new Promise((resolve) => {
    if (has()) return resolve();
    const check = () => {
      if (!has()) return;
      doc.off("update", check);
      resolve();
    };
    doc.on("update", check);
  });
}

export async function runPhotosBench(ctx: BenchContext): Promise<ScenarioResult> {
  const count = ctx.quick ? 2 : 12;
  const seed = await seedSessions("Photos Bench", ["Slides Session"]);
  const session = seed.sessions[0]!;
  const base = await photoWithGps(3000, 2000);
  const photos: Buffer[] = [];
  for (let i = 0; i < count; i++)
    photos.push(
      await sharp(base)
        .keepExif()
        .jpeg({ quality: 70 + i })
        .toBuffer(),
    );
  const uploadBytes = photos.reduce((n, p) => n + p.length, 0) / count;

  const server = await ctx.startServer();
  const uploader = connectEditor(server.wsUrl, session.id, seed.token);
  const coEditor = connectEditor(server.wsUrl, session.id, seed.token);
  const processing = new LatencyHistogram();
  const syncing = new LatencyHistogram();
  const visible = new LatencyHistogram();
  let rssBefore = 0;
  let rssPeak = 0;
  try {
    await Promise.all([synced(uploader, 30_000), synced(coEditor, 30_000)]);
    const headers = { authorization: `Bearer ${seed.token}`, "content-type": "application/octet-stream" };
    // A first small upload loads the route and libvips, which is not a photo's cost; then the peak is reset.
    const warmUp = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#888" } })
      .png()
      .toBuffer();
    await fetch(`${server.url}/api/sessions/${session.id}/images`, {
      method: "POST",
      headers,
      body: new Uint8Array(warmUp),
    });
    fs.writeFileSync(`/proc/${server.pid}/clear_refs`, "5");
    rssBefore = readProcessUsage(server.pid).rssBytes;
    for (const [i, photo] of photos.entries()) {
      ctx.log(`photos: ${i + 1}/${count}`);
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/sessions/${session.id}/images`, {
        method: "POST",
        headers,
        body: new Uint8Array(photo),
      });
      if (res.status !== 201) throw new Error(`photos: upload answered ${res.status}: ${await res.text()}`);
      const { hash, width, height } = (await res.json()) as { hash: string; width: number; height: number };
      const t1 = performance.now();
      const arrived = blockArrives(coEditor.doc, hash);
      const block = new Y.XmlElement("image");
      for (const [k, v] of Object.entries({ hash, alt: "", caption: "", width, height }))
        block.setAttribute(k, v as string);
      uploader.doc.getXmlFragment(NOTES_FIELD).push([block]);
      await arrived;
      const t2 = performance.now();
      const variant = await fetch(`${server.url}/api/sessions/${session.id}/images/${hash}-w960.webp`, {
        headers: { authorization: headers.authorization },
      });
      if (variant.status !== 200) throw new Error(`photos: variant answered ${variant.status}`);
      await variant.arrayBuffer();
      const t3 = performance.now();
      processing.record(t1 - t0);
      syncing.record(t2 - t1);
      visible.record(t3 - t0);
    }
    rssPeak = peakRss(server.pid);
  } finally {
    uploader.destroy();
    coEditor.destroy();
    await server.stop();
  }

  const row = (name: string, h: LatencyHistogram) => [
    name,
    fmt.ms(h.percentile(50)),
    fmt.ms(h.percentile(95)),
    fmt.ms(h.max),
  ];
  const perPhoto = Math.max(0, rssPeak - rssBefore);
  const measured = `p50 ${fmt.ms(visible.percentile(50))} ms, p95 ${fmt.ms(visible.percentile(95))} ms`;
  const goals = [
    {
      scenario: "photos",
      goal: "upload-to-visible for a co-editor (no target set)",
      measured,
      result: ctx.quick ? ("n/a" as const) : ("reported" as const),
      reason:
        "dominated by processing: one decode, six encodes of a 6 MP photo; the CPU is shared with the rest of the machine",
    },
    {
      scenario: "photos",
      goal: "server memory per processed photo (no target set)",
      measured: `${fmt.mb(perPhoto)} MB peak over baseline`,
      result: ctx.quick ? ("n/a" as const) : ("reported" as const),
      reason: "photos are processed one at a time per process, so this bounds a burst of uploads too",
    },
  ];
  const markdown = [
    "### Photos",
    "",
    `${count} phone photos, 3000 x 2000 JPEG with GPS EXIF, ${fmt.kb(uploadBytes)} KB each on average: upload, store, sync the block to a co-editor, fetch the 960 px WebP.`,
    "",
    markdownTable(
      ["step", "p50 ms", "p95 ms", "max ms"],
      [
        row("processing (POST to answer)", processing),
        row("block reaches the co-editor", syncing),
        row("upload-to-visible (POST to variant bytes)", visible),
      ],
    ),
    "",
    `Server resident set: ${fmt.mb(rssBefore)} MB before the first upload, peak ${fmt.mb(rssPeak)} MB while processing: **${fmt.mb(perPhoto)} MB per photo in flight** (one at a time).`,
    "",
    goalsTable(goals),
  ].join("\n");
  return { markdown, goals };
}
