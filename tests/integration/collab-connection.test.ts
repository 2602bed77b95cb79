import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import {
  CollabConnection,
  type CollabConnectionOptions,
  type Network,
  type SyncState,
} from "../../app/collab/collab-connection";
import { CloseCode, describeCloseCode } from "../../lib/collab/close-codes";
import { getPrisma } from "../../server/db/prisma";
import { seedAccount } from "../support/auth-seed";
import { readStoredXml } from "../support/convergence";
import { memoryLocalCopy, type MemoryLocalCopy } from "../support/memory-local-copy";
import { type RunningServer, startServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { startSwitchableProxy } from "../support/switchable-proxy";
import { connectClient, synced, waitFor } from "../support/yclient";

/**
 * The editor's connection (app/collab/collab-connection.ts) against the real server, over real
 * sockets: what the note-taker is told, and what reaches SQLite, when the line drops, the server
 * goes away, the device goes offline, the local copy is stale, or the server refuses the edits.
 */
let db: SeededServer["db"];

let server: RunningServer;
let sessionId: string;
let conferenceId: string;
let token: string;
const opened: CollabConnection[] = [];

beforeAll(async () => {
  ({ server, db, sessionId, conferenceId, token } = await startSeededServer({
    prefix: "talknotes-collab-connection-",
  }));
  await seedAccount({ name: "Instance Admin" }); // the first account is the instance's admin, who may edit anything
});

afterEach(() => {
  for (const connection of opened.splice(0)) connection.destroy();
});

afterAll(async () => {
  await server?.stop();
});

/** A connection as the editor opens one, from Node: the account's token instead of a cookie. */
function open(options: Partial<CollabConnectionOptions> & { as?: string } = {}): CollabConnection {
  const credential = options.as ?? token;
  const connection = new CollabConnection({
    sessionId,
    collabUrl: server.wsUrl,
    apiBase: server.url,
    params: { token: credential },
    fetch: (url) => fetch(url, { headers: { authorization: `Bearer ${credential}` } }),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 300,
    disableBc: true,
    probeDelayMs: 20,
    ...options,
  });
  opened.push(connection);
  return connection;
}

/** Every state the status went through, in order (a listener sees each change). */
function statesOf(connection: CollabConnection): SyncState[] {
  const states: SyncState[] = [connection.getSnapshot().state];
  connection.subscribe(() => {
    const { state } = connection.getSnapshot();
    if (states.at(-1) !== state) states.push(state);
  });
  return states;
}

function docOf(connection: CollabConnection): Y.Doc {
  const document = connection.getDocument();
  if (!document) throw new Error("no document yet");
  return document.doc;
}

/** Appends to the first paragraph of the notes, one Yjs transaction: one edit. */
function type(doc: Y.Doc, words: string): void {
  const fragment = doc.getXmlFragment("notes");
  doc.transact(() => {
    if (fragment.length === 0) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText()]);
      fragment.insert(0, [p]);
    }
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, words);
  });
}

const saved = (connection: CollabConnection, what = "saved") =>
  waitFor(() => connection.getSnapshot().state === "saved" && connection.pending() === 0, 15_000, what);

