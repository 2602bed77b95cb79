import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededAccount } from "../support/auth-seed";
import type { RunningServer } from "../support/server-process";
import { startTestServer } from "../support/test-server";
import { trackSaves } from "../../app/collab/save-tracker";
import { seedEditorToken } from "../support/editor-token";
import { firstNoteText } from "../support/first-note-text";
import { runTalknotes } from "../support/run-talknotes";
import { type TestClient, connectClient, synced, waitFor } from "../support/yclient";

/**
 * Merging a session taken separately into another (ARCHITECTURE.md, "Merging notes") through the real
 * server: the JSON API previews without changing anything, applies as one edit a
 * connected co-editor receives live, records a named revision crediting the
 * note-takers, archives the merged-in session on request, and History restores
 * the notes from before the merge.
 */
let server: RunningServer;
let ada: SeededAccount;

beforeAll(async () => {
  ({ server } = await startTestServer({ prefix: "talknotes-merge-" }));
  const { seedAccount } = await import("../support/auth-seed");
  await seedAccount({ name: "Admin", email: "admin@merge.test" });
  ada = await seedAccount({ name: "Ada", email: "ada@merge.test" });
});

afterAll(async () => {
  await server?.stop();
});

async function call<T = Record<string, unknown>>(
  method: string,
  route: string,
  body?: unknown,
  type = "application/json",
) {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${ada.token}`, ...(body === undefined ? {} : { "content-type": type }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** `talknotes …` on the server's database; TALKNOTES_TOKEN and PORT reach the running server. */
function cli(args: string[], input?: string) {
  return runTalknotes(args, {
    env: { PORT: String(server.port), TALKNOTES_TOKEN: ada.token, PUBLIC_URL: "" },
    input,
    timeout: 60_000,
  });
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/notes/${name}`, import.meta.url), "utf8");
const xml = (c: TestClient) => c.doc.getXmlFragment("notes").toString();

interface Report {
  duplicates: Array<{ type: string; left: string; right: string; kept: string }>;
  conflicts: Array<{ id: string; speaker: string; left: string; right: string; choice: string }>;
  blocks: Array<{ path: string; text: string; sources: string[] }>;
  people: Array<{ name: string; how: string | null; leftId: string | null; rightId: string | null }>;
}
interface Merged {
  report: Report;
  credits: string[];
  source: { kind: string; title?: string };
  revision?: { id: string; kind: string; name: string; authors: string[] };
  afterwards: string;
}

