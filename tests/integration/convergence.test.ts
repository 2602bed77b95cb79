import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConvergence } from "../support/convergence";
import { type RunningServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";

let db: SeededServer["db"];

let server: RunningServer;
let sessionId: string;
let token: string;

beforeAll(async () => {
  ({ server, sessionId, token, db } = await startSeededServer({ prefix: "talknotes-convergence-" }));
});

afterAll(async () => {
  await server?.stop();
});

// Small here; the soak run calls runConvergence with more clients, operations and restarts.
const SEED = Number(process.env.TALKNOTES_CONVERGENCE_SEED ?? 20260611);

describe("randomized convergence with the real server in the loop", () => {
  it(`ends with every replica and the stored state identical (seed ${SEED})`, async () => {
    const result = await runConvergence({
      server,
      databaseUrl: db.url,
      sessionId,
      token,
      seed: SEED,
      clients: 3,
      operations: 400,
      restarts: 2,
    });
    server = result.server;
    for (const replica of result.replicas) expect(replica).toBe(result.finalXml);
    expect(result.storedMatches).toBe(true);
    expect(result.counts.restart).toBe(2);
    expect(result.counts.insert ?? 0).toBeGreaterThan(100);
    expect(result.counts.disconnect ?? 0).toBeGreaterThan(0);
    expect(result.finalXml.length).toBeGreaterThan(100);
  });
});
