import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempPostgresDatabase } from "../../tests/support/temp-postgres-database";
import { testServices } from "../../tests/support/test-services";
import { applyPostgresMigrations } from "./migrate-postgres";
import { readPrismaSchema } from "./read-prisma-schema";

// The PostgreSQL twin of schema-drift.test.ts: the migrated database must match prisma/schema.prisma
// (the one schema; the PostgreSQL client is generated from a copy with only the provider switched).
const SCHEMA = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
const PG_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Bytes: "bytea",
  BigInt: "bigint",
  Decimal: "numeric",
  Json: "jsonb",
};
/** Tables that cannot be Prisma models, owned by hand-written SQL (see their migrations). */
const SQL_ONLY_TABLES = ["NotesSearch"];
const ON_DELETE: Record<string, string> = { c: "Cascade", r: "Restrict", a: "NoAction", n: "SetNull", d: "SetDefault" };

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`schema-drift-postgres: skipped, ${missing}`);

describe.skipIf(!postgresUrl)("PostgreSQL migrations match prisma/schema.prisma", () => {
  const models = readPrismaSchema(SCHEMA);
  let url: string;
  let db: pg.Client;
  const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await db.query<T>(sql, params)).rows;

  beforeAll(async () => {
    url = await tempPostgresDatabase(postgresUrl!, "talknotes_drift");
    db = new pg.Client({ connectionString: url });
    await db.connect();
    // Two instances starting at once: the advisory lock lets each migration run exactly once.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    const results = await Promise.all([applyPostgresMigrations(db), applyPostgresMigrations(other)]);
    await other.end();
    expect(results.flatMap((r) => r.applied).sort()).toEqual(results.find((r) => r.applied.length > 0)!.applied.sort());
  });
  afterAll(async () => {
    await db?.end();
  });

  it("has exactly one table per model", async () => {
    const tables = (
      await q<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )
    )
      .map((t) => t.table_name)
      .filter((n) => n !== "_talknotes_migrations" && !SQL_ONLY_TABLES.includes(n));
    expect(tables.sort()).toEqual(models.map((m) => m.name).sort());
  });

  for (const model of models) {
    it(`${model.name}: columns, types, nullability, keys, defaults`, async () => {
      const cols = await q<{
        column_name: string;
        data_type: string;
        is_nullable: string;
        column_default: string | null;
        datetime_precision: number | null;
      }>(
        `SELECT column_name, data_type, is_nullable, column_default, datetime_precision FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [model.name],
      );
      expect(cols.map((c) => c.column_name).sort()).toEqual(model.columns.map((c) => c.name).sort());
      const pk = (
        await q<{ attname: string }>(
          `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
         WHERE i.indrelid = $1::regclass AND i.indisprimary`,
          [`"${model.name}"`],
        )
      ).map((r) => r.attname);
      const expectedPk = model.compositeId ?? model.columns.filter((c) => c.id).map((c) => c.name);
      expect(pk.sort(), `${model.name} primary key`).toEqual([...expectedPk].sort());
      for (const col of model.columns) {
        const info = cols.find((c) => c.column_name === col.name)!;
        expect(info.data_type, `${model.name}.${col.name} type`).toBe(PG_TYPES[col.type]);
        if (col.type === "DateTime") expect(info.datetime_precision, `${model.name}.${col.name} precision`).toBe(3);
        expect(info.is_nullable === "NO", `${model.name}.${col.name} nullability`).toBe(!col.optional);
        if (col.autoincrement)
          expect(info.column_default, `${model.name}.${col.name} autoincrement`).toMatch(/^nextval\(/);
        else expect(info.column_default !== null, `${model.name}.${col.name} default`).toBe(col.dbDefault !== null);
        if (col.dbDefault === "now()") expect(info.column_default).toBe("CURRENT_TIMESTAMP");
      }
    });

    it(`${model.name}: unique constraints and indexes`, async () => {
      const indexes = await q<{ unique: boolean; columns: string[] }>(
        `SELECT i.indisunique AS unique,
                ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
         FROM pg_index i WHERE i.indrelid = $1::regclass AND NOT i.indisprimary`,
        [`"${model.name}"`],
      );
      const expected = [
        ...model.columns.filter((c) => c.unique).map((c) => ({ unique: true, columns: [c.name] })),
        ...model.uniques.map((columns) => ({ unique: true, columns })),
        ...model.indexes.map((columns) => ({ unique: false, columns })),
      ];
      const key = (i: { unique: boolean; columns: string[] }) => `${i.unique ? "U" : "I"}:${i.columns.join(",")}`;
      expect(indexes.map(key).sort()).toEqual(expected.map(key).sort());
    });

    it(`${model.name}: foreign keys`, async () => {
      const fks = (
        await q<{ from: string; table: string; to: string; on_delete: string }>(
          `SELECT a.attname AS "from", c.confrelid::regclass::text AS "table", af.attname AS "to", c.confdeltype AS on_delete
         FROM pg_constraint c
         JOIN LATERAL unnest(c.conkey, c.confkey) AS k(src, dst) ON true
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.src
         JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.dst
         WHERE c.contype = 'f' AND c.conrelid = $1::regclass`,
          [`"${model.name}"`],
        )
      ).map((f) => `${f.from}->${f.table.replace(/"/g, "")}.${f.to}:${ON_DELETE[f.on_delete]}`);
      const expected = model.relations.flatMap((r) =>
        r.fields.map((f, i) => `${f}->${r.model}.${r.references[i]}:${r.onDelete ?? "Restrict"}`),
      );
      expect(fks.sort()).toEqual(expected.sort());
    });
  }

  it("applies each migration once", async () => {
    const again = await applyPostgresMigrations(db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });
});
