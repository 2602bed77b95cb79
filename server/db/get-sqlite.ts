import type Database from "better-sqlite3";
import { readEnv } from "../env";
import { openSqlite } from "./open-sqlite";

const holder = globalThis as unknown as { __talknotesSqlite?: Database.Database };

/**
 * The process's one raw SQLite connection (better-sqlite3) to DATABASE_URL's
 * file, for the synchronous hot paths: the notes store, the people mirror,
 * the search index, the status and page-cache readers (server/index.ts hands
 * it to each), and code running outside the server (CLI, tests) that needs
 * one of those stores. Kept on globalThis, like the Prisma client, because
 * the custom server and Next's bundled route code are separate module graphs
 * in one process. Prisma keeps its own connection (ARCHITECTURE.md, "Who
 * calls the database"). Throws when DATABASE_URL names PostgreSQL.
 */
export function getSqlite(): Database.Database {
  const { database } = readEnv();
  if (database.kind !== "sqlite") throw new Error("DATABASE_URL names PostgreSQL: there is no SQLite connection");
  if (!holder.__talknotesSqlite?.open) holder.__talknotesSqlite = openSqlite(database.path);
  return holder.__talknotesSqlite;
}

/** Closes the connection, if one was opened (a command's end, the server's shutdown); the next getSqlite() opens another. */
export function closeSqlite(): void {
  holder.__talknotesSqlite?.close();
  holder.__talknotesSqlite = undefined;
}
