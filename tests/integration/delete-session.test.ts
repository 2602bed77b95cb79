import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/collab/close-codes";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { connectClient, synced, waitFor } from "../support/yclient";

/**
 * Deleting a session against the real server: owners only, the
 * editors typing in it are disconnected as "not found" and nothing of it is
 * written afterwards; its details change through the same API.
 */
let seeded: SeededServer;
let conferenceSlug = "";
let sessionSlug = "";
let ownerToken = "";

beforeAll(async () => {
  seeded = await startSeededServer();
  const { getPrisma } = await import("../../server/db/prisma");
  const session = await getPrisma().session.findUniqueOrThrow({
    where: { id: seeded.sessionId },
    include: { conference: true },
  });
  conferenceSlug = session.conference.slug;
  sessionSlug = session.slug;
  const { seedAccount } = await import("../support/auth-seed");
  ownerToken = (await seedAccount({ conferenceId: seeded.conferenceId, role: "owner" })).token;
});

afterAll(async () => {
  await seeded?.server.stop();
});

const call = (method: string, token: string, body?: unknown) =>
  fetch(`${seeded.server.url}/api/v1/conferences/${conferenceSlug}/sessions/${sessionSlug}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("session details and deletion over the API", () => {
  it("changes title, room and times (a time without offset on the conference's clock) and refuses a title over 300 characters", async () => {
    const res = await call("PATCH", seeded.token, {
      title: "Making The Case, Again",
      room: "Hall C",
      startsAt: "2010-06-25T10:30",
    });
    expect(res.status).toBe(200);
    const { session } = (await res.json()) as { session: Record<string, unknown> };
    expect(session).toMatchObject({
      title: "Making The Case, Again",
      room: "Hall C",
      startsAt: "2010-06-25T10:30:00.000Z",
      slug: sessionSlug,
    }); // the seeded conference is in UTC
    const long = await call("PATCH", seeded.token, { title: "x".repeat(301) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: string }).error).toBe(
      "Titles can be up to 300 characters; this one has 301",
    );
  });

  it("lets only owners delete; editors connected to the session are closed as not found and nothing is written after", async () => {
    const client = connectClient(seeded.server.wsUrl, seeded.sessionId, { token: seeded.token });
    const codes: number[] = [];
    client.provider.on("connection-close", (event: CloseEvent | null) => {
      if (event) codes.push(event.code);
    });
    await synced(client);
    client.text.insert(0, "typed before the delete");

    expect((await call("DELETE", seeded.token)).status).toBe(403);
    const res = await call("DELETE", ownerToken);
    expect(res.status).toBe(200);
    await waitFor(() => codes.includes(CloseCode.NotFound), 10_000, "close 4404");
    client.text.insert(0, "typed after the delete ");
    client.destroy();

    expect((await call("GET", ownerToken)).status).toBe(404);
    const sqlite = new Database(seeded.db.file, { readonly: true });
    try {
      const left = sqlite.prepare(
        `SELECT (SELECT COUNT(*) FROM "Session" WHERE id = ?) s, (SELECT COUNT(*) FROM "NotesDocument" WHERE sessionId = ?) d, (SELECT COUNT(*) FROM "NotesUpdate" WHERE sessionId = ?) u`,
      );
      expect(left.get(seeded.sessionId, seeded.sessionId, seeded.sessionId)).toEqual({ s: 0, d: 0, u: 0 });
    } finally {
      sqlite.close();
    }
  });
});
