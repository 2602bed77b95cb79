import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEOPLE_MAP, readSessionPeople, writeSessionPerson } from "../../lib/collab/session-people";
import { claimForeignPerson } from "../support/claim-foreign-person";
import { seedPeopleNeighbours } from "../support/seed-people-neighbours";
import { type RunningServer, startServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { connectClient, synced, waitFor } from "../support/yclient";

/**
 * The session's people live in the shared document and are mirrored into
 * SQLite by the server: a person added inline reaches every co-editor and the
 * conference directory; a rename reaches every other open session and every
 * session opened later; entries that are not ours to write are ignored.
 */
let db: SeededServer["db"];

let server: RunningServer;
let panelId: string;
let otherId: string;
let foreignPersonId: string;
let conferenceSlug: string;
let token: string;

beforeAll(async () => {
  let seeded: SeededServer["seeded"];
  ({ server, db, seeded, token } = await startSeededServer());
  conferenceSlug = seeded.conference.slug;
  panelId = seeded.session.id;
  ({ otherId, foreignPersonId } = await seedPeopleNeighbours(conferenceSlug));
});

afterAll(async () => {
  await server?.stop();
});

function person(id: string) {
  const sqlite = new Database(db.file, { readonly: true });
  try {
    return sqlite
      .prepare(
        `SELECT p.name, p.conferenceId, sp.role, sp.sessionId FROM "Person" p LEFT JOIN "SessionPerson" sp ON sp.personId = p.id WHERE p.id = ?`,
      )
      .all(id) as Array<{
      name: string;
      role: string | null;
      sessionId: string | null;
    }>;
  } finally {
    sqlite.close();
  }
}

describe("session people", () => {
  it("an inline-added person reaches co-editors and SQLite; a rename reaches every session", async () => {
    const alice = connectClient(server.wsUrl, panelId, { token });
    const bob = connectClient(server.wsUrl, panelId, { token });
    const carol = connectClient(server.wsUrl, otherId, { token });
    await Promise.all([synced(alice), synced(bob), synced(carol)]);

    writeSessionPerson(alice.doc, "pisrael00001", { name: "Israel", role: "audience", position: 5 });
    await waitFor(() => readSessionPeople(bob.doc).some((p) => p.name === "Israel"), 2000, "bob sees Israel");
    await waitFor(() => person("pisrael00001").length === 1, 2000, "Israel in SQLite");
    expect(person("pisrael00001")).toEqual([
      { name: "Israel", conferenceId: expect.any(String), role: "audience", sessionId: panelId },
    ]);

    const directory = (await (
      await fetch(`${server.url}/api/conferences/${conferenceSlug}/people`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { people: Array<{ name: string }> };
    expect(directory.people.map((p) => p.name)).toContain("Israel");

    // Carol attributes the same person in another session, then Alice corrects the name once.
    writeSessionPerson(carol.doc, "pisrael00001", { name: "Israel", role: "speaker" });
    await waitFor(() => person("pisrael00001").length === 2, 2000, "linked to both sessions");
    writeSessionPerson(alice.doc, "pisrael00001", { name: "Israel Gat" });
    await waitFor(
      () => readSessionPeople(carol.doc).some((p) => p.name === "Israel Gat"),
      2000,
      "carol sees the rename",
    );
    expect(readSessionPeople(carol.doc).find((p) => p.id === "pisrael00001")?.role).toBe("speaker");
    expect(new Set(person("pisrael00001").map((r) => r.name))).toEqual(new Set(["Israel Gat"]));

    carol.destroy();
    // A session opened later shows a rename made while it was closed.
    await server.stop();
    server = await startServer({ databaseUrl: db.url });
    const alice2 = connectClient(server.wsUrl, panelId, { token });
    await synced(alice2);
    writeSessionPerson(alice2.doc, "pisrael00001", { name: "Israel Gat (Lean)" });
    await waitFor(() => person("pisrael00001").every((r) => r.name === "Israel Gat (Lean)"), 2000, "renamed in SQLite");
    const dave = connectClient(server.wsUrl, otherId, { token });
    await synced(dave);
    await waitFor(
      () => readSessionPeople(dave.doc).some((p) => p.name === "Israel Gat (Lean)"),
      2000,
      "dave sees the rename on load",
    );
    for (const c of [alice, bob, alice2, dave]) c.destroy();
  });

  it("ignores entries that are invalid or name another conference's person", async () => {
    const mallory = connectClient(server.wsUrl, panelId, { token });
    await synced(mallory);
    claimForeignPerson(mallory.doc, foreignPersonId);
    mallory.doc.getMap(PEOPLE_MAP).set("pempty000001", { name: "", role: "speaker" });
    mallory.doc.getMap(PEOPLE_MAP).set("bad id!", { name: "Weird", role: "speaker" });
    writeSessionPerson(mallory.doc, "pcontrol0001", { name: "Control Person" });
    await waitFor(() => person("pcontrol0001").length === 1, 2000, "the valid entry is stored");
    expect(person(foreignPersonId)).toEqual([
      { name: "Not Yours", conferenceId: expect.any(String), role: null, sessionId: null },
    ]);
    expect(person("pempty000001")).toEqual([]);
    expect(person("bad id!")).toEqual([]);
    mallory.destroy();
  });
});
