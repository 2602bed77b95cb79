import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { openSqlite } from "./open-sqlite";
import { readPrismaSchema } from "./read-prisma-schema";

const SCHEMA = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
const SQLITE_TYPES: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  Float: "REAL",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Bytes: "BLOB",
  BigInt: "BIGINT",
  Decimal: "DECIMAL",
  Json: "JSONB",
};

function migratedDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-drift-"));
  const db = openSqlite(path.join(dir, "drift.db"));
  applyMigrations(db);
  return db;
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

describe("migrations match prisma/schema.prisma", () => {
  const db = migratedDatabase();
  const models = readPrismaSchema(SCHEMA);
  // FTS5 virtual tables (full-text search, e.g. NotesSearch) cannot be Prisma models, and SQLite
  // backs each with shadow tables named <table>_data, _idx, _content, _docsize and _config.
  // Only those exact names are skipped: any other table must still match a model.
  const virtualTables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const ftsShadows = new Set(
    virtualTables.flatMap((v) => ["data", "idx", "content", "docsize", "config"].map((s) => `${v}_${s}`)),
  );
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
    .map((t) => t.name)
    .filter(
      (n) =>
        !n.startsWith("sqlite_") && n !== "_talknotes_migrations" && !virtualTables.includes(n) && !ftsShadows.has(n),
    );

  it("has exactly one table per model", () => {
    expect(tables.sort()).toEqual(models.map((m) => m.name).sort());
  });

  for (const model of models) {
    it(`${model.name}: columns, types, nullability, keys, defaults`, () => {
      const cols = db.prepare(`PRAGMA table_info("${model.name}")`).all() as ColumnInfo[];
      expect(cols.map((c) => c.name).sort()).toEqual(model.columns.map((c) => c.name).sort());
      const pkCols = model.compositeId ?? model.columns.filter((c) => c.id).map((c) => c.name);
      for (const col of model.columns) {
        const info = cols.find((c) => c.name === col.name)!;
        expect(info.type, `${model.name}.${col.name} type`).toBe(SQLITE_TYPES[col.type]);
        const isPk = pkCols.includes(col.name);
        expect(info.notnull === 1 || isPk, `${model.name}.${col.name} nullability`).toBe(!col.optional);
        expect(info.pk > 0, `${model.name}.${col.name} primary key`).toBe(isPk);
        expect(info.dflt_value !== null, `${model.name}.${col.name} default`).toBe(col.dbDefault !== null);
        if (col.dbDefault === "now()") expect(info.dflt_value).toBe("CURRENT_TIMESTAMP");
      }
      const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(model.name) as { sql: string }).sql;
      expect(/AUTOINCREMENT/.test(sql), `${model.name} autoincrement`).toBe(model.columns.some((c) => c.autoincrement));
    });

    it(`${model.name}: unique constraints and indexes`, () => {
      const indexes = (
        db.prepare(`PRAGMA index_list("${model.name}")`).all() as { name: string; unique: number; origin: string }[]
      )
        .filter((i) => i.origin === "c")
        .map((i) => ({
          unique: i.unique === 1,
          columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name),
        }));
      const expected = [
        ...model.columns.filter((c) => c.unique).map((c) => ({ unique: true, columns: [c.name] })),
        ...model.uniques.map((columns) => ({ unique: true, columns })),
        ...model.indexes.map((columns) => ({ unique: false, columns })),
      ];
      const key = (i: { unique: boolean; columns: string[] }) => `${i.unique ? "U" : "I"}:${i.columns.join(",")}`;
      expect(indexes.map(key).sort()).toEqual(expected.map(key).sort());
    });

    it(`${model.name}: foreign keys`, () => {
      const fks = (
        db.prepare(`PRAGMA foreign_key_list("${model.name}")`).all() as {
          table: string;
          from: string;
          to: string;
          on_delete: string;
        }[]
      )
        .map((f) => `${f.from}->${f.table}.${f.to}:${f.on_delete}`)
        .sort();
      const expected = model.relations
        .flatMap((r) =>
          r.fields.map(
            (f, i) =>
              `${f}->${r.model}.${r.references[i]}:${(r.onDelete ?? "Restrict").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase()}`,
          ),
        )
        .sort();
      expect(fks).toEqual(expected);
    });
  }

  it("applies each migration once", () => {
    const again = applyMigrations(db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });
});
