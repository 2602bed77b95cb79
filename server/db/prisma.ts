import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { readEnv } from "../env";

const globalForPrisma = globalThis as unknown as { __talknotesPrisma?: PrismaClient };

/**
 * The process-wide Prisma client. Kept on globalThis because the custom server
 * (loaded by tsx) and Next's bundled route code are separate module graphs in
 * one process: both must share one client.
 */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.__talknotesPrisma) {
    const env = readEnv();
    const adapter = new PrismaBetterSqlite3({ url: `file:${env.databasePath}` });
    globalForPrisma.__talknotesPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.__talknotesPrisma;
}
