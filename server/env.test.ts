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
    expect(problems({ DATABASE_URL: "mysql://db/x", TALKNOTES_SECRET: SECRET })[0]).toMatch(
      /^DATABASE_URL: .*SQLite.*PostgreSQL/,
    );
    expect(problems({ DATABASE_URL: "postgres://", TALKNOTES_SECRET: SECRET })[0]).toMatch(/^DATABASE_URL/);
  });

  it("accepts REDIS_URL with PostgreSQL and a shared secret", () => {
    const env = readEnv(
      e({ DATABASE_URL: "postgres://db/t", REDIS_URL: "redis://cache:6379", TALKNOTES_SECRET: SECRET }),
    );
    expect(env.redisUrl).toBe("redis://cache:6379");
  });

  it("lists every multi-instance problem at once", () => {
    expect(problems({ DATABASE_URL: "file:/tmp/x.db", REDIS_URL: "redis://cache:6379" })).toEqual([
      expect.stringMatching(/^REDIS_URL: multi-instance mode needs a shared database/),
      expect.stringMatching(/^TALKNOTES_SECRET: required with REDIS_URL/),
    ]);
    expect(
      problems({ DATABASE_URL: "postgres://db/t", REDIS_URL: "http://cache", TALKNOTES_SECRET: SECRET })[0],
    ).toMatch(/^REDIS_URL: must be a Redis URL/);
  });
});

const base: NodeJS.ProcessEnv = {
  NODE_ENV: "test",
  TALKNOTES_SECRET: "x".repeat(32),
  DATABASE_URL: "file:/tmp/talknotes-env-test/t.db",
};

describe("readEnv: PUBLIC_URL, TRUST_PROXY, SCHEDULE_FETCH_ALLOW_HOSTS, live stream caps", () => {
  it("reads them, with safe defaults", () => {
    expect(readEnv(base)).toMatchObject({
      publicUrl: null,
      trustProxy: false,
      scheduleFetchAllowHosts: [],
      liveStreams: { perAddress: 256, total: 4096 },
    });
    const env = readEnv({
      ...base,
      PUBLIC_URL: "https://Notes.Example.org/",
      TRUST_PROXY: "1",
      SCHEDULE_FETCH_ALLOW_HOSTS: "pretalx.internal, 127.0.0.1",
      LIVE_STREAMS_PER_ADDRESS: "8",
      LIVE_STREAMS_MAX: "100",
    });
    expect(env).toMatchObject({
      publicUrl: "https://notes.example.org",
      trustProxy: true,
      scheduleFetchAllowHosts: ["pretalx.internal", "127.0.0.1"],
      liveStreams: { perAddress: 8, total: 100 },
    });
  });

  it("lists every problem at once", () => {
    let error: unknown;
    try {
      readEnv({
        ...base,
        PUBLIC_URL: "https://notes.example.org/sub?x=1",
        TRUST_PROXY: "yes",
        SCHEDULE_FETCH_ALLOW_HOSTS: "a b",
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems.join("\n");
    expect(problems).toMatch(/PUBLIC_URL/);
    expect(problems).toMatch(/TRUST_PROXY/);
    expect(problems).toMatch(/SCHEDULE_FETCH_ALLOW_HOSTS/);
    expect(() => readEnv({ ...base, PUBLIC_URL: "ftp://notes.example.org" })).toThrow(/PUBLIC_URL/);
  });
});
