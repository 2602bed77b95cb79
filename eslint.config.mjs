import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** The Prisma client: its getter, the generated clients, the driver adapters. */
const PRISMA_MODULES = ["**/db/prisma", "**/generated/prisma/*", "**/generated/prisma-postgres/*", "@prisma/*"];
const PRISMA_MESSAGE =
  'Database access goes through a function in server/data (ARCHITECTURE.md, "Who calls the database").';

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "generated/",
      "next-env.d.ts",
      "tests/.artifacts/",
      "playwright-report/",
      "test-results/",
    ],
  },
  js.configs.recommended,
  { files: ["**/*.mjs", "**/*.js"], languageOptions: { globals: { ...globals.node } } },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.tsx", "**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its rejection (an unhandled rejection ends the process).
    // Fire-and-forget is written `void promise` with a comment saying why.
    files: ["**/*.tsx", "**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    // React code lives in app/ only.
    files: ["app/**/*.tsx", "app/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Prisma is called by server/data and the owners ARCHITECTURE.md names ("Who calls the database"), nobody else.
    files: ["app/**/*.ts", "app/**/*.tsx", "server/**/*.ts"],
    ignores: [
      "**/*.test.ts",
      "server/data/**",
      "server/db/**",
      "server/auth/**",
      "server/images/prisma-image-store.ts",
      "server/collab/session-people-sync.ts",
      "server/index.ts",
      "server/cli/open-cli-database.ts",
    ],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: PRISMA_MODULES, message: PRISMA_MESSAGE }] }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.value=/(db\\/prisma|generated\\/prisma|@prisma\\/)/]",
          message: PRISMA_MESSAGE,
        },
      ],
    },
  },
  {
    // One SQLite connection per process, opened in server/db and handed over; stores are built in two places
    // and reached through getStores() (ARCHITECTURE.md, "Who calls the database"). Type imports stay free:
    // a store names the connection type it is handed.
    files: ["app/**/*.ts", "app/**/*.tsx", "server/**/*.ts"],
    ignores: [
      "**/*.test.ts",
      "server/db/**",
      "server/index.ts",
      "server/get-stores.ts",
      "server/cli/open-cli-database.ts",
    ],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["better-sqlite3", "**/db/get-sqlite", "**/db/open-sqlite"],
              allowTypeImports: true,
              message:
                "The process's one SQLite connection is getSqlite()'s, handed to the stores by server/index.ts and server/get-stores.ts; data functions call getStores().",
            },
            {
              group: ["**/notes-store", "**/postgres-notes-store", "**/search-index", "**/postgres-search-index"],
              importNames: ["NotesStore", "PostgresNotesStore", "NotesSearchIndex", "PostgresNotesSearchIndex"],
              allowTypeImports: true,
              message: "Stores are built by server/index.ts and server/get-stores.ts only; call getStores().",
            },
          ],
        },
      ],
    },
  },
  {
    // Integration tests get their database and server from tests/support (startTestDatabase,
    // startTestServer, startSeededServer): none points this process's DATABASE_URL anywhere itself.
    // (A CLI run may still be handed another file on purpose, e.g. to show a fresh database.)
    files: ["tests/integration/**/*.ts", "tests/acceptance/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "AssignmentExpression[left.type='MemberExpression'][left.property.name='DATABASE_URL']",
          message:
            'Get the database from tests/support (startTestDatabase, startTestServer, startSeededServer): ARCHITECTURE.md, "Rules as applied", 6.',
        },
      ],
    },
  },
  {
    // lib/ is pure and isomorphic: no React, no Prisma, no server code, no process.env.
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "@prisma/*", "**/server/**", "**/app/**", "better-sqlite3", "node:*"] },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "lib/ reads no environment; pass values in." },
      ],
    },
  },
);
