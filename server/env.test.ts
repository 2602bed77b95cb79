import { describe, expect, it } from "vitest";
import { EnvError, readEnv } from "./env";

const base: NodeJS.ProcessEnv = { NODE_ENV: "test", TALKNOTES_SECRET: "x".repeat(32), DATABASE_URL: "file:/tmp/talknotes-env-test/t.db" };

describe("readEnv: PUBLIC_URL, TRUST_PROXY, SCHEDULE_FETCH_ALLOW_HOSTS, live stream caps", () => {
  it("reads them, with safe defaults", () => {
    expect(readEnv(base)).toMatchObject({ publicUrl: null, trustProxy: false, scheduleFetchAllowHosts: [], liveStreams: { perAddress: 256, total: 4096 } });
    const env = readEnv({ ...base, PUBLIC_URL: "https://Notes.Example.org/", TRUST_PROXY: "1", SCHEDULE_FETCH_ALLOW_HOSTS: "pretalx.internal, 127.0.0.1", LIVE_STREAMS_PER_ADDRESS: "8", LIVE_STREAMS_MAX: "100" });
    expect(env).toMatchObject({ publicUrl: "https://notes.example.org", trustProxy: true, scheduleFetchAllowHosts: ["pretalx.internal", "127.0.0.1"], liveStreams: { perAddress: 8, total: 100 } });
  });

  it("lists every problem at once", () => {
    let error: unknown;
    try {
      readEnv({ ...base, PUBLIC_URL: "https://notes.example.org/sub?x=1", TRUST_PROXY: "yes", SCHEDULE_FETCH_ALLOW_HOSTS: "a b" });
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
