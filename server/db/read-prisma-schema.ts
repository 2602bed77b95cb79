import fs from "node:fs";

/** One scalar column of a model, as the Prisma schema declares it. */
export interface PrismaColumn {
  name: string;
  type: string;
  optional: boolean;
  id: boolean;
  unique: boolean;
  /** A default the database must hold (literal or now()); cuid()/autoincrement() are not DB defaults. */
  dbDefault: string | null;
  autoincrement: boolean;
}

export interface PrismaRelation {
  fields: string[];
  model: string;
  references: string[];
  onDelete: string | null;
}

export interface PrismaModel {
  name: string;
  columns: PrismaColumn[];
  compositeId: string[] | null;
  uniques: string[][];
  indexes: string[][];
  relations: PrismaRelation[];
}

const SCALARS = new Set(["String", "Int", "Float", "Boolean", "DateTime", "Bytes", "BigInt", "Decimal", "Json"]);

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Reads the models of a Prisma schema file: enough of the language (scalar
 * fields, ?, @id, @unique, @default, @relation, @@id, @@unique, @@index) to
 * check the migrated database against it. Anything else in a model line is an
 * error, so an unsupported construct cannot silently pass the drift test.
 */
export function readPrismaSchema(file: string): PrismaModel[] {
  const text = fs.readFileSync(file, "utf8");
  const models: PrismaModel[] = [];
  const modelRe = /^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm;
  for (const m of text.matchAll(modelRe)) {
    const model: PrismaModel = { name: m[1]!, columns: [], compositeId: null, uniques: [], indexes: [], relations: [] };
    for (const raw of m[2]!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line) continue;
      const block = /^@@(id|unique|index)\(\[([^\]]*)\]\)$/.exec(line);
      if (block) {
        const cols = list(block[2]!);
        if (block[1] === "id") model.compositeId = cols;
        else if (block[1] === "unique") model.uniques.push(cols);
        else model.indexes.push(cols);
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
      if (!field) throw new Error(`${model.name}: cannot read line "${line}"`);
      const [, name, type, modifier, attrs] = field as unknown as [string, string, string, string | undefined, string];
      if (!SCALARS.has(type)) {
        const rel = /@relation\(fields:\s*\[([^\]]*)\],\s*references:\s*\[([^\]]*)\](?:,\s*onDelete:\s*(\w+))?\)/.exec(
          attrs,
        );
        if (rel)
          model.relations.push({
            fields: list(rel[1]!),
            model: type,
            references: list(rel[2]!),
            onDelete: rel[3] ?? null,
          });
        continue;
      }
      if (modifier === "[]") throw new Error(`${model.name}.${name}: scalar lists are not supported by SQLite`);
      const def = /@default\((.*?)\)(?:\s|$)/.exec(attrs)?.[1] ?? null;
      model.columns.push({
        name,
        type,
        optional: modifier === "?",
        id: /@id\b/.test(attrs),
        unique: /@unique\b/.test(attrs),
        dbDefault: def === null || def === "cuid()" || def === "uuid()" || def === "autoincrement()" ? null : def,
        autoincrement: def === "autoincrement()",
      });
    }
    models.push(model);
  }
  return models;
}
