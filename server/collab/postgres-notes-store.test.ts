import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { tempPostgresDatabase } from "../../tests/support/temp-postgres-database";
import { testServices } from "../../tests/support/test-services";
import { applyPostgresMigrations } from "../db/migrate-postgres";
import { PostgresNotesStore } from "./postgres-notes-store";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`postgres-notes-store: skipped, ${missing}`);

/** A Yjs update that appends `text` to the notes of a fresh replica of `base`. */
function edit(base: Uint8Array | null, text: string, clientID: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  if (base) Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(doc.getText("t").length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

const textOf = (state: Uint8Array | null) => {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText("t").toString();
};

describe.skipIf(!postgresUrl)("PostgresNotesStore (real PostgreSQL)", () => {
  let pool: pg.Pool;
  let store: PostgresNotesStore;
  const sessions: string[] = [];

  beforeAll(async () => {
    const url = await tempPostgresDatabase(postgresUrl!, "talknotes_store");
    pool = new pg.Pool({ connectionString: url, max: 4 });
    const client = await pool.connect();
    await applyPostgresMigrations(client);
    client.release();
    await pool.query(`INSERT INTO "Conference" (id, slug, name, "updatedAt") VALUES ('c1', 'conf', 'Conf', now())`);
    for (let i = 0; i < 12; i++) {
      sessions.push(`s${i}`);
      await pool.query(
        `INSERT INTO "Session" (id, "conferenceId", slug, title, "updatedAt") VALUES ($1, 'c1', $1, $1, now())`,
        [`s${i}`],
      );
    }
    store = new PostgresNotesStore(pool);
  });
  afterAll(async () => {
    await pool?.end();
  });

  it("creates a document with one generation on first load and reads back what was appended", async () => {
    const first = await store.load("s0");
    expect(first.state).toBeNull();
    expect(await store.ensureGeneration("s0")).toBe(first.generation);
    await store.append("s0", edit(null, "hello", 1));
    const again = await store.load("s0");
    expect(textOf(again.state)).toBe("hello");
    expect(again.updatesSinceSnapshot).toBe(1);
    expect(again.generation).toBe(first.generation);
    expect(await store.sessionExists("s0")).toBe(true);
    expect(await store.sessionExists("nope")).toBe(false);
  });

  it("creates one document when several instances load a new session at the same moment", async () => {
    const wide = new pg.Pool({ connectionString: pool.options.connectionString, max: 8 });
    try {
      for (let round = 0; round < 20; round++) {
        const id = `race${round}`;
        await pool.query(
          `INSERT INTO "Session" (id, "conferenceId", slug, title, "updatedAt") VALUES ($1, 'c1', $1, $1, now())`,
          [id],
        );
        const stores = Array.from({ length: 8 }, () => new PostgresNotesStore(wide));
        const loaded = await Promise.all(stores.map((s) => s.load(id)));
        expect(new Set(loaded.map((l) => l.generation)).size).toBe(1);
      }
    } finally {
      await wide.end();
    }
  });

  it("group commits: appends from many rooms at once take a few round trips, each resolved only once stored", async () => {
    for (const s of sessions) await store.ensureGeneration(s);
    let statements = 0;
    const query = pool.query.bind(pool);
    pool.query = ((...args: Parameters<typeof query>) => {
      statements++;
      return query(...args);
    }) as typeof pool.query;
    try {
      const appends = sessions.flatMap((s, i) =>
        Array.from({ length: 10 }, (_, k) => store.append(s, edit(null, `${s}:${k};`, 1000 + i * 10 + k))),
      );
      await Promise.all(appends);
    } finally {
      pool.query = query;
    }
    // 120 appends: the first goes alone, the rest queue behind it and go out as one batch.
    expect(statements).toBeLessThanOrEqual(3);
    for (const s of sessions.slice(1)) {
      const text = textOf((await store.load(s)).state);
      for (let k = 0; k < 10; k++) expect(text).toContain(`${s}:${k};`);
    }
  });

  it("refuses only the bad append of a batch", async () => {
    const results = await Promise.allSettled([
      store.append("s1", edit(null, "x", 5000)),
      store.append("missing", edit(null, "y", 5001)),
      store.append("s2", edit(null, "z", 5002)),
    ]);
    // The first may have gone alone; the other two share a batch that fails and is retried one by one.
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("compaction keeps updates another instance stored that this one never saw", async () => {
    const other = new PostgresNotesStore(pool);
    await store.append("s3", edit(null, "mine", 7000));
    const mine = (await store.load("s3")).state!;
    await other.append("s3", edit(null, "theirs", 7001)); // not in `mine`
    await store.compact("s3", mine);
    const after = await store.load("s3");
    expect(after.updatesSinceSnapshot).toBe(0);
    const text = textOf(after.state);
    expect(text).toContain("mine");
    expect(text).toContain("theirs");
    await other.append("s3", edit(after.state, "+later", 7002));
    expect(textOf((await store.load("s3")).state)).toBe(`${text}+later`);
  });

  it("a load never misses updates while another instance compacts", async () => {
    const other = new PostgresNotesStore(pool);
    let expected = textOf((await store.load("s8")).state);
    for (let round = 0; round < 15; round++) {
      const piece = `<${round}>`;
      expected += piece;
      await store.append("s8", edit((await store.load("s8")).state, piece, 8000 + round));
      const [loaded] = await Promise.all([store.load("s8"), other.compact("s8", new Uint8Array([0, 0]))]);
      expect(textOf(loaded.state)).toBe(expected);
    }
  });

  it("a compaction never folds the log past an append that is still committing", async () => {
    // An append that took its id and has not committed yet (the shared fence first, as every append
    // takes it), while a later append commits: the log then has a committed id above an uncommitted one.
    const slow = await pool.connect();
    try {
      await slow.query("BEGIN");
      await slow.query(`SELECT pg_advisory_xact_lock_shared(7301, hashtext('s9'))`);
      await slow.query(`INSERT INTO "NotesUpdate" ("sessionId", data, "createdAt") VALUES ('s9', $1, now())`, [
        Buffer.from(edit(null, "first", 9100)),
      ]);
      await store.append("s9", edit(null, "second", 9101));
      // Folding up to "second" now and deleting what is below it would orphan "first" once it commits.
      expect(await store.compact("s9", edit(null, "second", 9101))).toBe(false);
      await slow.query("COMMIT");
    } finally {
      slow.release();
    }
    const loaded = await store.load("s9");
    expect(textOf(loaded.state)).toContain("first");
    expect(textOf(loaded.state)).toContain("second");
    // Nothing committing any more: the compaction goes ahead and keeps both.
    expect(await store.compact("s9", loaded.state!)).toBe(true);
    const compacted = await store.load("s9");
    expect(compacted.updatesSinceSnapshot).toBe(0);
    expect(textOf(compacted.state)).toContain("first");
    expect(textOf(compacted.state)).toContain("second");
  });

  it("takes one automatic revision per document per interval across instances, with every instance's authors", async () => {
    const other = new PostgresNotesStore(pool);
    const generation = await store.ensureGeneration("s10");
    const state = edit(null, "auto", 9200);
    const auto = (s: PostgresNotesStore, author: string) =>
      s.addRevision("s10", { generation, kind: "auto", name: null, state, authors: [author], coveredWithinMs: 60_000 });
    const [a, b] = await Promise.all([auto(store, "Ada"), auto(other, "Grace")]);
    expect(a.id).toBe(b.id);
    const listed = await store.listRevisions("s10");
    expect(listed).toHaveLength(1);
    expect(listed[0]!.authors).toEqual(["Ada", "Grace"]);
    // A named revision is always taken; without `coveredWithinMs` (one instance) an automatic one is too.
    await other.addRevision("s10", { generation, kind: "named", name: "v1", state, authors: [] });
    await store.addRevision("s10", { generation, kind: "auto", name: null, state, authors: [] });
    expect(await store.listRevisions("s10")).toHaveLength(3);
  });

  it("re-creates a document with a new generation and keeps its revisions", async () => {
    const { generation, state } = await store.load("s5");
    await store.append("s5", edit(state, "draft", 9000));
    const rev = await store.addRevision("s5", {
      generation,
      kind: "named",
      name: "v1",
      state: edit(null, "draft", 9000),
      authors: ["Ada"],
    });
    expect(rev).toMatchObject({ kind: "named", name: "v1", authors: ["Ada"], generation });
    expect(Date.parse(rev.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const fresh = await store.recreate("s5");
    expect(fresh).not.toBe(generation);
    const loaded = await store.load("s5");
    expect(loaded).toMatchObject({ generation: fresh, state: null, updatesSinceSnapshot: 0 });
    const listed = await store.listRevisions("s5");
    expect(listed.map((r) => r.id)).toEqual([rev.id]);
    expect(textOf((await store.getRevision("s5", rev.id))!.state)).toBe("draft");
    expect(await store.getRevision("s5", "other")).toBeNull();
    expect(await store.lastRevisionAt("s5")).toBe(Date.parse(rev.createdAt));
    expect(await store.lastRevisionAt("s6")).toBeNull();
  });

  it("stores the readers' copy, and says when another instance already stored the same one", async () => {
    await store.ensureGeneration("s7");
    expect(await store.writeContent("s7", '{"format":"talknotes/1"}')).toBe(true);
    const { rows } = await pool.query(`SELECT "contentJson" FROM "NotesDocument" WHERE "sessionId" = 's7'`);
    expect(rows[0].contentJson).toBe('{"format":"talknotes/1"}');
    // A second instance rendering the same document: nothing new to store, announce or index.
    expect(await new PostgresNotesStore(pool).writeContent("s7", '{"format":"talknotes/1"}')).toBe(false);
    expect(await store.writeContent("s7", '{"format":"talknotes/1","v":2}')).toBe(true);
  });

  it("appends and compactions of one document from several instances at once never deadlock", async () => {
    // Each append must take the fence before it locks the document's row: a compaction holds the
    // fence and waits for that row, so the other order is a lock cycle PostgreSQL breaks by failing one.
    await store.ensureGeneration("s11");
    const wide = new pg.Pool({ connectionString: pool.options.connectionString, max: 12 });
    try {
      const stores = Array.from({ length: 4 }, () => new PostgresNotesStore(wide));
      const failures: unknown[] = [];
      const keep = (p: Promise<unknown>) => p.catch((err: unknown) => failures.push(err));
      let appended = "";
      for (let round = 0; round < 60; round++) {
        const work: Array<Promise<unknown>> = [];
        stores.forEach((s, i) => {
          const piece = `[${round}.${i}]`;
          appended += piece;
          work.push(keep(s.append("s11", edit(null, piece, 11_000 + round * 4 + i))));
        });
        work.push(keep(stores[round % 4]!.compact("s11", new Uint8Array([0, 0]))));
        await Promise.all(work);
      }
      expect(failures).toEqual([]);
      const text = textOf((await store.load("s11")).state);
      for (const piece of appended.match(/\[[^\]]+\]/g)!) expect(text).toContain(piece);
    } finally {
      await wide.end();
    }
  });
});
