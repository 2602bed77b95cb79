import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLAB_LIMITS } from "../../lib/collab/limits";
import { awarenessFrame } from "../support/awareness-frame";
import { openRawCollabSocket, type RawCollabSocket } from "../support/raw-collab-socket";
import type { RunningServer } from "../support/server-process";
import { startSeededServer } from "../support/seeded-server";
import { waitFor } from "../support/yclient";

/**
 * docs/SECURITY.md, "Collaboration": presence (awareness) from read-only and public
 * connections, through the real server. The public sends none; a member's
 * connection may only set the one client id it announced first, with a clock
 * that moves forward in small steps, a safe name and a #rgb/#rrggbb colour;
 * a room relays a bounded number of states; a connection's presence is
 * removed, and forgotten, when it closes.
 */

let server: RunningServer;
let sessionId: string;
let editorToken: string;
let viewerToken: string;
const open: RawCollabSocket[] = [];

beforeAll(async () => {
  const seeded = await startSeededServer({ prefix: "talknotes-presence-" });
  ({ server, sessionId } = seeded);
  editorToken = seeded.token;
  const { getPrisma } = await import("../../server/db/prisma");
  const { seedAccount } = await import("../support/auth-seed");
  await getPrisma().session.update({ where: { id: sessionId }, data: { status: "live" } });
  await seedAccount({ name: "Admin" }); // the first account is the instance admin (an owner everywhere)
  viewerToken = (await seedAccount({ name: "Vic Viewer", conferenceId: seeded.conferenceId, role: "viewer" })).token;
});

afterAll(async () => {
  for (const s of open) s.close();
  await server?.stop();
});

async function connect(token?: string, localAddress?: string): Promise<RawCollabSocket> {
  const socket = await openRawCollabSocket(server.wsUrl, sessionId, {
    query: token ? `?token=${token}` : "",
    localAddress,
  });
  open.push(socket);
  return socket;
}

function rssMiB(): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

const names = (s: RawCollabSocket) =>
  [...s.awareness.getStates().entries()].map(
    ([id, st]) => [id, (st as { user?: { name?: string } }).user?.name ?? null] as const,
  );

