import http from "node:http";
import zlib from "node:zlib";
import { LatencyHistogram } from "./latency-histogram";

export interface PageMeasure {
  status: number;
  /** The page's ETag header, if it sent one. */
  etag: string | null;
  html: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  scripts: Array<{ src: string; bytes: number; gzipBytes: number }>;
  jsGzipBytes: number;
  /** Editor or CRDT libraries found in the page's scripts ("tiptap", "prosemirror", "yjs"). */
  editorMarkers: string[];
  ttfb: LatencyHistogram;
}

const EDITOR_MARKERS: Array<[string, RegExp]> = [
  ["tiptap", /tiptap/i],
  ["prosemirror", /prosemirror/i],
  ["yjs", /\byjs\b|Yjs was already imported|y-prosemirror|y-websocket/i],
];

function get(
  agent: http.Agent,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; etag: string | null; ttfbMs: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      const ttfbMs = performance.now() - t0;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, etag: res.headers.etag ?? null, ttfbMs, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/**
 * Fetches a page `requests` times over one keep-alive connection and records
 * time to first byte (request sent to response headers received), then the
 * HTML's size and every `<script src>` it loads: bytes, gzipped bytes (level
 * 6, what a server would send), and whether editor code is among them.
 * No Accept-Encoding is sent, so the HTML is measured uncompressed and gzipped here.
 * `headers` go with the page requests (e.g. a bearer token), not with the scripts.
 */
export async function measurePage(
  url: string,
  requests: number,
  withScripts = true,
  headers: Record<string, string> = {},
): Promise<PageMeasure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get(agent, url, headers);
    const ttfb = new LatencyHistogram();
    for (let i = 0; i < requests; i++) ttfb.record((await get(agent, url, headers)).ttfbMs);
    const html = first.body.toString("utf8");
    const scripts: PageMeasure["scripts"] = [];
    const markers = new Set<string>();
    if (withScripts && first.status === 200) {
      const srcs = new Set(
        [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")),
      );
      for (const src of srcs) {
        const res = await get(agent, new URL(src, url).href);
        scripts.push({ src, bytes: res.body.byteLength, gzipBytes: zlib.gzipSync(res.body).byteLength });
        const js = res.body.toString("utf8");
        for (const [name, re] of EDITOR_MARKERS) if (re.test(js)) markers.add(name);
      }
    }
    return {
      status: first.status,
      etag: first.etag,
      html,
      htmlBytes: first.body.byteLength,
      htmlGzipBytes: zlib.gzipSync(first.body).byteLength,
      scripts,
      jsGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
      editorMarkers: [...markers],
      ttfb,
    };
  } finally {
    agent.destroy();
  }
}
