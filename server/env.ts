import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Every problem is listed at once, so a
 * misconfigured deployment fails at start-up with a message that says what to fix.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default("file:./data/talknotes.db")
    .refine(
      (v) => v.startsWith("file:") || isPostgresUrl(v),
      "must be a SQLite file URL like file:./data/talknotes.db or a PostgreSQL URL like postgres://user:password@host:5432/talknotes",
    ),
  REDIS_URL: z
    .string()
    .refine(isRedisUrl, "must be a Redis URL like redis://host:6379 (or rediss:// for TLS)")
    .optional(),
  TALKNOTES_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PUBLIC_URL: z
    .string()
    .transform((v, ctx) => {
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        ctx.addIssue({ code: "custom", message: "must be an absolute URL like https://notes.example.org" });
        return z.NEVER;
      }
      if (
        (url.protocol !== "http:" && url.protocol !== "https:") ||
        url.username ||
        url.password ||
        url.search ||
        url.hash ||
        url.pathname !== "/"
      ) {
        ctx.addIssue({
          code: "custom",
          message: "must be http(s)://host[:port] with no path, query or credentials, like https://notes.example.org",
        });
        return z.NEVER;
      }
      return url.origin;
    })
    .optional(),
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"], { message: "must be 1 (a reverse proxy sets X-Forwarded-Host/Proto) or 0" })
    .default("0"),
  SCHEDULE_FETCH_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (hosts) => hosts.every((h) => /^[a-z0-9.-]+$|^\[?[0-9a-f:.]+\]?$/.test(h)),
      "must be a comma-separated list of host names or addresses",
    ),
  PUBLISH_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/^\[|\]$/g, ""),
        )
        .filter(Boolean),
    )
    .refine(
      (hosts) => hosts.every((h) => /^[a-z0-9.-]+$|^[0-9a-f:.]+$/.test(h)),
      "must be a comma-separated list of host names or addresses (or file)",
    ),
  PUBLISH_RETRY_SECONDS: z.coerce.number().min(0.1).max(86_400).default(30),
  LIVE_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(256),
  LIVE_STREAMS_MAX: z.coerce.number().int().min(1).max(1_000_000).default(4096),
  /** Shortest pause (ms) between two merged broadcasts to a room's read-only connections (server/collab/reader-fanout.ts). */
  READER_BATCH_MIN_MS: z.coerce.number().min(0).max(1000).default(0),
  /** A personal access token for CLI commands that act through the running server (`talknotes merge`). */
  TALKNOTES_TOKEN: z.string().min(1).optional(),
});

/** Which database DATABASE_URL selects. */
export type DatabaseConfig = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