describe("presence from public and read-only connections", () => {
  it("a public reader can neither add, overwrite nor remove anyone's presence", async () => {
    const editor = await connect(editorToken);
    const observer = await connect(editorToken);
    editor.send(awarenessFrame([{ id: 1001, clock: 1, state: { user: { name: "Erin Editor", color: "#1971c2" } } }]));
    await editor.roundTrip();
    await observer.roundTrip();
    expect(names(observer)).toEqual([[1001, "Erin Editor"]]);

    const reader = await connect();
    reader.send(awarenessFrame([{ id: 666, clock: 1, state: { user: { name: "Instance Admin", color: "#e03131" } } }]));
    reader.send(
      awarenessFrame([
        { id: 1001, clock: 50, state: { user: { name: "Erin is a bot", color: "url(https://evil.test/x)" } } },
      ]),
    );
    reader.send(awarenessFrame([{ id: 1001, clock: 99, state: null }]));
    await reader.roundTrip();
    await observer.roundTrip();
    expect(names(observer)).toEqual([[1001, "Erin Editor"]]);
    editor.close();
    await editor.closed;
  });

  it("floods of removals for unknown client ids hold no memory (they grew RSS by GBs)", async () => {
    const before = rssMiB();
    // ~95,000 entries a frame, each a "removed" state for an id the room never saw.
    const entries = Array.from({ length: 95_000 }, (_, i) => ({ id: 100_000 + i, clock: 1, state: null }));
    // 20 rounds x 2 sockets x 95,000 = 3.8 million ids (old code kept every one in the room's awareness meta).
    const attackers = [await connect(), await connect(viewerToken)];
    for (let round = 0; round < 20; round++) {
      for (const [i, a] of attackers.entries())
        a.send(awarenessFrame(entries.map((e) => ({ ...e, id: e.id + (round * 2 + i) * 100_000 }))));
    }
    for (const a of attackers) await a.roundTrip(60_000);
    const grown = rssMiB() - before;
    console.info(
      "[measure] presence flood",
      JSON.stringify({ rssBeforeMiB: Math.round(before), rssAfterMiB: Math.round(rssMiB()) }),
    );
    expect(grown, `RSS ${before.toFixed(0)} -> ${rssMiB().toFixed(0)} MiB`).toBeLessThan(100);
    const observer = await connect(editorToken);
    await observer.roundTrip();
    expect(names(observer)).toEqual([]);
    for (const a of attackers) a.close();
  });

  it("a member's connection sets only the one client id it announced first, clock in small steps, safe name and colour", async () => {
    const observer = await connect(editorToken);
    const editor = await connect(editorToken);
    editor.send(awarenessFrame([{ id: 2001, clock: 3, state: { user: { name: "Erin", color: "#2f9e44" } } }]));
    await editor.roundTrip();
    const viewer = await connect(viewerToken);
    viewer.send(
      awarenessFrame([{ id: 3001, clock: 7, state: { user: { name: "Vic", color: "#abc" }, cursor: null } }]),
    );
    // A second id, someone else's id (overwrite, then removal), and a clock jump are all ignored.
    viewer.send(awarenessFrame([{ id: 3002, clock: 1, state: { user: { name: "Instance Admin" } } }]));
    viewer.send(awarenessFrame([{ id: 2001, clock: 4, state: { user: { name: "Erin (fake)" } } }]));
    viewer.send(awarenessFrame([{ id: 2001, clock: 5, state: null }]));
    viewer.send(
      awarenessFrame([
        { id: 3001, clock: 7 + COLLAB_LIMITS.maxPresenceClockStep + 1, state: { user: { name: "Jumped" } } },
      ]),
    );
    await viewer.roundTrip();
    await observer.roundTrip();
    expect(names(observer).sort()).toEqual([
      [2001, "Erin"],
      [3001, "Vic"],
    ]);
    expect(observer.awareness.getStates().get(3001)).toEqual({ user: { name: "Vic", color: "#abc" }, cursor: null });

    // Its own id, a step further: the name is cleaned and a colour CSS would act on never passes.
    viewer.send(
      awarenessFrame([
        {
          id: 3001,
          clock: 8,
          state: { user: { name: "Vic\u202e  V.\u0000", color: "url(https://evil.test/track.png)" }, cursor: null },
        },
      ]),
    );
    await viewer.roundTrip();
    await observer.roundTrip();
    expect(observer.awareness.getStates().get(3001)).toEqual({ user: { name: "Vic V." }, cursor: null });

    // Closing removes it for everyone, and the room forgets it: the id may start again at a low clock.
    viewer.close();
    await waitFor(() => !observer.awareness.getStates().has(3001), 5000, "the viewer's presence removed");
    expect(names(observer)).toEqual([[2001, "Erin"]]);
    const again = await connect(viewerToken);
    again.send(awarenessFrame([{ id: 3001, clock: 1, state: { user: { name: "Vic again" } } }]));
    await again.roundTrip();
    // (The observer itself still remembers the old clock, as every y-protocols client does: ask a newcomer.)
    const newcomer = await connect(editorToken);
    await newcomer.roundTrip();
    expect(names(newcomer).sort()).toEqual([
      [2001, "Erin"],
      [3001, "Vic again"],
    ]);
    for (const s of [observer, editor, again, newcomer]) s.close();
    await Promise.all([observer.closed, editor.closed, again.closed, newcomer.closed]);
  });

  it("a tab of the same account that reconnects before its old connection is gone takes its id back; others may not", async () => {
    const observer = await connect(editorToken);
    const stale = await connect(viewerToken);
    stale.send(awarenessFrame([{ id: 7001, clock: 10, state: { user: { name: "Vic" } } }]));
    await stale.roundTrip();
    const otherAccount = await connect(editorToken);
    otherAccount.send(awarenessFrame([{ id: 7001, clock: 11, state: { user: { name: "Not Vic" } } }]));
    await otherAccount.roundTrip();
    const back = await connect(viewerToken);
    back.send(awarenessFrame([{ id: 7001, clock: 12, state: { user: { name: "Vic, back" } } }]));
    await back.roundTrip();
    await observer.roundTrip();
    expect(observer.awareness.getStates().get(7001)).toEqual({ user: { name: "Vic, back" } });
    let removed = false;
    observer.awareness.on("change", ({ removed: ids }: { removed: number[] }) => (removed ||= ids.includes(7001)));
    stale.close();
    await stale.closed;
    back.send(awarenessFrame([{ id: 7001, clock: 13, state: { user: { name: "Vic, still" } } }]));
    await back.roundTrip();
    await waitFor(
      () =>
        (observer.awareness.getStates().get(7001) as { user?: { name?: string } } | undefined)?.user?.name ===
        "Vic, still",
      5000,
      "the new tab's update",
    );
    expect(removed).toBe(false); // the stale connection's close did not take the new tab's presence with it
    for (const s of [observer, otherAccount, back]) s.close();
  });

  it(`a room relays at most ${COLLAB_LIMITS.maxPresencePerRoom} presence states`, async () => {
    const cap = COLLAB_LIMITS.maxPresencePerRoom;
    const viewers: RawCollabSocket[] = [];
    // Spread over loopback addresses: the per-address upgrade rate is not what this test is about.
    for (let i = 0; i < cap + 4; i++)
      viewers.push(await connect(viewerToken, `127.0.${10 + (i % 8)}.${1 + Math.floor(i / 8)}`));
    viewers.forEach((v, i) =>
      v.send(awarenessFrame([{ id: 50_000 + i, clock: 1, state: { user: { name: `Viewer ${i}` } } }])),
    );
    for (const v of viewers) await v.roundTrip();
    const observer = await connect(editorToken);
    await observer.roundTrip();
    expect(observer.awareness.getStates().size).toBe(cap);
    // One that holds a place leaves: a place is free again for one that was turned away.
    const holder = viewers.findIndex((_, i) => observer.awareness.getStates().has(50_000 + i));
    const late = viewers.findIndex((_, i) => !observer.awareness.getStates().has(50_000 + i));
    viewers[holder]!.close();
    await waitFor(() => observer.awareness.getStates().size === cap - 1, 5000, "a place freed");
    viewers[late]!.send(awarenessFrame([{ id: 50_000 + late, clock: 1, state: { user: { name: "Late viewer" } } }]));
    await viewers[late]!.roundTrip();
    await observer.roundTrip();
    expect(observer.awareness.getStates().get(50_000 + late)).toEqual({ user: { name: "Late viewer" } });
  }, 120_000);
});
