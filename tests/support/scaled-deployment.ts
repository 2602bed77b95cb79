import type { RunningServer } from "./server-process";
import { startServer } from "./server-process";
import { type RunningRedis, startRedis } from "./start-redis";
import { tempPostgresDatabase } from "./temp-postgres-database";

/** Several Talknotes instances on one new PostgreSQL database and their own Redis, with the DevOps Day panel seeded. */
export interface ScaledDeployment {
  servers: RunningServer[];
  /** The Redis the instances share; the test may kill it and start it again on `redis.port`. */
  redis: RunningRedis;
  databaseUrl: string;
  /** What every instance runs with besides DATABASE_URL (for restarts). */
  env: Record<string, string>;
  sessionId: string;
  conferenceSlug: string;
  sessionSlug: string;
  /** Personal access token of an editor of the conference (`?token=`). */
  token: string;
  /** Stops the instances and Redis. */
  stop(): Promise<void>;
}

const SECRET = "scaled-deployment-test-secret-0123456789";

/**
 * Starts `instances` real servers (multi-instance mode: REDIS_URL) on a new
 * database of the test PostgreSQL server at `postgresUrl`, and seeds it
 * through the app's own functions from this process, which is pointed at the
 * same database (process.env.DATABASE_URL and TALKNOTES_SECRET are set).
 */
export async function startScaledDeployment(postgresUrl: string, instances: number): Promise<ScaledDeployment> {
  const databaseUrl = await tempPostgresDatabase(postgresUrl, "talknotes_scaled");
  const redis = await startRedis();
  const env = { REDIS_URL: redis.url, TALKNOTES_SECRET: SECRET };
  const servers: RunningServer[] = [];
  for (let i = 0; i < instances; i++) servers.push(await startServer({ databaseUrl, env }));
  process.env.DATABASE_URL = databaseUrl;
  process.env.TALKNOTES_SECRET = SECRET;
  const { seedDevopsDay } = await import("./seed");
  const { seedEditorToken } = await import("./editor-token");
  const seeded = await seedDevopsDay();
  const deployment: ScaledDeployment = {
    servers,
    redis,
    databaseUrl,
    env,
    sessionId: seeded.session.id,
    conferenceSlug: seeded.conference.slug,
    sessionSlug: seeded.session.slug,
    token: await seedEditorToken(seeded.conference.id),
    async stop() {
      for (const s of deployment.servers) await s.stop();
      await deployment.redis.stop();
      const { getPrisma } = await import("../../server/db/prisma");
      await getPrisma().$disconnect();
    },
  };
  return deployment;
}
