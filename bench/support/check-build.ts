import fs from "node:fs";
import path from "node:path";

/**
 * Throws with instructions when there is no production build: scenarios that
 * start the real server (server/index.ts in production mode) need `.next/`.
 */
export function checkBuild(root: string): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error(
      "bench: no production build (.next/BUILD_ID is missing). The live-panel, busy-conference, durability, " +
        "editing-trace and public-page scenarios start the real server in production mode: run `npm run build` first, " +
        "or use `--only library` for the library-only scenario.",
    );
  }
}
