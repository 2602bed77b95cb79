import { defineConfig } from "prisma/config";

// Only `prisma generate` is used (offline). Migrations are applied by the app
// at start-up from prisma/migrations: see server/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/talknotes.db" },
});
