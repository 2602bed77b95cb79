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
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** Reads and validates the configuration contract (architecture §1). */
export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = EnvSchema.safeParse({
    PORT: source.PORT || undefined,
    HOST: source.HOST || undefined,
    DATABASE_URL: source.DATABASE_URL || undefined,
    REDIS_URL: source.REDIS_URL || undefined,
    TALKNOTES_SECRET: source.TALKNOTES_SECRET || undefined,
    NODE_ENV: source.NODE_ENV || undefined,
  });
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const { DATABASE_URL: url, REDIS_URL: redisUrl, TALKNOTES_SECRET: secret } = parsed.data;
  const database: DatabaseConfig = url.startsWith("file:") ? { kind: "sqlite", path: databasePathFromUrl(url) } : { kind: "postgres", url };
  // Several instances share one database: each must sign and check cookies with the same secret,
  // and none may keep its edits in a local file the others cannot see.
  const problems: string[] = [];
  if (redisUrl && database.kind !== "postgres") problems.push("REDIS_URL: multi-instance mode needs a shared database: set DATABASE_URL=postgres://...");
  if (redisUrl && !secret) problems.push("TALKNOTES_SECRET: required with REDIS_URL (every instance must use the same secret)");
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
