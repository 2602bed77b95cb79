import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";
import { PrismaClient as PrismaPostgresClient } from "../../generated/prisma-postgres/client";
import { readEnv } from "../env";

const globalForPrisma = globalThis as unknown as { __talknotesPrisma?: PrismaClient };

/**
 * The process-wide Prisma client. Kept on globalThis because the custom server
 * (loaded by tsx) and Next's bundled route code are separate module graphs in
 * one process: both must share one client.
 *
 * With DATABASE_URL=postgres://… it is the client generated from the
 * PostgreSQL copy of the schema (scripts/prisma-generate.mjs): the same models
 * and the same API, so callers see one type.
 */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.__talknotesPrisma) {
    const { database } = readEnv();
    globalForPrisma.__talknotesPrisma =
      database.kind === "postgres"
        ? (new PrismaPostgresClient({
            adapter: new PrismaPg({ connectionString: database.url }),
          }) as unknown as PrismaClient)
        : new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${database.path}` }) });
  }
  return globalForPrisma.__talknotesPrisma;
}

/** Closes the client's connections, if it was ever opened, so a command's process can exit. */
export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.__talknotesPrisma?.$disconnect();
}