describe("CollabConnection against the real server", () => {
  it("reconnects after its socket drops, counting what waits, and sends it when the line is back", async () => {
    const proxy = await startSwitchableProxy(server.port);
    try {
      const connection = open({ collabUrl: `ws://127.0.0.1:${proxy.port}/collab` });
      const states = statesOf(connection);
      await saved(connection, "first save");
      expect(states[0]).toBe("connecting");
      type(docOf(connection), "before the drop. ");
      await saved(connection, "saved before the drop");

      proxy.cut();
      await waitFor(() => connection.getSnapshot().state === "reconnecting", 10_000, "reconnecting");
      const doc = docOf(connection);
      type(doc, "typed ");
      type(doc, "while the line ");
      type(doc, "was down. ");
      expect(connection.pending()).toBe(3);
      // The snapshot changes only when the words shown do ("unsaved changes"), not per edit.
      expect(connection.getSnapshot()).toMatchObject({ state: "reconnecting", pending: 1 });
      // A co-editor writes meanwhile, straight to the server.
      const coEditor = connectClient(server.wsUrl, sessionId, { token });
      await synced(coEditor);
      coEditor.text.insert(0, "From a co-editor. ");
      await waitFor(() => readStoredXml(db.url, sessionId).includes("From a co-editor."), 10_000, "co-editor stored");

      await proxy.restore();
      await saved(connection, "saved after the line came back");
      expect(readStoredXml(db.url, sessionId)).toContain("typed while the line was down.");
      await waitFor(
        () => doc.getXmlFragment("notes").toString().includes("From a co-editor."),
        10_000,
        "co-editor's words",
      );
      expect(states).toEqual(expect.arrayContaining(["connecting", "saved", "reconnecting"]));
      expect(states.at(-1)).toBe("saved");
      coEditor.destroy();
    } finally {
      await proxy.close();
    }
  });

  it("while the server is down, counts this device's edits; they drain once it is back", async () => {
    const connection = open();
    await saved(connection, "first save");
    const doc = docOf(connection);

    await server.kill();
    await waitFor(() => connection.getSnapshot().state === "reconnecting", 10_000, "reconnecting");
    for (let i = 1; i <= 5; i++) type(doc, `offline ${i}. `);
    expect(connection.pending()).toBe(5);
    expect(connection.getSnapshot().state).toBe("reconnecting");
    expect(connection.getSnapshot().pending).toBeGreaterThan(0);

    server = await startServer({ databaseUrl: db.url, port: server.port });
    await saved(connection, "drained after the restart");
    expect(readStoredXml(db.url, sessionId)).toContain("offline 1. offline 2. offline 3. offline 4. offline 5.");
  });

  it("does not try while the device has no network, and connects at once when it returns", async () => {
    let online = false;
    const listeners = new Set<() => void>();
    const network: Network = {
      online: () => online,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const connection = open({ network });
    await waitFor(() => connection.getDocument() !== null, 10_000, "document");
    expect(connection.getSnapshot().state).toBe("offline");
    const { doc, provider } = connection.getDocument()!;
    type(doc, "Written on the plane. ");
    expect(connection.pending()).toBe(1);
    expect(provider.ws).toBeNull();

    online = true;
    for (const listener of listeners) listener();
    await saved(connection, "saved once online");
    expect(readStoredXml(db.url, sessionId)).toContain("Written on the plane.");

    online = false;
    for (const listener of listeners) listener();
    expect(connection.getSnapshot().state).toBe("offline");
    expect(provider.wsconnected).toBe(false);
  });

  it("learns the generation, and a copy of an older one is discarded and replaced by the server's document", async () => {
    // A first page learns the notes' generation and keeps it in its copy.
    const copies: MemoryLocalCopy[] = [];
    const first = open({ openLocalCopy: (doc) => copies[copies.push(memoryLocalCopy(doc)) - 1]! });
    await saved(first, "first page saved");
    type(docOf(first), "The current incarnation. ");
    await saved(first, "first page's words saved");
    await waitFor(() => typeof copies[0]!.values.get("generation") === "string", 10_000, "generation kept");
    first.destroy();
    expect(copies[0]!.closed).toBe(true);

    // A copy of an earlier incarnation of the notes, with words the server never had.
    const old = new Y.Doc();
    type(old, "Words of a deleted incarnation. ");
    const stale: MemoryLocalCopy[] = [];
    const docs: Y.Doc[] = [];
    const connection = open({
      openLocalCopy: (doc) => {
        docs.push(doc);
        const earlier = {
          update: Y.encodeStateAsUpdate(old),
          values: { generation: "an-older-generation", pending: 1 },
        };
        stale.push(memoryLocalCopy(doc, stale.length === 0 ? earlier : {}));
        return stale.at(-1)!;
      },
    });
    // The reason shows until the fresh copy connects, which may be before the check below: note every one shown.
    const problemsShown: Array<string | null> = [];
    connection.subscribe(() => problemsShown.push(connection.getSnapshot().problem));

    await waitFor(() => docs.length === 2 && connection.getDocument()?.doc === docs[1], 10_000, "a fresh document");
    expect(stale[0]!.discarded).toBe(true);
    expect(problemsShown).toContain(describeCloseCode(CloseCode.StaleGeneration));
    await saved(connection, "fresh copy saved");
    const fresh = docs[1]!.getXmlFragment("notes").toString();
    expect(fresh).toContain("The current incarnation.");
    expect(fresh).not.toContain("deleted incarnation");
    await waitFor(
      () => stale[1]!.values.get("generation") === copies[0]!.values.get("generation"),
      10_000,
      "the current generation kept",
    );
    expect(readStoredXml(db.url, sessionId)).not.toContain("deleted incarnation");
  });

  it("a read-only account's edits are refused: it stops for good and says why", async () => {
    const viewer = await seedAccount({ name: "Vera Viewer", conferenceId, role: "viewer" });
    const connection = open({ as: viewer.token });
    await saved(connection, "viewer connected");
    const { doc, provider } = connection.getDocument()!;
    // The server drops a few (a stray edit of a tab just demoted), then closes the connection.
    for (let i = 0; i < 6 && provider.wsconnected; i++) {
      type(doc, `viewer edit ${i}. `);
      await waitFor(
        () => connection.pending() === 0 || !provider.wsconnected,
        10_000,
        "edit answered or connection closed",
      );
    }
    await waitFor(() => connection.getSnapshot().state === "local-only", 10_000, "local-only");
    expect(connection.getSnapshot().problem).toBe(describeCloseCode(CloseCode.ReadOnly));
    expect(provider.shouldConnect).toBe(false);
    expect(connection.pending()).toBeGreaterThan(0);
    expect(readStoredXml(db.url, sessionId)).not.toContain("viewer edit");
  });

  it("when its access changes it comes back as what the account now is, and stops when none is left", async () => {
    const owner = await seedAccount({ name: "Olga Owner", conferenceId, role: "owner" });
    const member = await seedAccount({ name: "Dana Demoted", conferenceId, role: "editor" });
    const { slug } = await getPrisma().conference.findUniqueOrThrow({
      where: { id: conferenceId },
      select: { slug: true },
    });
    const members = (method: string, body?: unknown) =>
      fetch(`${server.url}/api/v1/conferences/${slug}/members/${member.id}`, {
        method,
        headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const connection = open({ as: member.token });
    await saved(connection, "member connected");
    const { provider } = connection.getDocument()!;
    const first = provider.ws;

    expect((await members("PATCH", { role: "viewer" })).status).toBeLessThan(300);
    await waitFor(() => provider.ws !== first && connection.getSnapshot().state === "saved", 15_000, "back, read-only");
    expect(connection.getSnapshot().problem).toBeNull();

    expect((await members("DELETE")).status).toBeLessThan(300);
    await waitFor(() => connection.getSnapshot().state === "local-only", 15_000, "stopped");
    expect(connection.getSnapshot().problem).toBe(describeCloseCode(CloseCode.NotFound));
    expect(provider.shouldConnect).toBe(false);
  });
});
