import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import type { SeededAccount } from "../support/auth-seed";
import type { RunningServer } from "../support/server-process";
import { startTestServer } from "../support/test-server";
import { connectClient, synced, waitFor } from "../support/yclient";

/**
 * docs/SECURITY.md, "Authorisation": every route, API call and the websocket tried without a session,
 * with the wrong role and with an expired invite, against the real server.
 * Drafts and unknown slugs answer alike; viewers' and the public's updates
 * are refused and the document stays unchanged; CSRF and path traversal fail.
 */

let server: RunningServer;
let conf: { id: string; slug: string };
let draft: { id: string; slug: string };
let published: { id: string; slug: string };
let admin: SeededAccount;
let owner: SeededAccount;
let editor: SeededAccount;
let viewer: SeededAccount;
let outsider: SeededAccount;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  // Its own seed, not startSeededServer(): "Admin" must be the first account (the instance admin).
  ({ server } = await startTestServer({ prefix: "talknotes-security-" }));
  const { seedAccount, sessionCookie } = await import("../support/auth-seed");
  const { seedDevopsDay } = await import("../support/seed");
  const { createSession } = await import("../../server/data/sessions");
  const { getPrisma } = await import("../../server/db/prisma");
  admin = await seedAccount({ name: "Admin", email: "admin@security.test" }); // the first account: instance admin
  const seeded = await seedDevopsDay("Secret Draft Panel");
  conf = seeded.conference;
  draft = seeded.session;
  const pub = await createSession(conf.slug, { title: "Published Keynote", kind: "keynote" });
  await getPrisma().session.update({ where: { id: pub.id }, data: { status: "published" } });
  published = pub;
  owner = await seedAccount({ name: "Owner", conferenceId: conf.id, role: "owner" });
  editor = await seedAccount({ name: "Editor", conferenceId: conf.id, role: "editor" });
  viewer = await seedAccount({ name: "Viewer", conferenceId: conf.id, role: "viewer" });
  outsider = await seedAccount({ name: "Outsider" });
  for (const [name, account] of Object.entries({ owner, editor, viewer, outsider }))
    cookies[name] = await sessionCookie(account.email);
});

afterAll(async () => {
  await server?.stop();
});

interface Auth {
  cookie?: string;
  token?: string;
  origin?: string;
}

function request(path: string, auth: Auth = {}, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (auth.cookie) headers.set("cookie", auth.cookie);
  if (auth.token) headers.set("authorization", `Bearer ${auth.token}`);
  if (auth.origin) headers.set("origin", auth.origin);
  return fetch(`${server.url}${path}`, { redirect: "manual", ...init, headers });
}

function api(method: string, path: string, auth: Auth, body?: unknown): Promise<Response> {
  return request(`/api/v1${path}`, auth, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The HTTP status of a websocket upgrade (101 when it opened), closing it at once. */
function upgradeStatus(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", () => undefined);
  });
}

function notesText(doc: Y.Doc): string {
  return doc.getXmlFragment("notes").toString();
}

