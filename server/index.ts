import http from "node:http";
import path from "node:path";
import next from "next";
import pg from "pg";
import { parseCollabPath } from "../lib/collab/room-name";
import { collabRequestAccess } from "./auth/collab-request-access";
import { CLIENT_IP_HEADER } from "./auth/request-context";
import { CollabServer } from "./collab/collab-server";
import { NotesStore } from "./collab/notes-store";
import type { NotesStorage } from "./collab/notes-storage";
import { PostgresNotesStore } from "./collab/postgres-notes-store";
import { RedisRoomBus } from "./collab/room-bus";
import { DEFAULT_READER_FANOUT } from "./collab/reader-fanout";
import { ReadersCopyRenderer } from "./collab/render-readers-copy";
import { PostgresRenderLease } from "./collab/postgres-render-lease";
import { SessionPeopleSync } from "./collab/session-people-sync";
import { RedisTokenBucket } from "./collab/redis-token-bucket";
import { DEFAULT_UPGRADE_LIMITS, UpgradeGate } from "./collab/upgrade-gate";
import { applyMigrations } from "./db/migrate";
import { applyPostgresMigrations } from "./db/migrate-postgres";
import { closeSqlite, getSqlite } from "./db/get-sqlite";
import { getPrisma } from "./db/prisma";
import { EnvError, readEnv } from "./env";
import { applyFramePolicy } from "./frame-policy";
import { healthReport } from "./health-report";
import { AutoPublishWorker } from "./publish/auto-publish-worker";
import { setRuntime } from "./runtime";
import { setStores } from "./get-stores";
import { buildLiveFrame } from "./data/public-live-frame";
import { PostgresNotesSearchIndex } from "./data/postgres-search-index";
import { NotesSearchIndex } from "./data/search-index";
import { LiveHub } from "./live/live-hub";
import { PublicPageCache } from "./reader/public-page-cache";
import { ReadersCopyListener } from "./live/readers-copy-listener";
import { PostgresSessionStatusReader } from "./live/postgres-session-status-reader";
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

  // SQLite (one process) or PostgreSQL (one or several instances; REDIS_URL connects them).
  const sqlite = env.database.kind === "sqlite" ? getSqlite() : null;
  const pool = env.database.kind === "postgres" ? new pg.Pool({ connectionString: env.database.url, max: 10 }) : null;
  pool?.on("error", (err) => console.error("[db] idle PostgreSQL connection failed", err));
  let migrations;
  if (sqlite) migrations = applyMigrations(sqlite);
  else {
    const client = await pool!.connect();
    try {
      migrations = await applyPostgresMigrations(client);
    } finally {
      client.release();
    }
  }
  if (migrations.applied.length > 0) console.log(`[db] applied migrations: ${migrations.applied.join(", ")}`);

  const store: NotesStorage = sqlite ? new NotesStore(sqlite) : new PostgresNotesStore(pool!);
  const bus = env.redisUrl
    ? new RedisRoomBus(env.redisUrl, async (sessionId) => (await store.load(sessionId)).state)
    : null;
  // Several instances: the one holding a document's render lease renders its readers' copy. While this
  // instance's bus is down it renders anyway: the holder may not have the edits made here.
  const renderLease = bus && env.database.kind === "postgres" ? new PostgresRenderLease(env.database.url) : null;
  const readersCopy = new ReadersCopyRenderer(
    sqlite ?? pool!,
    store,
    renderLease
      ? (sessionId) => (bus!.connected ? renderLease.mayRender(sessionId) : Promise.resolve(true))
      : undefined,
  );
  const pgStatuses = pool ? new PostgresSessionStatusReader(pool) : null;
  const statuses = sqlite ? new SessionStatusReader(sqlite) : pgStatuses!;
  const search = sqlite ? new NotesSearchIndex(sqlite) : new PostgresNotesSearchIndex(pool!);
  // Data functions (Next's routes, server actions) reach these two through getStores().
  setStores({ notes: store, search });
  const live = new LiveHub(buildLiveFrame);
  const readersCopyListener = new ReadersCopyListener(live, search);
  // A readers' copy written on another instance: this instance's live readers of that session get it.
  bus?.onRendered((sessionId) => live.changed(sessionId));
  // Renders announced while Redis was down were lost: re-render what this instance's readers follow.
  bus?.onReconnect(() => live.changedAll());
  // People edited in a document are mirrored into the Person tables through Prisma, their one writer on
  // either database, with renames announced to the other instances over the bus.
  const peopleSync = new SessionPeopleSync(
    getPrisma(),
    () => collab.loadedRooms(),
    bus ? (notice) => bus.publishPeople(notice) : null,
    // Only another instance can add a person to the document a moment before its rows: one instance needs no wait.
    bus ? undefined : 0,
  );
  bus?.onPeople((notice) => peopleSync.received(notice));
  // With REDIS_URL the upgrade rate per address is shared by every instance (the pending and open caps
  // bound this process's own sockets and stay per instance).
  const upgradeRate = env.redisUrl
    ? new RedisTokenBucket(env.redisUrl, "talknotes:upgrades:", {
        perSecond: DEFAULT_UPGRADE_LIMITS.upgradesPerSecond,
        burst: DEFAULT_UPGRADE_LIMITS.upgradeBurst,
      })
    : null;
  const gate = new UpgradeGate(
    collabRequestAccess,
    DEFAULT_UPGRADE_LIMITS,
    Date.now,
    upgradeRate && ((address) => upgradeRate.take(address)),
  );
  // The fast path reads what a page shows from the database on every request (one round trip on PostgreSQL).
  const publicPages = new PublicPageCache(sqlite ?? pool!);
  const collab: CollabServer = new CollabServer({
    store,
    renderer: readersCopy,
    // Decided by the gate before the upgrade reaches the collab server (server/auth/conference-access.ts:
    // owners/editors write, viewers and the public read; archived sessions are read-only for everyone).
    authorize: (req) => gate.granted(req),
    // Status changes made by the CLI (another process) reach open connections within 5 s.
    sessionStatus: (sessionId) => statuses.status(sessionId),
    room: {
      onLoad: (room) => {
        peopleSync.bind(room);
        bus?.bind(room);
        // Unloaded here: another instance with the document loaded takes over its renders.
        if (renderLease) room.doc.once("destroy", () => void renderLease.release(room.sessionId));
        void pgStatuses?.refresh(room.sessionId);
      },
      onContentChange: (sessionId, doc, now) => {
        const written = () => {
          readersCopyListener.written(sessionId);
          bus?.publishRendered(sessionId);
        };
        // `now` (an export waits for it): rendered here whoever holds the lease, since this instance may
        // have edits the holder has not received yet.
        const rendered = readersCopy.render(sessionId, doc, written, now);
        // On PostgreSQL the instance that stored a new copy tells the others and indexes it; an instance
        // that found the same copy already stored (written by another one) has nothing to announce.
        if (rendered instanceof Promise) return rendered.then((changed) => void (changed && written()));
        written();
      },
      // Live sessions have readers waiting: render their copy sooner (live reading stays under a second).
      contentDelayMs: (sessionId) => (statuses.status(sessionId) === "live" ? 200 : 750),
      readerFanout: { ...DEFAULT_READER_FANOUT, minDelayMs: env.readerBatchMinMs },
    },
  });
  // Publishes sessions to the destinations that ask for it when their status changes to published.
  const autoPublish = new AutoPublishWorker({ firstRetryDelayMs: env.publishRetryMs });
  setRuntime({
    collab,
    live,
    publicPages,
    autoPublish,
    resyncSessionPeople: (ids) => {
      const wanted = new Set(ids);
      for (const room of collab.loadedRooms()) if (wanted.has(room.sessionId)) void peopleSync.reconcile(room);
      // Rooms of these sessions loaded on other instances re-read them too.
      bus?.publishPeople({ kind: "resync", sessionIds: [...wanted] });
    },
  });

  const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname: env.host, port: env.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const nextUpgrade = app.getUpgradeHandler();

  const server = http.createServer((req, res) => {
    // The login limiter keys on this; whatever a client sent under that name is replaced.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    // Only /embed/ may be framed by other sites; every other response refuses (server/frame-policy.ts).
    applyFramePolicy(req, res);
    if (req.url === "/api/health") {
      void healthReport({
        database: () => (sqlite ? sqlite.prepare("SELECT 1").get() : pool!.query("SELECT 1")),
        redisConnected: bus ? () => bus.connected : null,
      }).then(({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify(body));
      });
      return;
    }
    // The server's clock, for editors to correct theirs (block times): answered first, so its only delay is the network.
    if (req.url === "/api/time") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ now: Date.now() }));
      return;
    }
    const toNext = () =>
      handle(req, res).catch((err) => {
        console.error(err);
        res.statusCode = 500;
        res.end("Internal Server Error");
      });
    // A public session page nothing changed on since it was rendered: its bytes, without Next's pipeline.
    const served = publicPages.serve(req, res);
    if (served instanceof Promise)
      void served.then(
        (done) => (done ? undefined : toNext()),
        () => toNext(),
      );
    else if (!served) void toNext();
  });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/collab/")) {
      const sessionId = parseCollabPath(new URL(req.url, "http://localhost").pathname);
      void gate.admit(req, socket, sessionId).then((admitted) => admitted && collab.handleUpgrade(req, socket, head));
    }
    // Next's own upgrades (its dev server's HMR socket): a failure there ends that socket, not the process.
    else
      nextUpgrade(req, socket, head).catch((err: unknown) => {
        console.error("[server] upgrade failed", err);
        socket.destroy();
      });
  });

  await new Promise<void>((resolve) => server.listen(env.port, env.host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.port;
  autoPublish.start();
  console.log(`Talknotes listening on http://${env.host === "0.0.0.0" ? "localhost" : env.host}:${port}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[server] ${signal}: storing documents and shutting down`);
    collab.close();
    readersCopyListener.flush();
    live.close();
    void autoPublish.close();
    server.close();
    void bus?.close();
    void renderLease?.close();
    upgradeRate?.close();
    if (sqlite) {
      closeSqlite();
      process.exit(0);
    }
    // Rooms handed their last batches to the store as they closed: let them commit first.
    void (store as PostgresNotesStore)
      .drain()
      .then(() => pool!.end())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
