import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCode } from "../../lib/collab/close-codes";
import { MESSAGE_SYNC } from "../../lib/collab/message-types";
import type { SeededAccount } from "../support/auth-seed";
import { callServerAction } from "../support/call-server-action";
import { openRawCollabSocket, type RawCollabSocket } from "../support/raw-collab-socket";
import { ROOT, type RunningServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { connectClient, synced } from "../support/yclient";

/**
 * docs/SECURITY.md, "Collaboration": when access changes, open connections follow at once.
 * Each connection records why it was admitted (role, account, cookie session
 * or token), and every change that withdraws or alters access closes exactly
 * the affected ones: a session back to draft (public sockets and SSE
 * streams), a member demoted or removed, a token revoked or expired, a
 * sign-out. All changes go through the real server (JSON API, server actions).
 */

let server: RunningServer;
let conf: { id: string; slug: string };
let session: { id: string; slug: string };
let owner: SeededAccount;
const open: RawCollabSocket[] = [];

beforeAll(async () => {
  let seeded: SeededServer["seeded"];
  ({ server, seeded } = await startSeededServer({ prefix: "talknotes-access-changes-" }));
  const { seedAccount } = await import("../support/auth-seed");
  await seedAccount({ name: "Admin" }); // the first account is the instance admin
  conf = seeded.conference;
  session = seeded.session;
  owner = await seedAccount({ name: "Olga Owner", conferenceId: conf.id, role: "owner" });
});

afterAll(async () => {
  for (const s of open) s.close();
  await server?.stop();
});

async function member(name: string, role: "editor" | "viewer"): Promise<SeededAccount & { cookie: string }> {
  const { seedAccount, sessionCookie } = await import("../support/auth-seed");
  const account = await seedAccount({ name, conferenceId: conf.id, role });
  return { ...account, cookie: await sessionCookie(account.email) };
}

async function connect(auth: { token?: string; cookie?: string } = {}): Promise<RawCollabSocket> {
  const socket = await openRawCollabSocket(server.wsUrl, session.id, {
    query: auth.token ? `?token=${auth.token}` : "",
    headers: auth.cookie ? { cookie: auth.cookie } : {},
  });
  open.push(socket);
  return socket;
}

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res;
}

const setStatus = (status: string) => api("PATCH", `/conferences/${conf.slug}/sessions/${session.slug}`, { status });

/** Resolves with the close code, or "open" when the socket is still open after a round trip. */
async function outcome(socket: RawCollabSocket): Promise<number | "open"> {
  return Promise.race([
    socket.closed,
    socket.roundTrip().then(
      () => "open" as const,
      () => socket.closed,
    ),
  ]);
}

function updateFrame(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("probe").insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

describe("open connections follow access changes", () => {
  it("a session moved from live back to draft closes its public sockets and live streams, not its editors", async () => {
    const editor = await member("Eddie Editor", "editor");
    await setStatus("live");
    const reader = await connect();
    const writer = connectClient(server.wsUrl, session.id, { token: editor.token });
    await synced(writer);
    const stream = await fetch(`${server.url}/c/${conf.slug}/${session.slug}/live`);
    expect(stream.status).toBe(200);
    const events = stream.body!.getReader();
    await events.read(); // the retry line / first frame: the stream is open

    await setStatus("draft");
    expect(await reader.closed).toBe(CloseCode.AccessChanged);
    // The stream ends rather than going quiet (whatever frames were already in flight come first).
    while (!(await events.read()).done);
    // Editors keep writing the draft.
    expect(writer.provider.wsconnected).toBe(true);
    // A new public socket is refused like any draft.
    await expect(connect()).rejects.toThrow(/404/);
    writer.destroy();
  });

  it("an editor demoted to viewer is closed and comes back read-only; a removed member is closed and refused", async () => {
    const demoted = await member("Dana Demoted", "editor");
    const other = await member("Otto Other", "editor");
    const removed = await member("Rita Removed", "viewer");
    const [d, o, r] = [
      await connect({ token: demoted.token }),
      await connect({ token: other.token }),
      await connect({ cookie: removed.cookie }),
    ];

    await api("PATCH", `/conferences/${conf.slug}/members/${demoted.id}`, { role: "viewer" });
    expect(await d.closed).toBe(CloseCode.AccessChanged);
    expect(await outcome(o)).toBe("open");
    const again = await connect({ token: demoted.token });
    for (let i = 0; i < 4; i++) again.send(updateFrame(`edit ${i}`));
    expect(await again.closed).toBe(CloseCode.ReadOnly);

    await api("DELETE", `/conferences/${conf.slug}/members/${removed.id}`);
    expect(await r.closed).toBe(CloseCode.AccessChanged);
    expect(await outcome(o)).toBe("open");
    await expect(connect({ cookie: removed.cookie })).rejects.toThrow(/404/);
  });

  it("revoking a token closes the connections it opened; signing out closes the cookie's, not the token's", async () => {
    const person = await member("Tess Tokens", "editor");
    const { createAccessToken } = await import("../../server/auth/access-tokens");
    const spare = await createAccessToken(person.id, { name: "spare" });
    const [byToken, bySpare, byCookie] = [
      await connect({ token: person.token }),
      await connect({ token: spare.token }),
      await connect({ cookie: person.cookie }),
    ];

    const { getPrisma } = await import("../../server/db/prisma");
    const tokenId = (await getPrisma().accessToken.findFirstOrThrow({ where: { userId: person.id, name: "tests" } }))
      .id;
    const revoked = await callServerAction(
      server.url,
      "revokeTokenAction",
      [tokenId, { error: null, fields: {} }, null],
      { page: "/account", cookie: person.cookie },
    );
    expect(revoked.status).toBeLessThan(400);
    expect(await byToken.closed).toBe(CloseCode.AccessChanged);
    expect(await outcome(bySpare)).toBe("open");
    expect(await outcome(byCookie)).toBe("open");

    await callServerAction(server.url, "signOutAction", [], { page: "/account", cookie: person.cookie });
    expect(await byCookie.closed).toBe(CloseCode.AccessChanged);
    expect(await outcome(bySpare)).toBe("open");
    await expect(connect({ token: person.token })).rejects.toThrow(/404/);
  });

  it("a connection is closed when its token expires", async () => {
    const person = await member("Eve Expiring", "editor");
    const { getPrisma } = await import("../../server/db/prisma");
    await getPrisma().accessToken.updateMany({
      where: { userId: person.id },
      data: { expiresAt: new Date(Date.now() + 1500) },
    });
    const socket = await connect({ token: person.token });
    const started = Date.now();
    expect(await socket.closed).toBe(CloseCode.AccessChanged);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a status change made by the CLI, in another process, reaches open connections within seconds", async () => {
    const editor = await member("Carl CLI", "editor");
    await setStatus("live");
    const writer = await connect({ token: editor.token });
    const reader = await connect();
    await promisify(execFile)(
      process.execPath,
      // Async, not runTalknotes(): the connected clients must keep reading while it runs.
      [path.join(ROOT, "bin/talknotes.mjs"), "archive", "--conference", conf.slug, "--session", session.slug],
    );
    // Archived: writers are closed to come back read-only; readers of a public session stay.
    const started = Date.now();
    expect(await writer.closed).toBe(CloseCode.ReadOnly);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await outcome(reader)).toBe("open");
  });
});
