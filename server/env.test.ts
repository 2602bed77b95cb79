import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, readEnv } from "./env";

const SECRET = "s".repeat(40);
/** A process environment with only these variables (NODE_ENV is required by its type). */
const e = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });
const problems = (vars: Record<string, string>) => {
  try {
    readEnv(e(vars));
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  return [];
};

describe("readEnv: databases and Redis", () => {
  it("keeps SQLite for file: URLs", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-env-"));
    const env = readEnv(e({ DATABASE_URL: `file:${dir}/t.db`, TALKNOTES_SECRET: SECRET }));
    expect(env.database).toEqual({ kind: "sqlite", path: `${dir}/t.db` });
    expect(env.databasePath).toBe(`${dir}/t.db`);
    expect(env.redisUrl).toBeNull();
  });

  it("selects PostgreSQL for postgres:// and postgresql:// URLs, and SQLite-only code paths fail loudly", () => {
    for (const url of ["postgres://u:p@db:5432/talknotes", "postgresql://db/talknotes?sslmode=require"]) {
      const env = readEnv(e({ DATABASE_URL: url, TALKNOTES_SECRET: SECRET }));
      expect(env.database).toEqual({ kind: "postgres", url });
      expect(() => env.databasePath).toThrow(/does not support DATABASE_URL=postgres/);
    }
  });

  it("rejects other database URLs", () => {
    expect(problems({ DATABASE_URL: "mysql://db/x", TALKNOTES_SECRET: SECRET })[0]).toMatch(/^DATABASE_URL: .*SQLite.*PostgreSQL/);
    expect(problems({ DATABASE_URL: "postgres://", TALKNOTES_SECRET: SECRET })[0]).toMatch(/^DATABASE_URL/);
  });

  it("accepts REDIS_URL with PostgreSQL and a shared secret", () => {
    const env = readEnv(e({ DATABASE_URL: "postgres://db/t", REDIS_URL: "redis://cache:6379", TALKNOTES_SECRET: SECRET }));
    expect(env.redisUrl).toBe("redis://cache:6379");
  });

  it("lists every multi-instance problem at once", () => {
    expect(problems({ DATABASE_URL: "file:/tmp/x.db", REDIS_URL: "redis://cache:6379" })).toEqual([
      expect.stringMatching(/^REDIS_URL: multi-instance mode needs a shared database/),
      expect.stringMatching(/^TALKNOTES_SECRET: required with REDIS_URL/),
    ]);
    expect(problems({ DATABASE_URL: "postgres://db/t", REDIS_URL: "http://cache", TALKNOTES_SECRET: SECRET })[0]).toMatch(/^REDIS_URL: must be a Redis URL/);
  });
});
