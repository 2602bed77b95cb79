import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConvergence } from "../support/convergence";
import { type ScaledDeployment, startScaledDeployment } from "../support/scaled-deployment";
import { testServices } from "../support/test-services";

// convergence.test.ts against three instances on PostgreSQL and Redis: clients spread over the instances,
// instances SIGKILLed and SIGTERMed in turn, and at the end every instance SIGKILLed before PostgreSQL is read.
const { postgresUrl, missing } = testServices();
if (missing) console.warn(`convergence-scaleout: skipped, ${missing}`);

const SEED = Number(process.env.TALKNOTES_CONVERGENCE_SEED ?? 20260611);

describe.skipIf(!postgresUrl)("randomized convergence across three instances", () => {
  let deployment: ScaledDeployment;

  beforeAll(async () => {
    deployment = await startScaledDeployment(postgresUrl!, 3);
  });
  afterAll(async () => {
    await deployment?.stop();
  });

  it(`ends with every replica and PostgreSQL identical (seed ${SEED})`, { timeout: 180_000 }, async () => {
    const [server, ...otherServers] = deployment.servers;
    const result = await runConvergence({
      server: server!,
      otherServers,
      serverEnv: deployment.env,
      databaseUrl: deployment.databaseUrl,
      sessionId: deployment.sessionId,
      token: deployment.token,
      seed: SEED,
      clients: 3,
      operations: 300,
      restarts: 3,
      settleTimeoutMs: 45_000,
    });
    deployment.servers = result.servers;
    for (const replica of result.replicas) expect(replica).toBe(result.finalXml);
    expect(result.storedMatches).toBe(true);
    expect(result.counts.restart).toBe(3);
    expect(result.counts.insert ?? 0).toBeGreaterThan(80);
    expect(result.finalXml.length).toBeGreaterThan(100);
  });
});
