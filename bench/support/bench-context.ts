import type Database from "better-sqlite3";

/** What bench/run.ts gives every scenario. */
export interface BenchContext {
  /** Tiny counts: proves the harness works (CI), judges no goal. */
  quick: boolean;
  /** The run's throwaway SQLite database (migrated), shared by every server the run starts. */
  databaseUrl: string;
  databaseFile: string;
  /** This process's own connection to it (WAL: reads never block the server's writes). */
  db: Database.Database;
  /** Progress line on stderr, so stdout stays the Markdown report. */
  log(message: string): void;
}