describe("without a session", () => {
  it("workspace pages send to sign-in, for real and unknown slugs alike", async () => {
    for (const path of [
      "/",
      `/conferences/${conf.slug}`,
      `/conferences/${conf.slug}/sessions/${draft.slug}`,
      `/conferences/${conf.slug}/members`,
      `/conferences/${conf.slug}/schedule`,
      `/conferences/${conf.slug}/import`,
      "/conferences/no-such-conference",
      "/schedule/import",
      "/account",
    ]) {
      const res = await request(path);
      expect(res.status, path).toBe(307);
      expect(res.headers.get("location"), path).toMatch(/\/login/);
      const body = await res.text();
      expect(body, path).not.toContain("Secret Draft Panel");
    }
  });

  it("route handlers answer 404 for drafts, exactly like unknown ids", async () => {
    for (const path of [
      `/conferences/${conf.slug}/sessions/${draft.slug}/export/json`,
      `/conferences/${conf.slug}/sessions/${draft.slug}/export/md`,
      `/api/conferences/${conf.slug}/people`,
      `/api/sessions/${draft.id}/revisions`,
      `/api/sessions/${draft.id}/generation`,
      `/api/sessions/no-such-session/generation`,
      `/conferences/no-such/sessions/none/export/json`,
    ]) {
      const res = await request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain("Secret Draft");
    }
    const revision = await request(`/api/sessions/${draft.id}/revisions`, {}, { method: "POST", body: "{}" });
    expect(revision.status).toBe(404);
  });

  it("a published session exports to anyone; its public page shows, the draft's does not", async () => {
    expect((await request(`/conferences/${conf.slug}/sessions/${published.slug}/export/md`)).status).toBe(200);
    expect((await request(`/c/${conf.slug}/${published.slug}`)).status).toBe(200);
    expect((await request(`/c/${conf.slug}/${draft.slug}`)).status).toBe(404);
  });

  it("every JSON API call answers 401 without a token, with a bad token, and with only the session cookie", async () => {
    const calls: Array<[string, string, unknown?]> = [
      ["GET", "/me"],
      ["GET", "/conferences"],
      ["POST", "/conferences", { name: "Sneaky" }],
      ["GET", `/conferences/${conf.slug}`],
      ["GET", `/conferences/${conf.slug}/sessions`],
      ["POST", `/conferences/${conf.slug}/sessions`, { title: "Sneaky" }],
      ["GET", `/conferences/${conf.slug}/sessions/${draft.slug}`],
      ["PATCH", `/conferences/${conf.slug}/sessions/${draft.slug}`, { status: "published" }],
      ["GET", `/conferences/${conf.slug}/sessions/${draft.slug}/export/json`],
      ["GET", `/conferences/${conf.slug}/people`],
      ["POST", `/conferences/${conf.slug}/import-notes`, "notes"],
      ["GET", `/conferences/${conf.slug}/members`],
      ["PATCH", `/conferences/${conf.slug}/members/${viewer.id}`, { role: "owner" }],
      ["DELETE", `/conferences/${conf.slug}/members/${viewer.id}`],
      ["POST", `/conferences/${conf.slug}/invites`, { role: "owner" }],
    ];
    for (const auth of [
      {},
      { token: "tn_pat_" + "A".repeat(43) },
      { token: "not-a-token" },
      { cookie: cookies.owner },
    ] as Auth[]) {
      for (const [method, path, body] of calls) {
        const res = await api(method, path, auth, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(auth).slice(0, 30)}`).toBe(401);
        expect(((await res.json()) as { code: string }).code).toBe("unauthorized");
      }
    }
    const unchanged = await api("GET", `/conferences/${conf.slug}/sessions/${draft.slug}`, { token: owner.token });
    expect(((await unchanged.json()) as { session: { status: string } }).session.status).toBe("draft");
  });

  it("the websocket refuses drafts (404) and reads public sessions read-only", async () => {
    expect(await upgradeStatus(`/collab/${draft.id}`)).toBe(404);
    expect(await upgradeStatus(`/collab/no-such-session`)).toBe(404);
    expect(await upgradeStatus(`/collab/${draft.id}?token=tn_pat_${"B".repeat(43)}`)).toBe(404);
    expect(await upgradeStatus(`/collab/${published.id}`)).toBe(101);

    const writer = connectClient(server.wsUrl, published.id, { token: editor.token });
    await synced(writer);
    writer.text.insert(0, "Official notes. ");
    const reader = connectClient(server.wsUrl, published.id);
    await synced(reader);
    await waitFor(() => notesText(reader.doc).includes("Official notes"), 5000, "public reader sees notes");
    reader.text.insert(0, "DEFACED ");
    await new Promise((r) => setTimeout(r, 600));
    expect(notesText(writer.doc)).not.toContain("DEFACED");
    writer.destroy();
    reader.destroy();
  });
});

describe("with the wrong role", () => {
  it("someone without a role gets the same 404 as for an unknown slug, on pages, routes, API and websocket", async () => {
    const unknownPage = await request("/conferences/no-such-conference", { cookie: cookies.outsider });
    expect(unknownPage.status).toBe(404);
    for (const path of [
      `/conferences/${conf.slug}`,
      `/conferences/${conf.slug}/sessions/${draft.slug}`,
      `/conferences/${conf.slug}/members`,
    ]) {
      const res = await request(path, { cookie: cookies.outsider });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain("Secret Draft");
    }
    expect(
      (await request(`/conferences/${conf.slug}/sessions/${draft.slug}/export/json`, { cookie: cookies.outsider }))
        .status,
    ).toBe(404);
    expect((await request(`/api/conferences/${conf.slug}/people`, { token: outsider.token })).status).toBe(404);

    const real = await api("GET", `/conferences/${conf.slug}`, { token: outsider.token });
    const unknown = await api("GET", `/conferences/no-such-conference`, { token: outsider.token });
    expect(real.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [
      (await real.json()) as { code: string; error: string },
      (await unknown.json()) as { code: string; error: string },
    ];
    expect(a.code).toBe(b.code);
    expect(a.error.replace(conf.slug, "X")).toBe(b.error.replace("no-such-conference", "X"));
    const list = (await (await api("GET", "/conferences", { token: outsider.token })).json()) as {
      conferences: unknown[];
    };
    expect(list.conferences).toEqual([]);

    expect(await upgradeStatus(`/collab/${draft.id}?token=${outsider.token}`)).toBe(404);
    expect(await upgradeStatus(`/collab/${draft.id}`, { cookie: cookies.outsider! })).toBe(404);
  });

  it("a viewer reads drafts but cannot write: API 403, and the websocket refuses its updates", async () => {
    expect((await api("GET", `/conferences/${conf.slug}/sessions/${draft.slug}`, { token: viewer.token })).status).toBe(
      200,
    );
    expect((await request(`/conferences/${conf.slug}/sessions/${draft.slug}`, { cookie: cookies.viewer })).status).toBe(
      200,
    );
    for (const [method, path, body] of [
      ["POST", `/conferences/${conf.slug}/sessions`, { title: "Viewer's session" }],
      ["PATCH", `/conferences/${conf.slug}/sessions/${draft.slug}`, { status: "published" }],
      ["POST", `/conferences/${conf.slug}/import-notes`, undefined],
      ["GET", `/conferences/${conf.slug}/members`, undefined],
      ["POST", `/conferences/${conf.slug}/invites`, { role: "owner" }],
      ["PATCH", `/conferences/${conf.slug}/members/${viewer.id}`, { role: "owner" }],
    ] as Array<[string, string, unknown]>) {
      const res = await api(method, path, { token: viewer.token }, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(
      (await request(`/api/sessions/${draft.id}/revisions`, { token: viewer.token }, { method: "POST", body: "{}" }))
        .status,
    ).toBe(403);

    const editorClient = connectClient(server.wsUrl, draft.id, { token: editor.token });
    await synced(editorClient);
    editorClient.text.insert(0, "Editor's words.");
    await new Promise((r) => setTimeout(r, 300));
    const before = notesText(editorClient.doc);

    const viewerClient = connectClient(server.wsUrl, draft.id, { token: viewer.token });
    await synced(viewerClient);
    await waitFor(() => notesText(viewerClient.doc) === before, 5000, "viewer sees the draft");
    const closed = new Promise<number>((resolve) => {
      viewerClient.provider.on("connection-close", (event: CloseEvent | null) => resolve(event?.code ?? 0));
    });
    for (let i = 0; i < 5; i++) viewerClient.text.insert(0, `VIEWER EDIT ${i} `);
    expect(await closed).toBe(4403);
    viewerClient.destroy();

    await new Promise((r) => setTimeout(r, 300));
    expect(notesText(editorClient.doc)).toBe(before);
    const fresh = connectClient(server.wsUrl, draft.id, { token: owner.token });
    await synced(fresh);
    await waitFor(() => notesText(fresh.doc) === before, 5000, "stored document unchanged");
    expect(notesText(fresh.doc)).not.toContain("VIEWER EDIT");
    fresh.destroy();
    editorClient.destroy();
  });

  it("an editor writes but cannot manage members; an owner can", async () => {
    const created = await api(
      "POST",
      `/conferences/${conf.slug}/sessions`,
      { token: editor.token },
      { title: "Editor's Talk", kind: "talk" },
    );
    expect(created.status).toBe(201);
    expect((await api("GET", `/conferences/${conf.slug}/members`, { token: editor.token })).status).toBe(403);
    expect(
      (await api("POST", `/conferences/${conf.slug}/invites`, { token: editor.token }, { role: "owner" })).status,
    ).toBe(403);
    expect((await request(`/conferences/${conf.slug}/members`, { cookie: cookies.editor })).status).toBe(404);
    const members = await api("GET", `/conferences/${conf.slug}/members`, { token: owner.token });
    expect(members.status).toBe(200);
    expect(((await members.json()) as { members: unknown[] }).members).toHaveLength(3);
    expect((await request(`/conferences/${conf.slug}/members`, { cookie: cookies.owner })).status).toBe(200);
    // The last owner cannot step down.
    const demote = await api(
      "PATCH",
      `/conferences/${conf.slug}/members/${owner.id}`,
      { token: owner.token },
      { role: "viewer" },
    );
    expect(demote.status).toBe(409);
  });

  it("the admin is owner everywhere", async () => {
    expect((await api("GET", `/conferences/${conf.slug}/members`, { token: admin.token })).status).toBe(200);
  });
});

describe("invites", () => {
  it("an expired invite is refused and gives no access; a used one cannot be used twice", async () => {
    const { acceptInvite } = await import("../../server/auth/invites");
    const { getPrisma } = await import("../../server/db/prisma");
    const make = async () => {
      const res = await api(
        "POST",
        `/conferences/${conf.slug}/invites`,
        { token: owner.token },
        { role: "editor", expiresInHours: 1 },
      );
      expect(res.status).toBe(201);
      return ((await res.json()) as { invite: { id: string; path: string } }).invite;
    };
    const expired = await make();
    await getPrisma().invite.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const token = expired.path.split("/").pop()!;
    const page = await request(expired.path, { cookie: cookies.outsider });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("This invite link is not valid");
    await expect(acceptInvite(token, outsider.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await upgradeStatus(`/collab/${draft.id}?token=${outsider.token}`)).toBe(404);
    expect((await api("GET", `/conferences/${conf.slug}`, { token: outsider.token })).status).toBe(404);

    const once = await make();
    const onceToken = once.path.split("/").pop()!;
    await acceptInvite(onceToken, outsider.id);
    expect((await api("GET", `/conferences/${conf.slug}`, { token: outsider.token })).status).toBe(200);
    await expect(acceptInvite(onceToken, viewer.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await request(once.path)).status).toBe(200);
    expect(await (await request(once.path)).text()).toContain("This invite link is not valid");
    const stored = await getPrisma().invite.findUnique({ where: { id: once.id } });
    expect(stored?.tokenHash).not.toContain(onceToken);
    await getPrisma().membership.deleteMany({ where: { userId: outsider.id } });
  });
});

describe("cross-site requests", () => {
  it("a server action posted from another origin with the owner's cookie is refused and creates nothing", async () => {
    const { getPrisma } = await import("../../server/db/prisma");
    const home = await (await request("/", { cookie: cookies.owner })).text();
    const ref = /name="\$ACTION_1:0" value="([^"]+)"/.exec(home)?.[1]?.replace(/&quot;/g, '"');
    const key = /name="\$ACTION_KEY" value="([^"]+)"/.exec(home)?.[1];
    expect(ref, "the home page's conference form").toBeTruthy();
    const post = (origin: string, name: string) => {
      const form = new FormData();
      form.set("$ACTION_REF_1", "");
      form.set("$ACTION_1:0", ref!);
      form.set("$ACTION_1:1", '[{"error":null,"fields":{}}]');
      form.set("$ACTION_KEY", key ?? "");
      form.set("name", name);
      return request("/", { cookie: cookies.owner, origin }, { method: "POST", body: form });
    };
    const evil = await post("http://evil.example", "CSRF Conference");
    expect(evil.status).toBeGreaterThanOrEqual(400);
    expect(await getPrisma().conference.count({ where: { name: "CSRF Conference" } })).toBe(0);
    // The same form from the app's own origin works: the refusal above is the origin check, not a broken request.
    const own = await post(server.url, "Own Origin Conference");
    expect(own.status).toBe(303);
    expect(await getPrisma().conference.count({ where: { name: "Own Origin Conference" } })).toBe(1);
  });

  it("a route-handler mutation with the cookie from another origin is refused", async () => {
    const res = await request(
      `/api/sessions/${draft.id}/revisions`,
      { cookie: cookies.editor, origin: "http://evil.example" },
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "csrf" }),
      },
    );
    expect(res.status).toBe(403);
  });

  it("a cookie-authenticated websocket from another origin is treated as the public's (drafts 404)", async () => {
    expect(await upgradeStatus(`/collab/${draft.id}`, { cookie: cookies.editor!, origin: "http://evil.example" })).toBe(
      404,
    );
    expect(await upgradeStatus(`/collab/${draft.id}`, { cookie: cookies.editor!, origin: server.url })).toBe(101);
  });
});

describe("path traversal", () => {
  it("slugs and export formats with ../ never reach a file", async () => {
    for (const path of [
      "/conferences/..%2F..%2F..%2Fetc%2Fpasswd",
      `/conferences/${conf.slug}/sessions/..%2F..%2Fdata%2Fsecret/export/json`,
      `/conferences/${conf.slug}/sessions/${draft.slug}/export/..%2F..%2F..%2Fetc%2Fpasswd`,
      `/conferences/${conf.slug}/sessions/${draft.slug}/export/constructor`,
      `/conferences/${conf.slug}/sessions/${draft.slug}/export/__proto__`,
      "/c/..%2F..%2Fetc/passwd",
      "/api/v1/conferences/..%2F..%2Fetc%2Fpasswd",
    ]) {
      const res = await request(path, {
        cookie: cookies.owner,
        token: path.startsWith("/api/v1") ? owner.token : undefined,
      });
      expect([400, 404], path).toContain(res.status);
      const body = await res.text();
      expect(body, path).not.toMatch(/root:.*:0:0:/);
    }
    expect(await upgradeStatus("/collab/..%2F..%2Fetc%2Fpasswd")).toBeGreaterThanOrEqual(400);
  });
});
