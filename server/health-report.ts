/** What /api/health answers: 200 when every dependency in use is reachable, else 503 naming the one that is not. */
export interface HealthReport {
  status: 200 | 503;
  body: { ok: boolean; database: "ok" | "unreachable"; redis: "ok" | "unreachable" | "off" };
}

/**
 * Checks the database (a trivial query: SQLite answers synchronously,
 * PostgreSQL within `timeoutMs`) and, in multi-instance mode, the Redis bus
 * (`redisConnected`, null when REDIS_URL is not set). A load balancer takes an
 * instance out of rotation on 503.
 */
export async function healthReport(
  probe: { database: () => unknown; redisConnected: (() => boolean) | null },
  timeoutMs = 2_000,
): Promise<HealthReport> {
  let database: HealthReport["body"]["database"] = "ok";
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(probe.database),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database check timed out")), timeoutMs);
      }),
    ]);
  } catch {
    database = "unreachable";
  } finally {
    clearTimeout(timer);
  }
  const redis = probe.redisConnected === null ? "off" : probe.redisConnected() ? "ok" : "unreachable";
  const ok = database === "ok" && redis !== "unreachable";
  return { status: ok ? 200 : 503, body: { ok, database, redis } };
}