export interface AppEnv {
  port: number;
  host: string;
  database: DatabaseConfig;
  /**
   * Absolute path of the SQLite database file. With PostgreSQL, reading it
   * throws: code that still opens SQLite directly must not silently create a
   * local file beside a PostgreSQL deployment.
   */
  databasePath: string;
  /** Directory holding the SQLite database (and the generated secret); ./data with PostgreSQL. */
  dataDir: string;
  /** Set: multi-instance mode, instances exchange live updates through this Redis. */
  redisUrl: string | null;
  secret: string;
  production: boolean;
  /** The site's public origin (`PUBLIC_URL`, e.g. "https://notes.example.org") for absolute links; null: from the request. */
  publicUrl: string | null;
  /** `TRUST_PROXY=1`: a reverse proxy sets X-Forwarded-Host/Proto, so they may be believed. */
  trustProxy: boolean;
  /** Hosts schedule import by URL may fetch even at private or loopback addresses (`SCHEDULE_FETCH_ALLOW_HOSTS`). */
  scheduleFetchAllowHosts: string[];
  /**
   * Hosts publishing (WordPress, Git) may reach even at private or loopback addresses
   * (`PUBLISH_ALLOW_HOSTS`); the entry `file` allows local-path Git remotes.
   */
  publishAllowHosts: string[];
  /** Delay before the first retry of a failed automatic publish (`PUBLISH_RETRY_SECONDS`); each later retry waits four times longer. */
  publishRetryMs: number;
  /** Caps on open Server-Sent Events streams: per client address and in all. */
  liveStreams: { perAddress: number; total: number };
  /** `TALKNOTES_TOKEN`: the CLI's personal access token for commands that go through the running server; null when unset. */
  cliToken: string | null;
  /**
   * `READER_BATCH_MIN_MS`: readers (read-only connections) get a room's edits merged at most once per this
   * many ms (default 0: only as much as the cost of fanning out to them requires).
   */
  readerBatchMinMs: number;
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

function isPostgresUrl(v: string): boolean {
  return /^postgres(ql)?:\/\/[^/]/.test(v) && URL.canParse(v);
}

function isRedisUrl(v: string): boolean {
  return /^rediss?:\/\/[^/]/.test(v) && URL.canParse(v);
}

/** Path of the SQLite file named by a `file:` URL, resolved against `cwd`. */
export function databasePathFromUrl(url: string, cwd = process.cwd()): string {
  const raw = url.slice("file:".length).split("?")[0] ?? "";
  return path.resolve(cwd, raw);
}

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: fall through and create it
  }
  const secret = randomBytes(32).toString("hex");
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** Reads and validates the configuration contract (README.md, "Configuration"). */
export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = EnvSchema.safeParse({
    PORT: source.PORT || undefined,
    HOST: source.HOST || undefined,
    DATABASE_URL: source.DATABASE_URL || undefined,
    REDIS_URL: source.REDIS_URL || undefined,
    TALKNOTES_SECRET: source.TALKNOTES_SECRET || undefined,
    NODE_ENV: source.NODE_ENV || undefined,
    PUBLIC_URL: source.PUBLIC_URL || undefined,
    TALKNOTES_TOKEN: source.TALKNOTES_TOKEN || undefined,
    TRUST_PROXY: source.TRUST_PROXY || undefined,
    SCHEDULE_FETCH_ALLOW_HOSTS: source.SCHEDULE_FETCH_ALLOW_HOSTS || undefined,
    PUBLISH_ALLOW_HOSTS: source.PUBLISH_ALLOW_HOSTS || undefined,
    PUBLISH_RETRY_SECONDS: source.PUBLISH_RETRY_SECONDS || undefined,
    LIVE_STREAMS_PER_ADDRESS: source.LIVE_STREAMS_PER_ADDRESS || undefined,
    LIVE_STREAMS_MAX: source.LIVE_STREAMS_MAX || undefined,
    READER_BATCH_MIN_MS: source.READER_BATCH_MIN_MS || undefined,
  });
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const { DATABASE_URL: url, REDIS_URL: redisUrl, TALKNOTES_SECRET: secret } = parsed.data;
  const database: DatabaseConfig = url.startsWith("file:")
    ? { kind: "sqlite", path: databasePathFromUrl(url) }
    : { kind: "postgres", url };
  // Several instances share one database: each must sign and check cookies with the same secret,
  // and none may keep its edits in a local file the others cannot see.
  const problems: string[] = [];
  if (redisUrl && database.kind !== "postgres")
    problems.push("REDIS_URL: multi-instance mode needs a shared database: set DATABASE_URL=postgres://...");
  if (redisUrl && !secret)
    problems.push("TALKNOTES_SECRET: required with REDIS_URL (every instance must use the same secret)");
  if (problems.length) throw new EnvError(problems);
  const dataDir = database.kind === "sqlite" ? path.dirname(database.path) : path.resolve("data");
  const env: AppEnv = {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    database,
    databasePath: database.kind === "sqlite" ? database.path : "",
    dataDir,
    redisUrl: redisUrl ?? null,
    secret: secret ?? loadOrCreateSecret(dataDir),
    production: parsed.data.NODE_ENV === "production",
    publicUrl: parsed.data.PUBLIC_URL ?? null,
    cliToken: parsed.data.TALKNOTES_TOKEN ?? null,
    trustProxy: parsed.data.TRUST_PROXY === "1" || parsed.data.TRUST_PROXY === "true",
    scheduleFetchAllowHosts: parsed.data.SCHEDULE_FETCH_ALLOW_HOSTS,
    publishAllowHosts: parsed.data.PUBLISH_ALLOW_HOSTS,
    publishRetryMs: Math.round(parsed.data.PUBLISH_RETRY_SECONDS * 1000),
    liveStreams: { perAddress: parsed.data.LIVE_STREAMS_PER_ADDRESS, total: parsed.data.LIVE_STREAMS_MAX },
    readerBatchMinMs: parsed.data.READER_BATCH_MIN_MS,
  };
  if (database.kind === "postgres") {
    Object.defineProperty(env, "databasePath", {
      get(): never {
        throw new Error("this code path opens SQLite directly and does not support DATABASE_URL=postgres:// yet");
      },
    });
  }
  return env;
}
