import http from "node:http";
import path from "node:path";
import next from "next";
import { parseCollabPath } from "../lib/collab/room-name";
import { collabRequestAccess } from "./auth/collab-request-access";
import { CLIENT_IP_HEADER } from "./auth/request-context";
import { CollabServer } from "./collab/collab-server";
import { NotesStore } from "./collab/notes-store";
import { ReadersCopyRenderer } from "./collab/render-readers-copy";
import { SessionPeopleSync } from "./collab/session-people-sync";
import { UpgradeGate } from "./collab/upgrade-gate";
import { applyMigrations } from "./db/migrate";
import { openSqlite } from "./db/open-sqlite";
import { EnvError, readEnv } from "./env";
import { setRuntime } from "./runtime";
import { buildLiveFrame } from "./data/public-live-frame";
import { NotesSearchIndex } from "./data/search-index";
import { LiveHub } from "./live/live-hub";
import { PublicPageCache } from "./reader/public-page-cache";
import { ReadersCopyListener } from "./live/readers-copy-listener";
import { SessionStatusReader } from "./live/session-status-reader";

/**
 * The one Talknotes process: Next.js pages and the y-websocket collaboration
 * endpoint on one port. Start-up order matters: migrate, open the collab
 * server, then listen, so /api/health only answers once both are ready.
 */
async function main() {
  const dev = process.argv.includes("--dev");
  let env;
  try {
    env = readEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const db = openSqlite(env.databasePath);
  const migrations = applyMigrations(db);
  if (migrations.applied.length > 0) console.log(`[db] applied migrations: ${migrations.applied.join(", ")}`);

  const store = new NotesStore(db);
  const readersCopy = new ReadersCopyRenderer(db, store);
  const statuses = new SessionStatusReader(db);
  const search = new NotesSearchIndex(db);
  const live = new LiveHub(buildLiveFrame);
  const readersCopyListener = new ReadersCopyListener(live, search);
  const peopleSync: SessionPeopleSync = new SessionPeopleSync(db, () => collab.loadedRooms());
  const gate = new UpgradeGate(collabRequestAccess);
  const publicPages = new PublicPageCache(db);
  const collab: CollabServer = new CollabServer({
    store,
    // Decided by the gate before the upgrade reaches the collab server (server/auth/conference-access.ts:
    // owners/editors write, viewers and the public read; archived sessions are read-only for everyone).
    authorize: (req) => gate.granted(req),
    // Status changes made by the CLI (another process) reach open connections within 5 s.
    sessionStatus: (sessionId) => statuses.status(sessionId),
    room: {
      onLoad: (room) => peopleSync.bind(room),
      onContentChange: (sessionId, doc) => {
        readersCopy.render(sessionId, doc);
        readersCopyListener.written(sessionId);
      },
      // Live sessions have readers waiting: render their copy sooner (live reading stays under a second).
      contentDelayMs: (sessionId) => (statuses.status(sessionId) === "live" ? 200 : 750),
    },
  });
  setRuntime({
    collab,
    live,
    search,
    notesStore: store,
    publicPages,
    resyncSessionPeople: (ids) => {
      const wanted = new Set(ids);
      for (const room of collab.loadedRooms()) if (wanted.has(room.sessionId)) peopleSync.reconcile(room);
    },
  });

  const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname: env.host, port: env.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const nextUpgrade = app.getUpgradeHandler();

  const server = http.createServer((req, res) => {
    // The login limiter keys on this; whatever a client sent under that name is replaced.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    if (req.url === "/api/health") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    // A public session page nothing changed on since it was rendered: its bytes, without Next's pipeline.
    if (publicPages.serve(req, res)) return;
    handle(req, res).catch((err) => {
      console.error(err);
      res.statusCode = 500;
      res.end("Internal Server Error");
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/collab/")) {
      const sessionId = parseCollabPath(new URL(req.url, "http://localhost").pathname);
      void gate.admit(req, socket, sessionId).then((admitted) => admitted && collab.handleUpgrade(req, socket, head));
    }
    else nextUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve) => server.listen(env.port, env.host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.port;
  console.log(`Talknotes listening on http://${env.host === "0.0.0.0" ? "localhost" : env.host}:${port}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[server] ${signal}: storing documents and shutting down`);
    collab.close();
    readersCopyListener.flush();
    live.close();
    server.close();
    db.close();
    process.exit(0);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