describe("merging notes taken separately", () => {
  it("previews, applies live as one recorded edit, archives the merged-in session, and History restores the state before", async () => {
    const conference = await call<{ conference: { slug: string } }>("POST", "/api/v1/conferences", {
      name: "Harbour Ops Camp",
      startsOn: "2021-10-09",
    });
    const slug = conference.body.conference.slug;
    const imported = async (file: string) =>
      (
        await call<{ session: { id: string; slug: string } }>(
          "POST",
          `/api/v1/conferences/${slug}/import-notes`,
          fixture(file),
          "text/plain",
        )
      ).body.session;
    const left = await imported("panel.txt");
    const right = await imported("panel-second-taker.md");
    const mergeRoute = `/api/v1/conferences/${slug}/sessions/${left.slug}/merge`;

    // Rosa took the other notes: her edit is in that session's history, so the merge credits her, and the merge
    // reads her session live (her last edit need not be in its readers' copy yet).
    const { getPrisma } = await import("../../server/db/prisma");
    const conferenceId = (await getPrisma().conference.findUniqueOrThrow({ where: { slug } })).id;
    const rosa = connectClient(server.wsUrl, right.id, {
      token: await seedEditorToken(conferenceId, "Rosa"),
      connect: false,
    });
    const rosaSaves = trackSaves(rosa.provider);
    rosa.provider.connect();
    await synced(rosa);
    await waitFor(() => xml(rosa).includes("Friday deploys"), 10_000, "Rosa has her notes");
    const text = firstNoteText(rosa.doc);
    // A word that changes no content ("ok" is a stopword), so which wording the merge keeps does not depend on it.
    text.insert(text.length, " ok");
    await waitFor(() => rosaSaves.pending === 0, 10_000, "Rosa's edit is saved");
    rosaSaves.destroy();
    expect((await call("POST", `/api/sessions/${right.id}/revisions`, { name: "Rosa's notes" })).status).toBe(201);
    rosa.destroy();

    const coEditor = connectClient(server.wsUrl, left.id, { token: ada.token });
    await synced(coEditor);
    await waitFor(
      () => xml(coEditor).includes("Should we deploy on Fridays at all?"),
      10_000,
      "the co-editor has the notes",
    );
    const before = xml(coEditor);

    const preview = await call<Merged>("POST", mergeRoute, { from: { session: right.slug } });
    expect(preview.status).toBe(200);
    expect(preview.body.revision).toBeUndefined();
    expect(preview.body.report.duplicates.map((d) => d.type)).toEqual(
      expect.arrayContaining(["question", "statement"]),
    );
    expect(
      preview.body.report.blocks.some(
        (b) => b.text === "Who is on call on the weekend?" && b.sources.join() === "right",
      ),
    ).toBe(true);
    const conflict = preview.body.report.conflicts.find((c) => c.speaker === "Bruno Castellanos")!;
    expect(conflict, JSON.stringify(preview.body.report)).toBeDefined();
    expect(conflict).toMatchObject({ right: "Friday afternoons are for writing the postmortem", choice: "both" });
    expect(xml(coEditor)).toBe(before);

    const applied = await call<Merged>("POST", mergeRoute, {
      from: { session: right.slug },
      resolutions: { [conflict.id]: "left" },
      apply: true,
      afterwards: "archive",
    });
    expect(applied.status).toBe(200);
    expect(applied.body.revision).toMatchObject({
      kind: "named",
      name: "Merged notes from “Shipping on Fridays (closing panel)”",
    });
    expect(applied.body.revision!.authors).toEqual(["Ada", "Rosa"]);
    expect(applied.body.report.conflicts[0]!.choice).toBe("left");
    expect(applied.body.report.duplicates).toContainEqual(
      expect.objectContaining({ type: "question", right: "Friday deploys: yes or no? ok", kept: "left" }),
    );
    // The co-editor sees the merge live: the right's fuller wording, its own thread, not the dropped conflict side.
    await waitFor(
      () => xml(coEditor).includes("Who is on call on the weekend?"),
      10_000,
      "the merge reached the co-editor",
    );
    expect(xml(coEditor)).toContain(
      "with small batches the day of the week is irrelevant, we deploy forty times a day",
    );
    expect(xml(coEditor)).not.toContain("Friday afternoons are for writing the postmortem");
    expect(xml(coEditor).match(/Should we deploy on Fridays at all\?/g)).toHaveLength(1);

    const archived = await call<{ session: { status: string } }>(
      "GET",
      `/api/v1/conferences/${slug}/sessions/${right.slug}`,
    );
    expect(archived.body.session.status).toBe("archived");

    const revisions = await call<{ revisions: Array<{ id: string; kind: string; name: string | null }> }>(
      "GET",
      `/api/sessions/${left.id}/revisions`,
    );
    expect(revisions.body.revisions[0]!.id).toBe(applied.body.revision!.id);
    const preMerge = revisions.body.revisions[1]!;
    const restored = await call("POST", `/api/sessions/${left.id}/revisions/${preMerge.id}/restore`, {});
    expect(restored.status).toBe(200);
    await waitFor(
      () => !xml(coEditor).includes("Who is on call on the weekend?"),
      10_000,
      "the restore reached the co-editor",
    );
    expect(xml(coEditor)).toContain("Should we deploy on Fridays at all?");
    coEditor.destroy();

    // The byline credits both note-takers (derived from the revisions' authors).
    await call("PATCH", `/api/v1/conferences/${slug}/sessions/${left.slug}`, { status: "published" });
    const page = await fetch(`${server.url}/c/${slug}/${left.slug}`);
    expect(await page.text()).toContain("Notes by Ada and Rosa");

    // A file: the importer reads it, its people take the conference's ids, and nothing changes on a preview.
    const file = await call<Merged>("POST", mergeRoute, {
      from: { text: fixture("panel-second-taker.md"), fileName: "laptop.md" },
      noteTaker: "Priya",
    });
    expect(file.status).toBe(200);
    expect(file.body.source).toEqual({ kind: "file", name: "laptop.md" });
    expect(file.body.credits).toEqual(["Priya", "Ada"]);
    expect(file.body.report.people.filter((p) => p.leftId && p.rightId).map((p) => p.name)).toEqual(
      expect.arrayContaining(["Amara Okafor", "Bruno Castellanos"]),
    );
    expect((await call("POST", mergeRoute, { from: { session: left.slug } })).status).toBe(400);
  });

  it("previews and applies from the command line", async () => {
    const slug = (await call<{ conference: { slug: string } }>("POST", "/api/v1/conferences", { name: "CLI Camp" }))
      .body.conference.slug;
    const target = (
      await call<{ session: { id: string; slug: string } }>(
        "POST",
        `/api/v1/conferences/${slug}/import-notes`,
        fixture("ignite.txt"),
        "text/plain",
      )
    ).body.session;
    const base = ["merge", "--conference", slug, "--session", target.slug, "--from", "-"];

    const dry = cli([...base, "--dry-run"], fixture("ignite-second-taker.md"));
    expect(dry.stderr).toBe("");
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("Preview (nothing changed): merging file standard input");
    expect(dry.stdout).toMatch(/duplicates, 0 conflicts/);
    expect(dry.stdout).toContain("people matched: Rosa Lindqvist (id), Kofi Boateng (name)");
    expect(dry.stdout).toContain('kept right: "a runbook is a test you have never run"');

    const applied = cli([...base, "--note-taker", "Rosa"], fixture("ignite-second-taker.md"));
    expect(applied.stderr).toBe("");
    expect(applied.stdout).toContain('revision "Merged notes from standard input", notes by Rosa, Ada');
    const reader = connectClient(server.wsUrl, target.id, { token: ada.token });
    await synced(reader);
    await waitFor(
      () => xml(reader).includes("run the drill on a Tuesday morning"),
      10_000,
      "the merged notes are stored",
    );
    reader.destroy();

    const help = cli(["merge", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(
      /^Usage: talknotes merge --conference <slug> --session <slug> --from <session-slug\|file\|-> \[--dry-run\]/,
    );
    const badKeep = cli([...base, "--dry-run", "--keep", "0/1|0/1=mine"], fixture("ignite-second-taker.md"));
    expect(badKeep.status).not.toBe(0);
    expect(badKeep.stderr).toContain('--keep takes <conflict id>=left|right|both, not "0/1|0/1=mine"');

    const refused = cli(["merge", "--conference", slug, "--session", target.slug, "--from", "no-such-session"]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('No session "no-such-session"');
  });
});
