import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { type LiveReader, followLive } from "../support/live-reader";
import { type ScaledDeployment, startScaledDeployment } from "../support/scaled-deployment";
import type { RunningServer } from "../support/server-process";
import { startRedis } from "../support/start-redis";
import { testServices } from "../support/test-services";
import { connectClient, synced, waitFor } from "../support/yclient";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`scaleout: skipped, ${missing}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A writer: one Y.Doc that outlives its connections (as a browser tab with its IndexedDB copy does). */
interface Writer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  tracker: SaveTracker;
}

function connectWriter(doc: Y.Doc, wsUrl: string, sessionId: string, token: string): Writer {
  const provider = new WebsocketProvider(wsUrl, sessionId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: false,
    maxBackoffTime: 300,
    disableBc: true,
    params: { token },
  });
  const tracker = trackSaves(provider, { probeDelayMs: 30 });
  provider.connect();
  return { doc, provider, tracker };
}

/** The text of every paragraph of the notes. */
const paragraphs = (doc: Y.Doc) =>
  [
    ...doc
      .getXmlFragment("notes")
      .toString()
      .matchAll(/<paragraph>(.*?)<\/paragraph>/g),
  ].map((m) => m[1]!);

describe.skipIf(!postgresUrl)("three instances on PostgreSQL and Redis", () => {
  let deployment: ScaledDeployment;

  beforeAll(async () => {
    deployment = await startScaledDeployment(postgresUrl!, 3);
    const { getPrisma } = await import("../../server/db/prisma");
    await getPrisma().session.update({ where: { id: deployment.sessionId }, data: { status: "live" } });
  });
  afterAll(async () => {
    await deployment?.stop();
  });

  it(
    "loses no acknowledged character when an instance and then Redis are SIGKILLed; replicas, PostgreSQL and the live reader agree",
    { timeout: 120_000 },
    async () => {
      const { sessionId, token, databaseUrl } = deployment;
      const [one, two, three] = deployment.servers as [RunningServer, RunningServer, RunningServer];
      const reader: LiveReader = await followLive(
        `${three.url}/c/${deployment.conferenceSlug}/${deployment.sessionSlug}/live`,
      );
      const docA = new Y.Doc();
      const docB = new Y.Doc();
      let a = connectWriter(docA, one.wsUrl, sessionId, token);
      const b = connectWriter(docB, two.wsUrl, sessionId, token);
      try {
        await waitFor(() => a.provider.synced && b.provider.synced, 15_000, "writers synced");
        // One note per writer (a note block is a paragraph plus nested blocks), so each types in their own line.
        const fragment = docA.getXmlFragment("notes");
        fragment.insert(
          0,
          [0, 1].map(() => {
            const note = new Y.XmlElement("note");
            const p = new Y.XmlElement("paragraph");
            p.insert(0, [new Y.XmlText()]);
            note.insert(0, [p]);
            return note;
          }),
        );
        await waitFor(
          () => docB.getXmlFragment("notes").length === 2,
          10_000,
          "paragraphs reach instance 2 through Redis",
        );
        const lineOf = (doc: Y.Doc, i: number) =>
          ((doc.getXmlFragment("notes").get(i) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
        const typeInto = async (w: () => Writer, i: number, text: string) => {
          for (const ch of text) {
            const line = lineOf(w().doc, i);
            line.insert(line.length, ch);
            await sleep(10);
          }
        };
        const textA = "A types on instance one, then on two after one dies. ";
        const textB = "B types on instance two throughout. ";
        const textA2 = "A while Redis is down. ";
        const textB2 = "B while Redis is down. ";

        // Instance 1 dies while A types; A reconnects to instance 2 with its unconfirmed edits.
        const typingA = typeInto(() => a, 0, textA);
        const typingB = typeInto(() => b, 1, textB);
        await waitFor(() => lineOf(docA, 0).length >= 20, 10_000, "A half-way");
        await one.kill();
        a.tracker.destroy();
        a.provider.destroy();
        a = connectWriter(docA, two.wsUrl, sessionId, token);
        await Promise.all([typingA, typingB]);
        await waitFor(
          () => a.tracker.pending === 0 && b.tracker.pending === 0,
          15_000,
          "all confirmed after the instance died",
        );

        // Redis dies and comes back empty; A is on instance 2 with B, the reader on instance 3.
        await deployment.redis.kill();
        await Promise.all([typeInto(() => a, 0, textA2), typeInto(() => b, 1, textB2)]);
        await waitFor(
          () => a.tracker.pending === 0 && b.tracker.pending === 0,
          15_000,
          "confirmed while Redis is down",
        );
        deployment.redis = await startRedis({ port: deployment.redis.port });

        const expected = [textA + textA2, textB + textB2];
        await waitFor(
          () =>
            JSON.stringify(paragraphs(docA)) === JSON.stringify(expected) &&
            JSON.stringify(paragraphs(docB)) === JSON.stringify(expected),
          20_000,
          "writers converged",
        );

        // The reader on instance 3, which has no room loaded (renders happen on instance 2), gets the final render.
        await waitFor(
          () => {
            const last = reader.frames.at(-1)?.notes ?? "";
            return last.includes(textA2.trim()) && last.includes(textB2.trim()) && last.includes(textA.trim());
          },
          20_000,
          "the live reader's last render has everything",
        );
        // Public pages and search read PostgreSQL on any instance: the session page and a search hit.
        const page = await (
          await fetch(`${three.url}/c/${deployment.conferenceSlug}/${deployment.sessionSlug}`)
        ).text();
        expect(page).toContain(textB2.trim());
        const search = await (await fetch(`${two.url}/c/${deployment.conferenceSlug}/search?q=throughout`)).text();
        expect(search).toContain("<mark>throughout</mark>");

        // The editor's generation and the history work on any instance: a named revision taken through
        // instance 2 (where the room is) is listed and shown by instance 3.
        const api = async (server: RunningServer, path: string, body?: unknown) => {
          const res = await fetch(`${server.url}/api/sessions/${sessionId}${path}`, {
            method: body === undefined ? "GET" : "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: res.status, json: (await res.json()) as Record<string, unknown> };
        };
        const generations = await Promise.all([two, three].map((s) => api(s, "/generation")));
        expect(generations.map((g) => g.status)).toEqual([200, 200]);
        expect(generations[0]!.json).toEqual(generations[1]!.json);
        const named = await api(two, "/revisions", { name: "After the outage" });
        expect(named.status).toBe(201);
        const revisionId = (named.json.revision as { id: string }).id;
        const listed = await api(three, "/revisions");
        expect((listed.json.revisions as { id: string; name: string }[]).find((r) => r.id === revisionId)?.name).toBe(
          "After the outage",
        );
        const shown = await api(three, `/revisions/${revisionId}`);
        expect(shown.json.html).toContain(textB2.trim());

        // A fresh replica from each live instance, and PostgreSQL itself, hold exactly that.
        for (const server of [two, three]) {
          const fresh = connectClient(server.wsUrl, sessionId, { token });
          await synced(fresh, 15_000);
          await waitFor(
            () => JSON.stringify(paragraphs(fresh.doc)) === JSON.stringify(expected),
            20_000,
            `replica on ${server.url}`,
          );
          fresh.destroy();
        }
        const { PostgresNotesStore } = await import("../../server/collab/postgres-notes-store");
        const pg = (await import("pg")).default;
        const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
        const stored = new Y.Doc();
        Y.applyUpdate(stored, (await new PostgresNotesStore(pool).load(sessionId)).state!);
        await pool.end();
        expect(paragraphs(stored)).toEqual(expected);
      } finally {
        reader.close();
        for (const w of [a, b]) {
          w.tracker.destroy();
          w.provider.destroy();
        }
      }
    },
  );
});
