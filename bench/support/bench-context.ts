import type Database from "better-sqlite3";
import type { BenchServer } from "./bench-server";

/** What bench/run.ts gives every scenario. */
export interface BenchContext {
  /** Tiny counts: proves the harness works (CI), judges no goal. */
  quick: boolean;
  /** The run's throwaway SQLite database (migrated), shared by every server the run starts. */
  databaseUrl: string;
  databaseFile: string;
  /** This process's own connection to it (WAL: reads never block the server's writes). */
  db: Database.Database;
  /**
   * The real server on the run's database: a fresh process per call in a full
   * run (clean memory and CPU baselines); in a quick run one shared process
   * whose stop() does nothing (bench/run.ts stops it), to stay under a minute.
   */
  startServer(): Promise<BenchServer>;
  /** Progress line on stderr, so stdout stays the Markdown report. */
  log(message: string): void;
}
