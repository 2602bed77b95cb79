import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresBinDir, startPostgres } from "../tests/support/start-postgres";
import { redisInstalled, startRedis } from "../tests/support/start-redis";
import { RedisRoomBus } from "./collab/room-bus";
import { openSqlite } from "./db/open-sqlite";
import { healthReport } from "./health-report";

describe("healthReport", () => {
  it("reports SQLite reachable, then unreachable once its connection is gone", async () => {
    const db = openSqlite(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-health-")), "h.db"));
    const probe = { database: () => db.prepare("SELECT 1").get(), redisConnected: null };
    expect(await healthReport(probe)).toEqual({ status: 200, body: { ok: true, database: "ok", redis: "off" } });
    db.close();
    expect(await healthReport(probe)).toEqual({
      status: 503,
      body: { ok: false, database: "unreachable", redis: "off" },
    });
  });

  // Its own servers, since it stops them: skipped only where PostgreSQL or redis-server is not installed.
  const installed = postgresBinDir() !== null && redisInstalled();
  if (!installed) console.warn("health-report: PostgreSQL/Redis part skipped, apt-get install postgresql redis-server");
  it.skipIf(!installed)("reports PostgreSQL and Redis as they come and go", { timeout: 30_000 }, async () => {
    const postgres = await startPostgres();
    const redis = await startRedis();
    const pool = new pg.Pool({ connectionString: postgres.url, connectionTimeoutMillis: 1000 });
    const bus = new RedisRoomBus(redis.url, async () => null);
    const probe = { database: () => pool.query("SELECT 1"), redisConnected: () => bus.connected };
    try {
      const deadline = Date.now() + 5000;
      while (!bus.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await healthReport(probe)).toEqual({ status: 200, body: { ok: true, database: "ok", redis: "ok" } });
      await redis.kill();
      while (bus.connected) await new Promise((r) => setTimeout(r, 20));
      expect(await healthReport(probe)).toEqual({
        status: 503,
        body: { ok: false, database: "ok", redis: "unreachable" },
      });
      postgres.stop();
      expect((await healthReport(probe, 1500)).body.database).toBe("unreachable");
    } finally {
      await bus.close();
      await pool.end().catch(() => {});
      await redis.stop();
    }
  });
});
