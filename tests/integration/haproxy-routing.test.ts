import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { freePort } from "../support/free-port";
import { ROOT } from "../support/server-process";

// The shipped reverse-proxy configuration (deploy/haproxy.cfg), run by Debian's haproxy in front of three
// stand-in instances that answer with their name: what is tested is the proxy's routing, not Talknotes.
const installed = spawnSync("haproxy", ["-v"]).status === 0;
if (!installed) console.warn("haproxy-routing: skipped, apt-get install haproxy");

interface Backend {
  name: string;
  port: number;
  healthy: boolean;
  server: http.Server;
}

async function startBackend(name: string): Promise<Backend> {
  const backend = { name, healthy: true } as Backend;
  backend.server = http.createServer((req, res) => {
    if (req.url === "/api/health") {
      res.writeHead(backend.healthy ? 200 : 503).end();
      return;
    }
    res.end(name);
  });
  const wss = new WebSocketServer({ noServer: true });
  backend.server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => ws.send(name)));
  await new Promise<void>((resolve) => backend.server.listen(0, "127.0.0.1", resolve));
  backend.port = (backend.server.address() as AddressInfo).port;
  return backend;
}

describe.skipIf(!installed)("deploy/haproxy.cfg", () => {
  const backends: Backend[] = [];
  let proxy: ChildProcess;
  let base: string;
  const get = async (p: string) => (await fetch(`${base}${p}`)).text();
  const sessions = Array.from({ length: 24 }, (_, i) => `sess${i}x${(i * 7919).toString(36)}`);

  beforeAll(async () => {
    for (const n of ["app1", "app2", "app3"]) backends.push(await startBackend(n));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proxy = spawn("haproxy", ["-db", "-f", path.join(ROOT, "deploy/haproxy.cfg")], {
      env: {
        ...process.env,
        TALKNOTES_LISTEN: `127.0.0.1:${port}`,
        ...Object.fromEntries(backends.map((b, i) => [`TALKNOTES_${i + 1}`, `127.0.0.1:${b.port}`])),
      },
      stdio: "ignore",
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await get("/c/ready");
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  afterAll(async () => {
    proxy?.kill("SIGTERM");
    for (const b of backends) b.server.close();
  });

  it("sends every request for one session's collab socket to the same instance, and spreads sessions", async () => {
    const placement = new Map<string, string>();
    for (const id of sessions) {
      const answers = new Set([
        await get(`/collab/${id}`),
        await get(`/collab/${id}?gen=1`),
        await get(`/collab/${id}`),
      ]);
      expect(answers.size, id).toBe(1);
      placement.set(id, [...answers][0]!);
    }
    expect(new Set(placement.values()).size).toBeGreaterThanOrEqual(2);
    // The websocket upgrade lands where the session's HTTP requests do.
    for (const id of sessions.slice(0, 6)) {
      const ws = new WebSocket(`${base.replace("http", "ws")}/collab/${id}`);
      const name = await new Promise<string>((resolve, reject) => {
        ws.once("message", (d) => resolve(String(d)));
        ws.once("error", reject);
      });
      ws.close();
      expect(name).toBe(placement.get(id));
    }
  });

  it("spreads pages and live readers over every instance", async () => {
    const names = new Set<string>();
    for (let i = 0; i < 9; i++) names.add(await get(`/c/devopsdays/keynote/live`));
    expect([...names].sort()).toEqual(["app1", "app2", "app3"]);
  });

  it(
    "moves only a failed instance's sessions, and moves them back when it is healthy again",
    { timeout: 30_000 },
    async () => {
      const before = new Map<string, string>();
      for (const id of sessions) before.set(id, await get(`/collab/${id}`));
      const failed = backends.find((b) => [...before.values()].includes(b.name))!;
      failed.healthy = false;
      const moved = async () => {
        for (const [id, name] of before)
          if (name === failed.name && (await get(`/collab/${id}`)) === failed.name) return false;
        return true;
      };
      let ok = false;
      for (const deadline = Date.now() + 15_000; !ok && Date.now() < deadline;) {
        ok = await moved();
        if (!ok) await new Promise((r) => setTimeout(r, 200));
      }
      expect(ok, "sessions of the failed instance moved").toBe(true);
      for (const [id, name] of before) if (name !== failed.name) expect(await get(`/collab/${id}`), id).toBe(name);
      failed.healthy = true;
      let back = false;
      for (const deadline = Date.now() + 15_000; !back && Date.now() < deadline;) {
        back = true;
        for (const [id, name] of before) if ((await get(`/collab/${id}`)) !== name) back = false;
        if (!back) await new Promise((r) => setTimeout(r, 200));
      }
      expect(back, "sessions back on their instance").toBe(true);
    },
  );
});
