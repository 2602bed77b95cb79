import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededAccount } from "../support/auth-seed";
import type { RunningServer } from "../support/server-process";
import { startTestServer } from "../support/test-server";

/**
 * The JSON API (docs/API.md) end to end with personal access tokens: what the
 * UI does — conferences, sessions, status, people, export, notes and schedule
 * import, members and invites — answered as documented.
 */
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

let server: RunningServer;
let ada: SeededAccount;
let bob: SeededAccount;

beforeAll(async () => {
  ({ server } = await startTestServer({ prefix: "talknotes-api-" }));
  const { seedAccount } = await import("../support/auth-seed");
  await seedAccount({ name: "Admin", email: "admin@api.test" });
  ada = await seedAccount({ name: "Ada", email: "ada@api.test" });
  bob = await seedAccount({ name: "Bob", email: "bob@api.test" });
});

afterAll(async () => {
  await server?.stop();
});

async function call<T = Record<string, unknown>>(
  account: SeededAccount,
  method: string,
  route: string,
  body?: unknown,
  type = "application/json",
) {
  const res = await fetch(`${server.url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${account.token}`, ...(body === undefined ? {} : { "content-type": type }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json as T, headers: res.headers };
}

describe("JSON API", () => {
  it("does what the UI does, with a token", async () => {
    expect((await call(ada, "GET", "/me")).body).toMatchObject({ email: "ada@api.test", name: "Ada", isAdmin: false });

    const created = await call<{ conference: { slug: string; role: string } }>(ada, "POST", "/conferences", {
      name: "API Camp",
      startsOn: "2024-05-01",
      hashtag: "#api",
    });
    expect(created.status).toBe(201);
    expect(created.body.conference.role).toBe("owner");
    const slug = created.body.conference.slug;
    const list = await call<{ conferences: Array<{ slug: string; role: string; sessions: number }> }>(
      ada,
      "GET",
      "/conferences",
    );
    expect(list.body.conferences).toEqual([expect.objectContaining({ slug, role: "owner", sessions: 0 })]);

    const invalid = await call<{ code: string; fields: Record<string, string> }>(
      ada,
      "POST",
      `/conferences/${slug}/sessions`,
      { title: "" },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe("invalid_input");

    const session = await call<{ session: { slug: string; status: string; kind: string } }>(
      ada,
      "POST",
      `/conferences/${slug}/sessions`,
      {
        title: "Opening Panel",
        kind: "panel",
        room: "Hall A",
        startsAt: "2024-05-01T09:30",
      },
    );
    expect(session.status).toBe(201);
    expect(session.body.session).toMatchObject({ kind: "panel", status: "draft" });
    const sessionSlug = session.body.session.slug;

    const live = await call<{ session: { status: string } }>(
      ada,
      "PATCH",
      `/conferences/${slug}/sessions/${sessionSlug}`,
      { status: "live" },
    );
    expect(live.body.session.status).toBe("live");
    expect((await fetch(`${server.url}/c/${slug}/${sessionSlug}`)).status).toBe(200);

    const notes = fs.readFileSync(path.join(FIXTURES, "notes/panel.txt"), "utf8");
    const imported = await call<{
      session: { slug: string; people: unknown[] };
      warnings: string[];
      guesses: Array<{ kind: string; confidence: number; message: string }>;
    }>(ada, "POST", `/conferences/${slug}/import-notes`, notes, "text/plain");
    expect(imported.status).toBe(201);
    // The importer's guesses come back too, least sure first, so an API client can ask a person about them.
    expect(imported.body.guesses.length).toBeGreaterThan(0);
    const confidences = imported.body.guesses.map((g) => g.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    for (const g of imported.body.guesses) expect(g.message).not.toBe("");
    expect(imported.body.session.people.length).toBeGreaterThan(2);

    const people = await call<{ people: Array<{ name: string }> }>(ada, "GET", `/conferences/${slug}/people`);
    expect(people.body.people.map((p) => p.name)).toContain("Amara Okafor");

    const md = await call(ada, "GET", `/conferences/${slug}/sessions/${imported.body.session.slug}/export/md`);
    expect(md.status).toBe(200);
    expect(String(md.body)).toContain("Should we deploy on Fridays at all?");
    const json = await call<{ format: string }>(
      ada,
      "GET",
      `/conferences/${slug}/sessions/${imported.body.session.slug}/export/json`,
    );
    expect(json.body.format).toBe("talknotes/1");

    const schedule = await call<{ counts: { sessions: number } }>(
      ada,
      "POST",
      `/conferences/${slug}/schedule`,
      fs.readFileSync(path.join(FIXTURES, "schedules/fixcon.xml"), "utf8"),
      "application/xml",
    );
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(200);
    expect(schedule.body.counts.sessions).toBeGreaterThan(0);

    const publishAll = await call<{ changed: Array<{ to: string }> }>(ada, "POST", `/conferences/${slug}/status`, {
      status: "published",
      from: ["draft", "live"],
    });
    expect(publishAll.status).toBe(200);
    expect(publishAll.body.changed.length).toBeGreaterThan(1);
    expect(publishAll.body.changed.every((c) => c.to === "published")).toBe(true);

    const invite = await call<{ invite: { path: string; role: string } }>(ada, "POST", `/conferences/${slug}/invites`, {
      role: "viewer",
      expiresInHours: 24,
    });
    expect(invite.status).toBe(201);
    const { acceptInvite } = await import("../../server/auth/invites");
    await acceptInvite(invite.body.invite.path.split("/").pop()!, bob.id);
    const members = await call<{ members: Array<{ userId: string; role: string }> }>(
      ada,
      "GET",
      `/conferences/${slug}/members`,
    );
    expect(members.body.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: bob.id, role: "viewer" })]),
    );
    expect((await call(bob, "POST", `/conferences/${slug}/sessions`, { title: "Not allowed" })).status).toBe(403);
    expect((await call(ada, "PATCH", `/conferences/${slug}/members/${bob.id}`, { role: "editor" })).status).toBe(200);
    expect((await call(bob, "POST", `/conferences/${slug}/sessions`, { title: "Allowed now" })).status).toBe(201);
    expect((await call(ada, "DELETE", `/conferences/${slug}/members/${bob.id}`)).status).toBe(200);
    expect((await call(bob, "GET", `/conferences/${slug}`)).status).toBe(404);
  });

  it("refuses bodies over the limit", async () => {
    const big = await call(ada, "POST", "/conferences", { name: "x".repeat(70 * 1024) });
    expect(big.status).toBe(413);
  });
});
