import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { COLLAB_LIMITS } from "../../lib/collab/limits";
import { seededRandom } from "../../lib/random/seeded-random";
import { awarenessFrame } from "../support/awareness-frame";
import { openRawCollabSocket, type RawCollabSocket } from "../support/raw-collab-socket";
import { type RunningServer } from "../support/server-process";
import { startSeededServer } from "../support/seeded-server";
import { connectClient, synced, type TestClient, waitFor } from "../support/yclient";

/**
 * The hostile-reader soak (docs/SECURITY.md, "Collaboration"): for SOAK_MS, 20 anonymous
 * connections to a live public session send random awareness updates, sync
 * step 1s asking for the whole document and garbage frames, each just under
 * the per-connection message rate, reconnecting whenever the server closes
 * them; half of them never read. Meanwhile an editor types. The editor's
 * text arrives intact, every /api/health request is answered and 95% of them
 * within 200 ms (a single sample can be delayed by the machine, not the server:
 * the test shares 2 cores with the server and the attackers), and the
 * server's RSS stays under RSS_BOUND_MIB (docs/SECURITY.md).
 */
const SOAK_MS = 30_000;
const ATTACKERS = 20;
/** Frames per second per attacker: 90% of the sustained limit, so the rate limiter is not what stops them. */
const ATTACK_RATE = Math.floor(COLLAB_LIMITS.messagesPerSecond * 0.9);
/** Server RSS may grow at most this much over its idle level during the soak. */
const RSS_GROWTH_BOUND_MIB = 150;
/** p95 of /api/health during the soak. */
const HEALTH_BOUND_MS = 200;

let server: RunningServer;
let sessionId: string;
let token: string;

beforeAll(async () => {
  ({ server, sessionId, token } = await startSeededServer({ prefix: "talknotes-soak-" }));
  const { getPrisma } = await import("../../server/db/prisma");
  await getPrisma().session.update({ where: { id: sessionId }, data: { status: "live" } });
});

afterAll(async () => {
  await server?.stop();
});

function rssMiB(): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

/** One anonymous attacker: connects, sends its mix of frames at ATTACK_RATE, reconnects when closed, until `until`. */
async function attack(
  index: number,
  until: number,
  stats: { frames: number; connections: number; closes: Map<number, number> },
): Promise<void> {
  const random = seededRandom(1000 + index);
  const localAddress = `127.0.3.${index + 1}`;
  const reads = index % 2 === 0;
  while (Date.now() < until) {
    let socket: RawCollabSocket;
    try {
      socket = await openRawCollabSocket(server.wsUrl, sessionId, { localAddress });
    } catch {
      await new Promise((r) => setTimeout(r, 500)); // refused (429): the upgrade limits hold
      continue;
    }
    stats.connections += 1;
    if (!reads) socket.pauseReading();
    const perTick = Math.max(1, Math.round(ATTACK_RATE / 20));
    const timer = setInterval(() => {
      for (let i = 0; i < perTick && socket.ws.readyState === socket.ws.OPEN; i++) {
        const roll = random();
        stats.frames += 1;
        if (roll < 0.45) {
          const id = Math.floor(random() * 2 ** 32);
          socket.send(
            awarenessFrame([
              {
                id,
                clock: Math.floor(random() * 1e6),
                state: random() < 0.5 ? null : { user: { name: "Instance Admin", color: "url(https://evil.test/x)" } },
              },
            ]),
          );
        } else if (roll < 0.997) {
          socket.sendStep1();
        } else {
          const junk = new Uint8Array(1 + Math.floor(random() * 64));
          for (let j = 0; j < junk.length; j++) junk[j] = Math.floor(random() * 256);
          socket.send(junk);
        }
      }
    }, 50);
    const code = await Promise.race([
      socket.closed,
      new Promise<number>((r) => setTimeout(() => r(-1), Math.max(0, until - Date.now()))),
    ]);
    clearInterval(timer);
    stats.closes.set(code, (stats.closes.get(code) ?? 0) + 1);
    if (code === -1) {
      socket.ws.terminate();
      await socket.closed;
    }
  }
}

describe("hostile-reader soak", () => {
  it(
    `${ATTACKERS} anonymous connections for ${SOAK_MS / 1000} s: the editor's text arrives intact, health stays fast, memory bounded`,
    async () => {
      const editor: TestClient = connectClient(server.wsUrl, sessionId, { token, connect: false });
      const tracker: SaveTracker = trackSaves(editor.provider);
      editor.provider.connect();
      await synced(editor);
      const idleRss = rssMiB();

      const until = Date.now() + SOAK_MS;
      const stats = { frames: 0, connections: 0, closes: new Map<number, number>() };
      const attackers = Array.from({ length: ATTACKERS }, (_, i) => attack(i, until, stats));

      // The editor types a word every 50 ms; a reader that behaves follows along.
      const words: string[] = [];
      const typing = (async () => {
        for (let n = 0; Date.now() < until; n++) {
          const word = `w${n} `;
          editor.text.insert(editor.text.length, word);
          words.push(word);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();

      const health: number[] = [];
      const rss: number[] = [];
      const probing = (async () => {
        while (Date.now() < until) {
          const start = performance.now();
          const res = await fetch(`${server.url}/api/health`);
          health.push(performance.now() - start);
          expect(res.status).toBe(200);
          rss.push(rssMiB());
          await new Promise((r) => setTimeout(r, 250));
        }
      })();

      await Promise.all([...attackers, typing, probing]);
      await waitFor(() => tracker.pending === 0, 20_000, "the editor's words confirmed");

      // Intact: a fresh client (what a reconnecting co-editor gets) holds exactly what was typed.
      const check = connectClient(server.wsUrl, sessionId, { token });
      await synced(check);
      expect(check.text.toString()).toBe(words.join(""));
      expect(Y.encodeStateVector(check.doc)).toEqual(Y.encodeStateVector(editor.doc));
      check.destroy();
      tracker.destroy();
      editor.destroy();

      const sorted = [...health].sort((a, b) => a - b);
      const report = {
        frames: stats.frames,
        connections: stats.connections,
        closes: Object.fromEntries(stats.closes),
        words: words.length,
        healthSamples: health.length,
        healthP50Ms: Math.round(sorted[Math.floor(sorted.length / 2)]!),
        healthP95Ms: Math.round(sorted[Math.floor(sorted.length * 0.95)]!),
        healthMaxMs: Math.round(sorted.at(-1)!),
        rssIdleMiB: Math.round(idleRss),
        rssMaxMiB: Math.round(Math.max(...rss)),
        rssEndMiB: Math.round(rssMiB()),
      };
      console.info("[soak]", JSON.stringify(report));
      expect(stats.frames).toBeGreaterThan(ATTACKERS * ATTACK_RATE * (SOAK_MS / 1000) * 0.5);
      expect(report.healthP95Ms).toBeLessThan(HEALTH_BOUND_MS);
      expect(report.rssMaxMiB - report.rssIdleMiB).toBeLessThan(RSS_GROWTH_BOUND_MIB);
    },
    SOAK_MS + 90_000,
  );
});
