// `prisma generate` without network access. Prisma's CLI wants a native schema
// engine it downloads on first use, although `generate` never runs it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download, which
// fails on air-gapped machines and in CI (architecture §2).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath };
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
