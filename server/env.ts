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
    .refine((v) => v.startsWith("file:"), "must be a SQLite file URL like file:./data/talknotes.db"),
  TALKNOTES_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export interface AppEnv {
  port: number;
  host: string;
  /** Absolute path of the SQLite database file. */
  databasePath: string;
  /** Directory holding the database (and the generated secret). */
  dataDir: string;
  secret: string;
  production: boolean;
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
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

/** Reads and validates the configuration contract (architecture §1). */
export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = EnvSchema.safeParse({
    PORT: source.PORT || undefined,
    HOST: source.HOST || undefined,
    DATABASE_URL: source.DATABASE_URL || undefined,
    TALKNOTES_SECRET: source.TALKNOTES_SECRET || undefined,
    NODE_ENV: source.NODE_ENV || undefined,
  });
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const databasePath = databasePathFromUrl(parsed.data.DATABASE_URL);
  const dataDir = path.dirname(databasePath);
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    databasePath,
    dataDir,
    secret: parsed.data.TALKNOTES_SECRET ?? loadOrCreateSecret(dataDir),
    production: parsed.data.NODE_ENV === "production",
  };
}
