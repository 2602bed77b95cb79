import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSessionPeople, writeSessionPerson } from "../../lib/collab/session-people";
import { claimForeignPerson } from "../support/claim-foreign-person";
import { type ScaledDeployment, startScaledDeployment } from "../support/scaled-deployment";
import { seedPeopleNeighbours } from "../support/seed-people-neighbours";
import type { RunningServer } from "../support/server-process";
import { testServices } from "../support/test-services";
import { connectClient, synced, waitFor } from "../support/yclient";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`session-people-postgres: skipped, ${missing}`);

/**
 * The people mirror on PostgreSQL, across two instances: a person added in
 * one instance's document reaches the Person tables; a rename made in a
 * session loaded only on instance 1 reaches another session loaded only on
 * instance 2 (a notice over Redis), and a session loaded later shows it.
 */
describe.skipIf(!postgresUrl)("session people on PostgreSQL, two instances", () => {
  let deployment: ScaledDeployment;
  let otherId: string;
  let foreignPersonId: string;

  beforeAll(async () => {
    deployment = await startScaledDeployment(postgresUrl!, 2);
    ({ otherId, foreignPersonId } = await seedPeopleNeighbours(deployment.conferenceSlug));
  }, 120_000);
  afterAll(async () => {
    await deployment?.stop();
  });

  async function stored(id: string) {
    const { getPrisma } = await import("../../server/db/prisma");
    const person = await getPrisma().person.findUnique({ where: { id }, include: { sessions: true } });
    return person && { name: person.name, roles: person.sessions.map((s) => `${s.sessionId}:${s.role}`).sort() };
  }

  it(
    "mirrors additions into PostgreSQL and renames into sessions loaded on other instances",
    { timeout: 60_000 },
    async () => {
      const { sessionId: panelId, token } = deployment;
      const [one, two] = deployment.servers as [RunningServer, RunningServer];
      const alice = connectClient(one.wsUrl, panelId, { token });
      const carol = connectClient(two.wsUrl, otherId, { token });
      await Promise.all([synced(alice), synced(carol)]);

      writeSessionPerson(alice.doc, "pisrael00001", { name: "Israel", role: "audience", position: 5 });
      let row = await waitForStored("pisrael00001", (p) => p?.roles.length === 1);
      expect(row).toEqual({ name: "Israel", roles: [`${panelId}:audience`] });

      // Carol, on the other instance, attributes the same person in another session; Alice renames them once.
      writeSessionPerson(carol.doc, "pisrael00001", { name: "Israel", role: "speaker" });
      await waitForStored("pisrael00001", (p) => p?.roles.length === 2);
      writeSessionPerson(alice.doc, "pisrael00001", { name: "Israel Gat" });
      await waitFor(
        () => readSessionPeople(carol.doc).some((p) => p.name === "Israel Gat"),
        10_000,
        "carol (instance 2) sees the rename",
      );
      expect(readSessionPeople(carol.doc).find((p) => p.id === "pisrael00001")?.role).toBe("speaker");
      row = await waitForStored("pisrael00001", (p) => p?.name === "Israel Gat");
      expect(row?.roles).toEqual([`${panelId}:audience`, `${otherId}:speaker`].sort());

      // Entries that are not ours to write are ignored, as on SQLite.
      claimForeignPerson(carol.doc, foreignPersonId);
      writeSessionPerson(carol.doc, "pcontrol0001", { name: "Control Person" });
      await waitForStored("pcontrol0001", (p) => p !== null);
      expect(await stored(foreignPersonId)).toEqual({ name: "Not Yours", roles: [] });

      // Removing a person from a session unlinks them there only.
      carol.doc.getMap("people").delete("pisrael00001");
      await waitForStored("pisrael00001", (p) => p?.roles.length === 1);

      // A rename while the other session is closed shows when it loads (on either instance).
      carol.destroy();
      writeSessionPerson(alice.doc, "pcontrol0001", { name: "Control Person (renamed)" });
      await waitForStored("pcontrol0001", (p) => p?.name === "Control Person (renamed)");
      const dave = connectClient(two.wsUrl, otherId, { token });
      await synced(dave);
      await waitFor(
        () => readSessionPeople(dave.doc).some((p) => p.name === "Control Person (renamed)"),
        10_000,
        "dave sees the rename on load",
      );
      for (const c of [alice, dave]) c.destroy();
    },
  );

  it(
    "a person unlinked on the server leaves the document when the session loads on another instance",
    { timeout: 60_000 },
    async () => {
      const { sessionId: panelId, token } = deployment;
      const [one, two] = deployment.servers as [RunningServer, RunningServer];
      const erin = connectClient(one.wsUrl, panelId, { token });
      await synced(erin);
      writeSessionPerson(erin.doc, "punlinked001", { name: "Soon Gone", role: "panelist" });
      await waitForStored("punlinked001", (p) => p?.roles.length === 1);
      // Unlinked behind the editors' backs (as a schedule re-import does), with nobody told.
      const { getPrisma } = await import("../../server/db/prisma");
      await getPrisma().sessionPerson.delete({
        where: { sessionId_personId: { sessionId: panelId, personId: "punlinked001" } },
      });
      // Instance 2 loads the panel now: its reconcile finds the entry missing and, once a second read
      // confirms it, removes it; the removal reaches instance 1's editor through the bus.
      const frank = connectClient(two.wsUrl, panelId, { token });
      await synced(frank);
      // Whichever instance removes it, the removal reaches both editors (one of them through the bus).
      const gone = (c: typeof erin) => !readSessionPeople(c.doc).some((p) => p.id === "punlinked001");
      await waitFor(() => gone(erin) && gone(frank), 15_000, "the unlinked person leaves both editors' documents");
      // Everyone else stays.
      expect(readSessionPeople(frank.doc).some((p) => p.id === "pisrael00001")).toBe(true);
      for (const c of [erin, frank]) c.destroy();
    },
  );

  async function waitForStored(id: string, ok: (p: Awaited<ReturnType<typeof stored>>) => boolean) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const p = await stored(id);
      if (ok(p)) return p;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${id} in PostgreSQL: ${JSON.stringify(p)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});
