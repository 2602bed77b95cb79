import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { type RunningServer, startServer } from "../support/server-process";
import { seedEditorToken } from "../support/editor-token";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { type TestClient, connectClient, synced, waitFor } from "../support/yclient";
import { firstNoteText } from "../support/first-note-text";

let db: SeededServer["db"];

let server: RunningServer;
let sessionId: string;
let token: string;
let conferenceId: string;

beforeAll(async () => {
  ({ server, sessionId, token, conferenceId, db } = await startSeededServer({ prefix: "talknotes-revisions-" }));
});

afterAll(async () => {
  await server?.stop();
});

interface Revision {
  id: string;
  kind: string;
  name: string | null;
  authors: string[];
}

async function api<T>(path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

/** An editor with their own account named `name`, whose tab's presence claims to be someone else. */
async function join(name: string): Promise<{ client: TestClient; tracker: SaveTracker }> {
  const client = connectClient(server.wsUrl, sessionId, { connect: false });
  client.provider.params = { token: await seedEditorToken(conferenceId, name) };
  const tracker = trackSaves(client.provider);
  client.provider.connect();
  // Revisions record the account that sent the edits, never the name a tab announces.
  client.provider.awareness.setLocalStateField("user", { name: "Instance Admin", color: "#1971c2" });
  await synced(client);
  return { client, tracker };
}

const xml = (c: TestClient) => c.doc.getXmlFragment("notes").toString();

describe("history", () => {
  it("takes named revisions with who wrote what, shows any revision, and restores one as a new edit everyone gets", async () => {
    const alice = await join("Alice");
    firstNoteText(alice.client.doc).insert(0, "Jody: unplanned work first. ");
    await waitFor(() => alice.tracker.pending === 0, 5000, "alice saved");

    const first = await api<{ revision: Revision }>("/revisions", { name: "Before Q&A" });
    expect(first.status).toBe(201);
    // Who wrote since the last revision, and the account that asked for it (the API caller, "Test Editor").
    expect(first.json.revision).toMatchObject({ kind: "named", name: "Before Q&A", authors: ["Alice", "Test Editor"] });

    const bob = await join("Bob");
    await waitFor(() => xml(bob.client).includes("unplanned work"), 5000, "bob has the notes");
    firstNoteText(bob.client.doc).insert(firstNoteText(bob.client.doc).length, "Q: what about cycle time?");
    await waitFor(() => bob.tracker.pending === 0 && xml(alice.client).includes("cycle time"), 5000, "bob saved");
    // A name the request claims is ignored: authors are accounts.
    const second = await api<{ revision: Revision }>("/revisions", { name: "After Q&A", author: "Carol" });
    expect(second.json.revision.authors).toEqual(["Bob", "Test Editor"]);

    expect((await api<unknown>("/revisions", { name: "  " })).status).toBe(400);

    const list = await api<{ revisions: Revision[] }>("/revisions");
    expect(list.json.revisions.map((r) => r.name)).toEqual(["After Q&A", "Before Q&A"]);

    const view = await api<{ html: string; revision: Revision }>(`/revisions/${first.json.revision.id}`);
    expect(view.status).toBe(200);
    expect(view.json.html).toContain("unplanned work first");
    expect(view.json.html).not.toContain("cycle time");
    expect((await api<unknown>("/revisions/nope")).status).toBe(404);

    // Restore: a new edit on top, synced to both editors, recorded as its own revision.
    const restored = await api<{ revision: Revision }>(`/revisions/${first.json.revision.id}/restore`, {
      author: "Alice",
    });
    expect(restored.status).toBe(200);
    expect(restored.json.revision).toMatchObject({
      kind: "restore",
      name: "Restored “Before Q&A”",
      authors: ["Test Editor"],
    });
    await waitFor(
      () => !xml(alice.client).includes("cycle time") && !xml(bob.client).includes("cycle time"),
      5000,
      "restore reached both",
    );
    expect(xml(alice.client)).toContain("unplanned work first");
    expect(xml(bob.client)).toBe(xml(alice.client));

    // Edits after the restore are attributed in the automatic revision taken when the server stores and unloads.
    firstNoteText(bob.client.doc).insert(firstNoteText(bob.client.doc).length, " Rolf agrees.");
    await waitFor(() => bob.tracker.pending === 0, 5000, "bob saved again");
    for (const p of [alice, bob]) {
      p.tracker.destroy();
      p.client.destroy();
    }
    await server.stop();
    server = await startServer({ databaseUrl: db.url, port: server.port });
    const after = await api<{ revisions: Revision[] }>("/revisions");
    expect(after.json.revisions[0]).toMatchObject({ kind: "auto", authors: ["Bob"] });
    const latest = await api<{ html: string }>(`/revisions/${after.json.revisions[0]!.id}`);
    expect(latest.json.html).toContain("Rolf agrees.");
    expect(latest.json.html).not.toContain("cycle time");
  });
});
