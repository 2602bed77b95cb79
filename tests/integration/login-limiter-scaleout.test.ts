import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { postServerAction } from "../support/post-server-action";
import { type ScaledDeployment, startScaledDeployment } from "../support/scaled-deployment";
import type { RunningServer } from "../support/server-process";
import { testServices } from "../support/test-services";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`login-limiter-scaleout: skipped, ${missing}`);

/**
 * With REDIS_URL the login limiter counts in Redis: a guesser who spreads
 * wrong passwords over two instances is locked out after the same 5 free
 * failures as on one (with per-process counters each instance allowed 5).
 * The websocket upgrade rate per address is shared the same way.
 */
describe.skipIf(!postgresUrl)("login limiter and upgrade rate across two instances", () => {
  let deployment: ScaledDeployment;
  beforeAll(async () => {
    deployment = await startScaledDeployment(postgresUrl!, 2);
  }, 120_000);
  afterAll(async () => {
    await deployment?.stop();
  });

  it(
    "locks an email out after 5 failures spread over both instances, and a success takes its attempt back",
    { timeout: 60_000 },
    async () => {
      const { seedAccount } = await import("../support/auth-seed");
      const target = await seedAccount({ name: "Target", email: "target@scaleout.test" });
      const servers = deployment.servers as [RunningServer, RunningServer];
      const html = await (await fetch(`${servers[0].url}/login`)).text();
      const signIn = async (server: RunningServer, password: string) =>
        (
          await postServerAction(`${server.url}/login`, html, {
            form: "sign-in",
            fields: { email: target.email, password },
          })
        ).text();

      // A right password first: counted in advance, then taken back, so it costs the guesser nothing.
      expect(await signIn(servers[1], target.password)).not.toContain("Too many attempts");
      // Wrong passwords, alternating instances: five free failures, then each earns a doubling lockout
      // (2 s, 4 s, 8 s, ...) counted before its password is checked. With counters per instance the first
      // refusal could not come before attempt 13 (instance 1's sixth failure is attempt 11); shared, it
      // comes at attempt 7, or a little later on a machine slow enough to outlast the first short lockouts.
      let heldAt = 0;
      for (let attempt = 1; attempt <= 12 && !heldAt; attempt++) {
        const answer = await signIn(servers[attempt % 2]!, "not-the-password-1");
        if (answer.includes("Too many attempts")) heldAt = attempt;
        else expect(answer).toContain("Wrong email or password");
      }
      expect(heldAt).toBeGreaterThanOrEqual(7);
      expect(heldAt).toBeLessThanOrEqual(10);
    },
  );

  it(
    "a burst of upgrades from one address spread over both instances gets one instance's burst, not two",
    { timeout: 60_000 },
    async () => {
      const servers = deployment.servers as [RunningServer, RunningServer];
      const started = Date.now();
      // "bad id!" is not a session id: an upgrade that gets a token is answered 400 at once, one without 429.
      const statuses = await Promise.all(
        Array.from(
          { length: 120 },
          (_, i) =>
            new Promise<number>((resolve) => {
              const ws = new WebSocket(`${servers[i % 2]!.wsUrl}/bad%20id!`);
              ws.on("unexpected-response", (_req, res) => {
                resolve(res.statusCode ?? 0);
                ws.terminate();
              });
              ws.on("open", () => resolve(101));
              ws.on("error", () => resolve(0));
            }),
        ),
      );
      const seconds = (Date.now() - started) / 1000;
      const passed = statuses.filter((s) => s === 400).length;
      // Burst 60 plus 20 per second of refill, for both instances together (each alone allowed 60 of its 60).
      expect(passed + statuses.filter((s) => s === 429).length).toBe(120);
      expect(passed).toBeLessThanOrEqual(60 + Math.ceil(20 * seconds));
      expect(passed).toBeLessThan(120);
    },
  );
});
