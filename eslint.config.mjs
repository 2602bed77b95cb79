import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "generated/", "next-env.d.ts", "tests/.artifacts/", "playwright-report/", "test-results/"] },
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
    // lib/ is pure and isomorphic: no React, no Prisma, no server code, no process.env.
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@prisma/*", "**/server/**", "**/app/**", "better-sqlite3", "node:*"] }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "lib/ reads no environment; pass values in." }],
    },
  },
);
