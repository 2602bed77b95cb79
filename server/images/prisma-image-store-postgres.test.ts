import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempPostgresDatabase } from "../../tests/support/temp-postgres-database";
import { testServices } from "../../tests/support/test-services";
import { applyPostgresMigrations } from "../db/migrate-postgres";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`prisma-image-store on PostgreSQL: skipped, ${missing}`);

/**
 * Photos (ARCHITECTURE.md, "Photos") live in the database on PostgreSQL too (the scale-out
 * needs nothing else): stored once per content, read back byte for byte,
 * capped per session, deleted with their session.
 */
describe.skipIf(!postgresUrl)("prismaImageStore on PostgreSQL", () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    const url = await tempPostgresDatabase(postgresUrl!, "talknotes_images");
    pool = new pg.Pool({ connectionString: url, max: 2 });
    const client = await pool.connect();
    await applyPostgresMigrations(client);
    client.release();
    await pool.query(`INSERT INTO "Conference" (id, slug, name, "updatedAt") VALUES ('c1', 'conf', 'Conf', now())`);
    await pool.query(
      `INSERT INTO "Session" (id, "conferenceId", slug, title, "updatedAt") VALUES ('s1', 'c1', 's1', 'S1', now())`,
    );
    process.env.DATABASE_URL = url;
  });

  afterAll(async () => {
    const { getPrisma } = await import("../db/prisma");
    await getPrisma().$disconnect();
    await pool?.end();
  });

  it("stores, serves, dedupes, caps and cascades", { timeout: 120_000 }, async () => {
    const { prismaImageStore } = await import("./prisma-image-store");
    const { processImage } = await import("./process-image");
    const png = (c: string) =>
      sharp({ create: { width: 700, height: 400, channels: 3, background: c } })
        .png()
        .toBuffer();
    const store = prismaImageStore({ maxSessionImages: 2, maxSessionBytes: 10 * 1024 * 1024 });
    const first = await processImage(await png("#336699"));
    expect(await store.put("s1", first)).toEqual({
      hash: first.hash,
      width: 700,
      height: 400,
      placeholder: first.placeholder,
    });
    expect(await store.put("s1", first)).toMatchObject({ hash: first.hash });
    for (const v of first.variants) {
      const stored = await store.variant("s1", first.hash, v.name);
      expect(stored?.contentType).toBe(v.contentType);
      expect(Buffer.from(stored!.data).equals(v.data)).toBe(true);
    }
    expect(await store.variant("s1", first.hash, "w1600")).toBeNull();
    await store.put("s1", await processImage(await png("#996633")));
    await expect(store.put("s1", await processImage(await png("#669933")))).rejects.toThrow(/at most 2 photos/);
    expect((await store.list("s1")).length).toBe(2);
    await pool.query(`DELETE FROM "Session" WHERE id = 's1'`);
    expect((await pool.query(`SELECT count(*)::int AS n FROM "ImageVariant"`)).rows[0].n).toBe(0);
  });
});
