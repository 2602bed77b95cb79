import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ScaledDeployment, startScaledDeployment } from "../support/scaled-deployment";
import { testServices } from "../support/test-services";
import { trackSaves } from "../../app/collab/save-tracker";
import { firstNoteText } from "../support/first-note-text";
import { connectClient, synced, waitFor } from "../support/yclient";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`notes-import-postgres: skipped, ${missing}`);

const ROOT = path.resolve(import.meta.dirname, "../..");
const PANEL = fs.readFileSync(path.join(ROOT, "tests/fixtures/notes/panel.txt"), "utf8");
const QUESTION = "Should we deploy on Fridays at all?";

/**
 * Every path that writes or reads notes outside a room works on PostgreSQL
 * through the NotesStorage interface: the `talknotes` CLI (DATABASE_URL=postgres://…)
 * imports and exports, the running server imports (JSON API), and what either
 * stored opens in the editor on any instance. Before, all of these needed SQLite.
 */
describe.skipIf(!postgresUrl)("importing and exporting notes on PostgreSQL", () => {
  let deployment: ScaledDeployment;
  let pool: pg.Pool;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-cli-pg-"));

  beforeAll(async () => {
    deployment = await startScaledDeployment(postgresUrl!, 2);
    pool = new pg.Pool({ connectionString: deployment.databaseUrl, max: 2 });
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await deployment?.stop();
  });

  function cli(args: string[], input?: string) {
    const result = spawnSync(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args], {
      cwd: tmp,
      env: { ...process.env, DATABASE_URL: deployment.databaseUrl, PORT: "4123" },
      input,
      encoding: "utf8",
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** The notes an editor sees when it opens the session on instance `i`. */
  async function editorText(i: number, sessionId: string): Promise<string> {
    const client = connectClient(deployment.servers[i]!.wsUrl, sessionId, { token: deployment.token });
    try {
      await synced(client);
      return client.doc.getXmlFragment("notes").toString();
    } finally {
      client.destroy();
    }
  }

  it("the CLI imports into PostgreSQL: rows, Yjs state and readers' copy, opened by any instance", async () => {
    const run = cli(["import-notes", "-", "--conference", deployment.conferenceSlug], PANEL);
    expect(run.stderr).toContain("Imported");
    expect(run.status).toBe(0);
    const sessionId = /^session (\S+)$/m.exec(run.stdout)?.[1];
    expect(sessionId).toBeTruthy();

    const { rows } = await pool.query<{ contentJson: string; updates: string }>(
      `SELECT n."contentJson", (SELECT count(*) FROM "NotesUpdate" u WHERE u."sessionId" = n."sessionId") AS updates
         FROM "NotesDocument" n WHERE n."sessionId" = $1`,
      [sessionId],
    );
    expect(Number(rows[0]!.updates)).toBe(1);
    expect(JSON.parse(rows[0]!.contentJson).blocks.some((b: { text?: string }) => b.text === QUESTION)).toBe(true);
    // The conference's people (seeded) were reused or added in the same database.
    const people = await pool.query<{ name: string }>(
      `SELECT p.name FROM "SessionPerson" sp JOIN "Person" p ON p.id = sp."personId" WHERE sp."sessionId" = $1`,
      [sessionId],
    );
    expect(people.rows.map((r) => r.name)).toContain("Amara Okafor");

    expect(await editorText(1, sessionId!)).toContain(QUESTION);
  }, 90_000);

  it("the running server imports through its own store (JSON API), and the CLI exports from the Yjs state", async () => {
    const res = await fetch(
      `${deployment.servers[0]!.url}/api/v1/conferences/${deployment.conferenceSlug}/import-notes`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${deployment.token}`, "content-type": "text/plain" },
        body: PANEL,
      },
    );
    const body = (await res.json()) as { session: { id: string; slug: string } };
    expect(res.status).toBe(201);
    expect(await editorText(1, body.session.id)).toContain(QUESTION);

    // Without a usable readers' copy, an export rebuilds the blocks from the stored Yjs state.
    await pool.query(`UPDATE "NotesDocument" SET "contentJson" = '' WHERE "sessionId" = $1`, [body.session.id]);
    const out = path.join(tmp, "export");
    const exported = cli([
      "export",
      "--conference",
      deployment.conferenceSlug,
      "--session",
      body.session.slug,
      "--to",
      "md",
      "--out",
      out,
    ]);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    const markdown = fs.readFileSync(path.join(out, `${body.session.slug}.md`), "utf8");
    expect(markdown).toContain(QUESTION);
    expect(markdown).toContain("Amara");
  }, 90_000);

  it("CLI status changes reach PostgreSQL (publish), and a missing conference is refused without writing", async () => {
    const before = Number((await pool.query(`SELECT count(*) AS n FROM "Session"`)).rows[0].n);
    const refused = cli([
      "export",
      "--conference",
      "no-such-conference",
      "--to",
      "md",
      "--out",
      path.join(tmp, "none"),
    ]);
    expect(refused.status).toBe(1);
    expect(Number((await pool.query(`SELECT count(*) AS n FROM "Session"`)).rows[0].n)).toBe(before);

    const published = cli(["publish", "--conference", deployment.conferenceSlug, "--session", deployment.sessionSlug]);
    expect(published.stderr).not.toMatch(/error/i);
    expect(published.status).toBe(0);
    const { rows } = await pool.query<{ status: string }>(`SELECT status FROM "Session" WHERE id = $1`, [
      deployment.sessionId,
    ]);
    expect(rows[0]!.status).toBe("published");
  }, 90_000);

  it("an export right after an edit has it, on an instance that does not hold the render lease", async () => {
    const session = `/api/v1/conferences/${deployment.conferenceSlug}/sessions/${deployment.sessionSlug}`;
    // Instance 2 renders first, so it holds the document's render lease.
    const holder = connectClient(deployment.servers[1]!.wsUrl, deployment.sessionId, { token: deployment.token });
    const writer = connectClient(deployment.servers[0]!.wsUrl, deployment.sessionId, {
      token: deployment.token,
      connect: false,
    });
    const tracker = trackSaves(writer.provider, { probeDelayMs: 0 });
    try {
      await synced(holder);
      firstNoteText(holder.doc).insert(0, "rendered by instance two. ");
      const copy = async () =>
        (
          await pool.query<{ c: string }>(`SELECT "contentJson" AS c FROM "NotesDocument" WHERE "sessionId" = $1`, [
            deployment.sessionId,
          ])
        ).rows[0]?.c ?? "";
      for (const end = Date.now() + 10_000; !(await copy()).includes("rendered by instance two") && Date.now() < end;)
        await new Promise((r) => setTimeout(r, 50));
      writer.provider.connect();
      await synced(writer);
      firstNoteText(writer.doc).insert(0, "Exported at once. ");
      await waitFor(() => tracker.pending === 0, 10_000, "the edit saved on instance 1");
      const res = await fetch(`${deployment.servers[0]!.url}${session}/export/md`, {
        headers: { authorization: `Bearer ${deployment.token}` },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Exported at once.");
    } finally {
      tracker.destroy();
      holder.destroy();
      writer.destroy();
    }
  }, 90_000);
});
