import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

let cached: { css: string; hash: string } | null = null;

/**
 * The stylesheet of pages served without the React runtime (the public
 * session page): the site's variables and components plus the public pages'
 * own rules, read once from the sources and identified by a content hash so
 * browsers may cache it for good. The server runs from the project folder
 * (npm start / npm run dev), which is where the sources are.
 */
export function readerStylesheet(): { css: string; hash: string } {
  if (!cached) {
    const root = process.cwd();
    const css = ["app/globals.css", "app/c/public.css"]
      .map((file) => fs.readFileSync(path.join(root, file), "utf8"))
      .join("\n");
    cached = { css, hash: createHash("sha256").update(css).digest("hex").slice(0, 16) };
  }
  return cached;
}
